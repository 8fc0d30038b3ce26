// The size budget of the first screen (issue 17): what a clerk's browser loads before it can type
// into a blank report — the entry chunk and every chunk it imports statically, gzip -9 (measured
// as scripts/bench/bundle.bench.ts prints it). Code that must load on demand only (the docx
// package, the importer, pdf.js, the 2019 and 2008 templates, zod, the rules) is not in it. A size, not a time.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from 'vite';
import { initialJs, kib, LAZY_MARKERS, type InitialJs } from '../../scripts/bench/initial-js';

/** The ceiling the first screen may not grow past: issue 17's target (react-dom alone is 64 KiB of it). */
const BUDGET_KIB = 120;

const out = mkdtempSync(join(tmpdir(), 'nianbao-initial-js-'));
let js: InitialJs;

beforeAll(async () => {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', mode: 'production', build: { outDir: out, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = before;
  }
  js = initialJs(out);
}, 180_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

it(`the first screen loads at most ${BUDGET_KIB} KiB of JavaScript (gzip)`, () => {
  console.log(`initial JavaScript: ${kib(js.gz)} gzip in ${js.chunks.length} file(s): ${js.chunks.map((c) => c.file).join(', ')}`);
  expect(js.gz).toBeLessThanOrEqual(BUDGET_KIB * 1024);
});

it('leaves out what loads on demand: the docx package, the importer, pdf.js, the older templates, zod, the rules', () => {
  expect(js.eager).toEqual([]);
  // Each marker is in the build, in a chunk of its own loaded later: else its absence above proves nothing.
  const assets = join(out, 'assets');
  const later = readdirSync(assets)
    .filter((f) => /\.m?js$/.test(f) && !js.chunks.some((c) => c.file === `assets/${f}`))
    .map((f) => readFileSync(join(assets, f), 'utf8'))
    .join('\n');
  for (const [what, marker] of Object.entries(LAZY_MARKERS)) expect(later.includes(marker), what).toBe(true);
});

it('carries the template in force for new reports: the one src/ui/shell/templates.ts names is the newest', () => {
  const index = JSON.parse(readFileSync('templates/index.json', 'utf8')) as { templates: { file: string; years: { from: number } }[] };
  const newest = [...index.templates].sort((a, b) => b.years.from - a.years.from)[0]!;
  const named = /import current from '\.\.\/\.\.\/\.\.\/templates\/([^']+)'/.exec(readFileSync('src/ui/shell/templates.ts', 'utf8'))?.[1];
  expect(named).toBe(newest.file);
});
