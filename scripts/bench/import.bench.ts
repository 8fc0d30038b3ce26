// Time to import one published report: seed 002 as pasted web text, nianbao's own .docx of the
// busy example and of seed 002, and the read step (.docx → paragraphs and tables) alone.
import { readFileSync, readdirSync } from 'node:fs';
import { parseReportText } from '../../src/core';
import { renderDocx } from '../../src/render/docx/render-docx';
import { Deflate } from 'fflate';
import { ImportError, LIMITS, importDocx, importText, readDocx } from '../../src/import';
import { nodeRegistry } from '../../src/node/templates';
import { timeIt } from './stats';

const run = (label: string, fn: () => unknown, n = 200) => timeIt(label, fn, n);

const registry = nodeRegistry();
const template = registry.get('gov-info-2021')!;
const seeds = new URL('../../test/fixtures/seeds/', import.meta.url);
const seed = (p: string) => readFileSync(new URL(readdirSync(seeds).find((f) => f.startsWith(p))!, seeds), 'utf8');
const report = (file: string) => {
  const p = parseReportText(readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8'), registry.get);
  if (!p.ok) throw new Error(`${file} does not parse`);
  return p.report;
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

// Hostile input: a zip whose document.xml declares 1 kB but inflates to 40 MB of one letter.
const parts: Uint8Array[] = [];
const deflate = new Deflate({ level: 9 }, (c) => parts.push(c));
const mb = new Uint8Array(1024 * 1024).fill(0x61);
const total = LIMITS.xmlBytes / 1048576 + 10;
for (let i = 0; i < total; i++) deflate.push(mb, i === total - 1);
const bombData = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
parts.reduce((at, p) => (bombData.set(p, at), at + p.length), 0);
// A one-entry zip written by hand, declaring 1000 bytes.
const name = 'word/document.xml';
const liar = new Uint8Array(30 + name.length + bombData.length + 46 + name.length + 22);
const dv = new DataView(liar.buffer);
dv.setUint32(0, 0x04034b50, true); dv.setUint16(8, 8, true); dv.setUint32(18, bombData.length, true); dv.setUint32(22, 1000, true); dv.setUint16(26, name.length, true);
liar.set(new TextEncoder().encode(name), 30); liar.set(bombData, 30 + name.length);
const cd = 30 + name.length + bombData.length;
dv.setUint32(cd, 0x02014b50, true); dv.setUint16(cd + 10, 8, true); dv.setUint32(cd + 20, bombData.length, true); dv.setUint32(cd + 24, 1000, true); dv.setUint16(cd + 28, name.length, true);
liar.set(new TextEncoder().encode(name), cd + 46);
const end = cd + 46 + name.length;
dv.setUint32(end, 0x06054b50, true); dv.setUint16(end + 8, 1, true); dv.setUint16(end + 10, 1, true); dv.setUint32(end + 12, 46 + name.length, true); dv.setUint32(end + 16, cd, true);
console.log(`zip bomb: ${bombData.length} bytes compressed, ${total} MB inflated`);
run('refuse the zip bomb (stops at the 30 MB cap)', () => {
  try {
    readDocx(liar);
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    return;
  }
  throw new Error('zip bomb not refused');
}, 5);
