// Initial JavaScript of the production build (`npm run bench -- bundle`): what the first screen
// loads (the entry chunk and every chunk it imports statically), per chunk, gzip -9, against the
// budget of issue 17 (120 KiB); and which code that must load on demand is in it (none should be).
//   npx tsx scripts/bench/bundle.bench.ts [dist-folder]   (no folder: builds into a temporary one)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { initialJs, kib, LAZY_MARKERS } from './initial-js';

const BUDGET = 120 * 1024;
const given = process.argv[2];
const out = given ?? mkdtempSync(join(tmpdir(), 'nianbao-bench-bundle-'));
try {
  if (!given) {
    process.env.NODE_ENV = 'production';
    await build({ logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  }
  const js = initialJs(out);
  console.log(`initial JavaScript: ${kib(js.gz)} gzip (${kib(js.raw)} minified) in ${js.chunks.length} file(s), budget ${kib(BUDGET)}; CSS ${kib(js.cssGz)} gzip`);
  for (const c of [...js.chunks].sort((a, b) => b.gz - a.gz)) console.log(`  ${kib(c.gz).padStart(10)} gzip ${kib(c.raw).padStart(10)} minified  ${c.file}`);
  for (const what of Object.keys(LAZY_MARKERS)) console.log(`  ${what}: ${js.eager.includes(what) ? 'IN THE INITIAL SET' : 'not in it'}`);
} finally {
  if (!given) rmSync(out, { recursive: true, force: true });
}
