// Time to check one full report (all rules R1..R15, with last year's report given).
import { readFileSync } from 'node:fs';
import { checkReport, nextYearReport, parseReportText } from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';
import { timeIt as run } from './stats';

const parsed = parseReportText(readFileSync(new URL('../../examples/seed-002.report.json', import.meta.url), 'utf8'), nodeRegistry().get);
if (!parsed.ok) throw new Error('example does not parse');
const { template, report } = parsed;
const next = nextYearReport(template, report);
for (const c of template.inputCells) next.values[c.id] ??= 1;

run('check seed-002 (draft)', () => checkReport(template, report));
run('check next-year report with previous (final)', () => checkReport(template, next, { mode: 'final', previous: report, today: '2025-01-10' }));
const text = readFileSync(new URL('../../examples/seed-002.report.json', import.meta.url), 'utf8');
run('parse + validate + check from JSON text', () => {
  const p = parseReportText(text, nodeRegistry().get);
  if (p.ok) checkReport(p.template, p.report);
});
