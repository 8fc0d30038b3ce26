// Import time per report per form (nianbao's .docx of the busy example through LibreOffice into
// PDF, HTML and text, pdftotext -raw/-layout, and the real published PDF and saved page of the
// corpus), then a folder of 1,000 mixed reports imported and checked in one CLI call
// (`nianbao import DIR --check --brief`, the built CLI), with its wall time and peak memory from
// /usr/bin/time -v. The folder is made in a temp dir and removed afterwards. Goal: < 60 s.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseReportText, type Report } from '../../src/core';
import { importAny, readAnySource } from '../../src/import';
import { nodeRegistry } from '../../src/node/templates';
import { renderDocx } from '../../src/render/docx/render-docx';
import { convert } from '../../test/helpers/libreoffice';
import { stats } from './stats';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const registry = nodeRegistry();
const template = registry.get('gov-info-2021')!;
const busy = (() => {
  const p = parseReportText(readFileSync(join(ROOT, 'examples/busy-subdistrict.report.json'), 'utf8'), registry.get);
  if (!p.ok) throw new Error('busy example does not parse');
  return p.report;
})();

async function timeAsync(label: string, fn: () => Promise<unknown>, n: number): Promise<void> {
  for (let i = 0; i < Math.min(5, n); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  console.log(`${label}: ${stats(times)}`);
}

const work = mkdtempSync(join(tmpdir(), 'nianbao-bench-import-'));
try {
  // ---- per form ------------------------------------------------------------------------------
  const docx = join(work, 'busy.docx');
  writeFileSync(docx, await renderDocx(template, busy));
  const [pdf] = convert([docx], 'pdf', join(work, 'pdf')).files;
  const [html] = convert([docx], 'html', join(work, 'html')).files;
  const [txt] = convert([docx], 'txt:Text (encoded):UTF8', join(work, 'txt')).files;
  const raw = join(work, 'busy.raw.txt');
  const layout = join(work, 'busy.layout.txt');
  execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf!, raw]);
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf!, layout]);
  const forms: [string, string, number][] = [
    ['busy example .docx', docx, 200],
    ['busy example PDF (LibreOffice)', pdf!, 40],
    ['busy example HTML (LibreOffice)', html!, 100],
    ['busy example text (LibreOffice)', txt!, 200],
    ['busy example text (pdftotext -raw)', raw, 200],
    ['busy example text (pdftotext -layout)', layout, 200],
    ['real PDF 淮安市 2024 (6 pages)', join(ROOT, 'test/fixtures/corpus/26_huaian-city-gov-2024.pdf'), 20],
    ['real saved page 平潭县 2013 (98 kB)', join(ROOT, 'test/fixtures/corpus/24_pingtan-county-gov-2013.html'), 50],
    ['real web text 君山片区 2023', join(ROOT, 'test/fixtures/corpus/01_pingtan-junshan-area-2023.txt'), 200],
  ];
  for (const [label, file, n] of forms) {
    const bytes = new Uint8Array(readFileSync(file));
    await timeAsync(`import ${label}: read + import`, async () => importAny((await readAnySource(bytes, file)).doc, registry), n);
  }

  // ---- 1,000 mixed reports in one CLI call ---------------------------------------------------
  // 40 distinct random reports, each in four forms, copied under new names up to 1,000 files in
  // nested folders, with the real PDF, page and web texts among them. Their numbers are random,
  // not balanced, so the check finds errors in most: its full output is part of what is timed.
  const distinct = 40;
  const samples = fc.sample(fc.tuple(...template.inputCells.map(() => fc.nat({ max: 500 }))), { numRuns: distinct, seed: 7 });
  const reports = samples.map((cells, i): Report => ({ ...structuredClone(busy), year: 2021 + (i % 5), values: Object.fromEntries(template.inputCells.map((c, k) => [c.id, c.kind === 'amount' ? cells[k]! / 100 : cells[k]!])) }));
  const gen = join(work, 'gen');
  mkdirSync(gen);
  const docxFiles = await Promise.all(reports.map(async (r, i) => {
    const f = join(gen, `r${i}.docx`);
    writeFileSync(f, await renderDocx(template, r));
    return f;
  }));
  const pdfs = convert(docxFiles, 'pdf', join(gen, 'pdf')).files;
  const htmls = convert(docxFiles, 'html', join(gen, 'html')).files;
  const txts = convert(docxFiles, 'txt:Text (encoded):UTF8', join(gen, 'txt')).files;
  const pool = [...docxFiles, ...pdfs, ...htmls, ...txts, ...['26_huaian-city-gov-2024.pdf', '24_pingtan-county-gov-2013.html', '01_pingtan-junshan-area-2023.txt', '13_pingtan-public-security-2024.txt'].map((f) => join(ROOT, 'test/fixtures/corpus', f))];
  const folder = join(work, 'reports');
  for (let i = 0; i < 1000; i++) {
    const src = pool[i % pool.length]!;
    const sub = join(folder, `unit-${String(i % 25).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    copyFileSync(src, join(sub, `${String(i).padStart(4, '0')}${src.slice(src.lastIndexOf('.'))}`));
  }
  const bin = join(ROOT, 'bin/nianbao.mjs');
  if (!existsSync(join(ROOT, 'build/cli/main.js'))) execFileSync('node', [join(ROOT, 'scripts/build-cli.mjs')]);
  const run = spawnSync('/usr/bin/time', ['-v', 'node', bin, 'import', folder, '-o', join(work, 'out'), '--check', '--brief'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = run.stdout.split('\n');
  const field = (name: string) => new RegExp(`${name}: (.+)`).exec(run.stderr)?.[1]?.trim();
  console.log(`1,000 mixed reports (docx, PDF, HTML, text; ${pool.length} distinct) imported and checked in one call: exit ${run.status}`);
  console.log(`  ${lines.filter((l) => l.includes(' → ')).length} lines; ${lines.at(-2) ?? ''}`);
  // Wall time depends on what else runs on the machine's 2 cores; user + system is the work done.
  console.log(`  wall ${field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)')}, user ${field('User time \\(seconds\\)')} s, system ${field('System time \\(seconds\\)')} s, peak memory ${(Number(field('Maximum resident set size \\(kbytes\\)')) / 1024).toFixed(0)} MB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
