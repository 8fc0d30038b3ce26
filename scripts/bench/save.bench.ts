// Time to save a full report as a draft: IndexedDB put of the whole report (structured clone)
// inside the revision-checked transaction, plus the file text (JSON) for "保存为文件".
// IndexedDB here is fake-indexeddb in Node (in memory, same API and cloning); Chromium's real
// IndexedDB is measured by test/e2e/drafts.test.ts, which prints its own number.
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { nextYearReport, parseReportText } from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';
import { openDraftDb } from '../../src/drafts/db';
import { reportFileText } from '../../src/drafts/files';
import { stats } from './stats';

const parsed = parseReportText(readFileSync(new URL('../../examples/seed-002.report.json', import.meta.url), 'utf8'), nodeRegistry().get);
if (!parsed.ok) throw new Error('example does not parse');
// A full report: every input cell filled, all narrative, and last year's snapshot inside.
const full = nextYearReport(parsed.template, parsed.report);
for (const c of parsed.template.inputCells) full.values[c.id] ??= 7;
for (const t of parsed.template.texts) full.narrative[t.id] = parsed.report.narrative[t.id] ?? '文字'.repeat(200);
console.log(`full report: ${parsed.template.inputCells.length} input cells, ${reportFileText(full).length} characters of JSON`);

const db = await openDraftDb({ indexedDB: new IDBFactory() });
const draft = await db.create(full);
let rev = draft.rev;
const times: number[] = [];
for (let i = 0; i < 550; i++) {
  const report = { ...full, values: { ...full.values, [parsed.template.inputCells[0]!.id]: i } };
  const t = performance.now();
  const r = await db.save(draft.id, { report, focus: { cell: 'x' }, errors: 0 }, rev);
  if (i >= 50) times.push(performance.now() - t);
  if (!r.ok) throw new Error('save refused');
  rev = r.rev;
}
console.log(`autosave of a full report (fake-indexeddb put, revision check): ${stats(times)}`);
const text: number[] = [];
for (let i = 0; i < 550; i++) {
  const t = performance.now();
  reportFileText(full);
  if (i >= 50) text.push(performance.now() - t);
}
console.log(`file text of a full report (JSON.stringify, pretty): ${stats(text)}`);
db.close();
