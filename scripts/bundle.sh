#!/usr/bin/env bash
# The command bundled by esbuild into node_modules/.cache/dossier/, which
# `npm run build` runs: Node then loads one file per stage instead of tsx
# compiling and resolving some 1,500 source and library files one by one,
# about 1.5 s less at every start. Libraries that read files of their own
# (Paged.js, fonts, templates, WebAssembly, native binaries) or load code at
# run time (pdf.js's worker, the feed parser's modules) stay outside, as Node finds them in node_modules.
#
#   bash scripts/bundle.sh                    the command, again only when src/ changed
#   bash scripts/bundle.sh OUTDIR ENTRY...    other entry points (the bench's runners)
#
# The threads that read saved pages (src/read/html-worker.ts) and that draw
# the EPUB's cover (src/render/epub/cover-worker.ts) are
# always bundled too, as html-worker.js and cover-worker.js beside the chunks
# that start them, the latter with
# satori inside it: satori carries its WebAssembly in its code, and loading it
# and its libraries module by module took that thread about 0.1 s longer.
set -euo pipefail
cd "$(dirname "$0")/.."
outdir="${1:-node_modules/.cache/dossier}"
if [ "$#" -gt 1 ]; then
  entries=("${@:2}")
else
  entries=(src/cli.ts)
  if [ -f "$outdir/cli.js" ] && [ -z "$(find src package-lock.json scripts/bundle.sh -newer "$outdir/cli.js" -print -quit)" ]; then
    exit 0
  fi
fi
rm -rf "$outdir"
external=(puppeteer pdfjs-dist @rowanmanning/feed-parser @resvg/resvg-js jsdom @mozilla/readability pagedjs nunjucks iconv-lite)
node_modules/.bin/esbuild "${entries[@]}" cover-worker=src/render/epub/cover-worker.ts html-worker=src/read/html-worker.ts --bundle --splitting --platform=node --format=esm --target=node20 \
  "${external[@]/#/--external:}" --outdir="$outdir" --log-level=warning \
  --banner:js="import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);"
