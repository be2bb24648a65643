// `npm run bench`: how long builds of real press text take, stage by stage.
// Uses ../shared/corpus (BBC text stays there, never in this repository).
//   npm run bench              the story cluster in every format, the BBC corpus without PDF
//   npm run bench -- --pdf     also the 2,128-article PDF (about six minutes)
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Format } from '../src/build.js';

const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const withPdf = process.argv.includes('--pdf');
const all: Format[] = ['html', 'pdf', 'epub', 'md', 'json'];

const runs: { name: string; input: string; formats: Format[] }[] = [
  { name: 'story cluster (18 files)', input: path.join(corpus, 'story'), formats: all },
  { name: 'BBC corpus (2,226 files)', input: path.join(corpus, 'scale'), formats: withPdf ? all : ['html', 'epub', 'md', 'json'] },
];

if (!existsSync(corpus)) {
  console.error(`bench: no corpus at ${corpus}; it sits beside the repository in ../shared/corpus.`);
  process.exit(1);
}

for (const run of runs) {
  const out = await mkdtemp(path.join(os.tmpdir(), 'dossier-bench-'));
  const stages: string[] = [];
  const started = performance.now();
  const result = await build({
    input: run.input,
    out,
    formats: run.formats,
    reporter: {
      stage: (name, detail, ms) => stages.push(`  ${name.padEnd(16)} ${detail.padEnd(22)} ${ms.toFixed(0).padStart(7)} ms`),
      progress: () => {},
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const articles = result.dossier.articles.length;
  const words = result.dossier.articles.reduce((sum, article) => sum + article.words, 0);
  console.log(`${run.name}: ${articles} articles, ${words.toLocaleString('en-GB')} words, ${run.formats.join(',')}`);
  console.log(stages.join('\n'));
  console.log(`  total            ${seconds.toFixed(2)} s, ${(articles / seconds).toFixed(0)} articles/s${result.failed.length ? `, FAILED: ${result.failed.map((f) => f.format).join(', ')}` : ''}\n`);
  await rm(out, { recursive: true, force: true });
}
