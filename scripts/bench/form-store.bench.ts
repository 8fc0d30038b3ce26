// The work behind one keystroke in the form, without the browser: the report store takes a
// typed value, recomputes every total and every finding (R1–R15), and regroups findings by cell.
import { readFileSync } from 'node:fs';
import { checkWithValues, createChecker, parseReportText, type Report } from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';
import { createReportStore } from '../../src/store/report-store';
import { stats } from './stats';

const parsed = parseReportText(readFileSync(new URL('../../examples/seed-002.report.json', import.meta.url), 'utf8'), nodeRegistry().get);
if (!parsed.ok) throw new Error('example does not parse');
const { template, report } = parsed;
const store = createReportStore(template, report, { today: '2024-01-20' });
const cells = template.inputCells;

const run = (label: string, fn: (i: number) => unknown, n = 1000) => {
  for (let i = 0; i < 100; i++) fn(i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn(i);
    times.push(performance.now() - t);
  }
  console.log(`${label}: ${stats(times)}`);
};
run('store.typeCell (seed-002, a different cell each time)', (i) => store.typeCell(cells[i % cells.length]!.id, String(i % 7)));
run('store.typeCell refused ("x…")', (i) => store.typeCell(cells[i % cells.length]!.id, `x${i}`));
run('store.setText (a narrative keystroke)', (i) => store.setText('problems', '整改'.repeat(50) + i));
run('store.setValues (paste of all 166 cells)', (i) => store.setValues(cells.map((c) => ({ cell: c.id, value: i % 5 }))), 200);

// The rules behind one keystroke, alternately in one run: the incremental checker the store uses
// (only the parts of rules that read the changed cell) and the full check of every rule, on the
// same edits; over the finished seed and over a report just begun (the first 10 cells typed into
// a blank report, 156 blanks reported).
const blank: Report = { ...report, values: {} };
for (const [name, start, typedCells] of [['seed-002', report, cells], ['a report just begun', blank, cells.slice(0, 10)]] as const) {
  const check = createChecker();
  let r: Report = start;
  const parts = check(template, r, { mode: 'draft' }).partsRan;
  const inc: number[] = [];
  const full: number[] = [];
  let ran = 0;
  let partsRan = 0;
  for (let i = 0; i < 2000; i++) {
    const c = typedCells[i % typedCells.length]!;
    r = { ...r, values: { ...r.values, [c.id]: i % 7 } };
    const t0 = performance.now();
    const result = check(template, r, { mode: 'draft' });
    const t1 = performance.now();
    checkWithValues(template, r, { mode: 'draft' });
    const t2 = performance.now();
    if (i >= 200) {
      inc.push(t1 - t0);
      full.push(t2 - t1);
    }
    ran += result.ran.length;
    partsRan += result.partsRan;
  }
  console.log(`rules per keystroke (${name}), incremental (${(ran / 2000).toFixed(1)} of ${template.rules.length} rules, ${(partsRan / 2000).toFixed(1)} of ${parts} parts run): ${stats(inc)}`);
  console.log(`rules per keystroke (${name}), full check (all ${template.rules.length}):${' '.repeat(25)}${stats(full)}`);
}
