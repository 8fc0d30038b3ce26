// Time to import one published report: seed 002 as pasted web text, nianbao's own .docx of the
// busy example and of seed 002, and the read step (.docx → paragraphs and tables) alone.
import { readFileSync, readdirSync } from 'node:fs';
import { parseReportText } from '../../src/core';
import { renderDocx } from '../../src/docx/render-docx';
import { importDocx, importText, readDocx } from '../../src/import';
import { nodeRegistry } from '../../src/node/templates';
import { stats } from './stats';

const registry = nodeRegistry();
const template = registry.get('gov-info-2021')!;
const seeds = new URL('../../test/fixtures/seeds/', import.meta.url);
const seed = (p: string) => readFileSync(new URL(readdirSync(seeds).find((f) => f.startsWith(p))!, seeds), 'utf8');
const report = (file: string) => {
  const p = parseReportText(readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8'), registry.get);
  if (!p.ok) throw new Error(`${file} does not parse`);
  return p.report;
};

const run = (label: string, fn: () => unknown, n = 200) => {
  for (let i = 0; i < 20; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  console.log(`${label}: ${stats(times)}`);
};

const text002 = seed('002_');
const text003 = seed('003_');
const docxBusy = await renderDocx(template, report('busy-subdistrict.report.json'));
const docx002 = await renderDocx(template, report('seed-002.report.json'));
console.log(`inputs: seed 002 text ${text002.length} chars; busy .docx ${docxBusy.length} bytes; seed 002 .docx ${docx002.length} bytes`);
run('import seed 002 pasted text (2021 template)', () => importText(text002, template));
run('import seed 003 pasted text (2019 template)', () => importText(text003, template));
run('import busy example .docx', () => importDocx(docxBusy, template));
run('import seed 002 .docx', () => importDocx(docx002, template));
run('read busy example .docx only (unzip + XML)', () => readDocx(docxBusy));
