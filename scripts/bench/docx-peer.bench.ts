// The .docx render (the body joined from fragments the docx package made once per shape, put into
// a skeleton docx made once) against the generic way to fill a Word file: docxtemplater (+ pizzip)
// filling a template of the same document. The peer's template is made from our own output, so
// both write the same document: the report is rendered once with a distinct sentinel in every
// cell and text slot, and each sentinel becomes a {tag}; docxtemplater then fills the tags with
// the report's values. Both run alternately in this one process, on the same report, each
// producing the bytes of a finished file (deflated zip). Prints numbers; never fails on speed.
import { readFileSync } from 'node:fs';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { computeValues, parseReportText, type Report } from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';
import { renderDocx } from '../../src/render/docx/render-docx';
import { stats } from './stats';

const parsed = parseReportText(readFileSync(new URL('../../examples/busy-subdistrict.report.json', import.meta.url), 'utf8'), nodeRegistry().get);
if (!parsed.ok) throw new Error('example does not parse');
const { template, report } = parsed;

// ---- The peer's template: our document with a tag in place of every value ---------------------
const marked: Report = structuredClone(report);
template.inputCells.forEach((c, i) => (marked.values[c.id] = 7_000_000 + i * 1_009));
const texts = template.texts.map((t, i) => ({ id: t.id, mark: `〔文${i}〕`, tag: `t${i}` }));
for (const t of texts) marked.narrative[t.id] = t.mark;
const markedValues = computeValues(template, marked);
const realValues = computeValues(template, report);
// A sentinel printed once is a tag; one printed by two cells (a sum that collides) stays literal.
const byText = new Map<string, string[]>();
for (const [id, v] of markedValues) if (v != null) byText.set(String(v), [...(byText.get(String(v)) ?? []), id]);
const cellTags = [...byText].filter(([, ids]) => ids.length === 1).map(([text, [id]], i) => ({ text, id: id!, tag: `c${i}` }));

const zip = new PizZip(await renderDocx(template, marked));
let xml = zip.file('word/document.xml')!.asText();
let tags = 0;
for (const c of cellTags) {
  const before = xml;
  xml = xml.split(`>${c.text}<`).join(`>{${c.tag}}<`);
  if (xml !== before) tags++;
}
for (const t of texts) {
  const before = xml;
  xml = xml.split(t.mark).join(`{${t.tag}}`);
  if (xml !== before) tags++;
}
zip.file('word/document.xml', xml);
const peerTemplate = zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
const data: Record<string, string> = {};
for (const c of cellTags) data[c.tag] = realValues.get(c.id) == null ? '' : String(realValues.get(c.id));
for (const t of texts) data[t.tag] = report.narrative[t.id] ?? '';

const fill = () => {
  const doc = new Docxtemplater(new PizZip(peerTemplate), { paragraphLoop: true, linebreaks: true });
  doc.render(data);
  return doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' }) as Uint8Array;
};

// The peer writes the report, not the sentinels: every sentinel is gone and the texts are there.
const filled = new PizZip(fill()).file('word/document.xml')!.asText();
const firstText = texts.map((t) => report.narrative[t.id]).find((t) => !!t && t.length > 8);
if (/7\d{6}|〔文\d+〕|\{[ct]\d+\}/.test(filled) || (firstText && !filled.includes(firstText.slice(0, 8)))) throw new Error('docxtemplater peer did not fill the report');

// ---- Alternately, in one run -------------------------------------------------------------------
const ours: number[] = [];
const peer: number[] = [];
let oursSize = 0;
let peerSize = 0;
for (let i = 0; i < 70; i++) {
  const t0 = performance.now();
  oursSize = (await renderDocx(template, report)).length;
  const t1 = performance.now();
  peerSize = fill().length;
  const t2 = performance.now();
  if (i >= 10) {
    ours.push(t1 - t0);
    peer.push(t2 - t1);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`peer template: ${tags} tags (${cellTags.length} cells, ${texts.length} text slots)`);
console.log(`render busy-subdistrict, nianbao (docx fragments): ${stats(ours)}; file ${(oursSize / 1024).toFixed(1)} KiB`);
console.log(`fill the same report, docxtemplater + pizzip:    ${stats(peer)}; file ${(peerSize / 1024).toFixed(1)} KiB`);
console.log(`nianbao / docxtemplater (median): ${(median(ours) / median(peer)).toFixed(2)}x`);
