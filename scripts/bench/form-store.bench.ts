// The work behind one keystroke in the form, without the browser: the report store takes a
// typed value, recomputes every total and every finding (R1–R15), and regroups findings by cell.
import { readFileSync } from 'node:fs';
import { parseReportText } from '../../src/core';
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
