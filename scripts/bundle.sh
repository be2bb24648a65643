#!/usr/bin/env bash
# The command bundled by esbuild into node_modules/.cache/dossier/, which
# `npm run build` runs: Node then loads one module graph instead of tsx
# compiling and resolving some 400 files one by one, a second less at every
# start. Bundled again whenever a file in src/ (or the lock file) is newer
# than the bundle; otherwise this takes a few milliseconds.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=node_modules/.cache/dossier
if [ ! -f "$bundle/cli.js" ] || [ -n "$(find src package-lock.json -newer "$bundle/cli.js" -print -quit)" ]; then
  rm -rf "$bundle"
  node_modules/.bin/esbuild src/cli.ts --bundle --splitting --platform=node --format=esm --target=node20 \
    --packages=external --outdir="$bundle" --log-level=warning
fi
