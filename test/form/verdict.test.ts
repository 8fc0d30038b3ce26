// The one verdict (src/core/verdict.ts) on real reports: what the panel, the export gate, the drafts
// list and the CLI count. Checked as finished, blanks are errors and still listed as unfinished;
// only a final check with no error is exportable.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport, createReport, parseReportText, verdict } from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';

const registry = nodeRegistry();
const template = registry.get('gov-info-2021')!;
const blank = createReport(template, 2024);
const seed = parseReportText(readFileSync('examples/seed-002.report.json', 'utf8'), registry.get);
if (!seed.ok) throw new Error('seed-002 does not parse');

describe('verdict', () => {
  it('a blank report while drafting: no errors, every blank input cell unfinished, not exportable', () => {
    const v = verdict(checkReport(template, blank, { mode: 'draft' }), [], 'draft');
    expect(v.counts.errors).toBe(0);
    const blankCells = v.unfinished.filter((f) => f.place?.kind === 'cell').map((f) => (f.place as { cell: string }).cell);
    expect(new Set(blankCells).size).toBe(template.inputCells.length);
    expect(v.unfinished.every((f) => f.level === 'incomplete')).toBe(true);
    expect(v.exportable).toBe(false);
  });

  it('the same report checked as finished: the blanks are errors and still unfinished', () => {
    const draft = verdict(checkReport(template, blank, { mode: 'draft' }), [], 'draft');
    const final = verdict(checkReport(template, blank, { mode: 'final' }), [], 'final');
    expect(final.counts.unfinished).toBe(draft.counts.unfinished);
    expect(final.counts.errors).toBeGreaterThanOrEqual(final.counts.unfinished);
    expect(final.unfinished.every((f) => f.level === 'error' && f.unfinished)).toBe(true);
    expect(final.exportable).toBe(false);
  });

  it('refused inputs are errors: a report without rule errors is exportable only without them', () => {
    const findings = checkReport(template, seed.report, { mode: 'final' }).filter((f) => f.level !== 'error');
    expect(verdict(findings, [], 'final').exportable).toBe(true);
    expect(verdict(findings, [], 'draft').exportable).toBe(false);
    const refused = verdict(findings, [{ place: { kind: 'fact', field: 'year' } }], 'final');
    expect(refused.counts.errors).toBe(1);
    expect(refused.exportable).toBe(false);
    expect(refused.counts.warnings).toBe(findings.filter((f) => f.level === 'warning').length);
  });

  it('every finding of a real report carries its place, derived once in checkReport', () => {
    const findings = checkReport(template, blank, { mode: 'final' });
    const written = findings.find((f) => f.params.path === 'dates.written');
    expect(written?.place).toEqual({ kind: 'fact', field: 'written' });
    const text = findings.find((f) => f.text && !f.cells.length);
    expect(text?.place).toEqual({ kind: 'text', slot: text!.text });
    const cell = findings.find((f) => f.cells.length);
    expect(cell?.place?.kind).toBe('cell');
    expect(findings.every((f) => f.place !== undefined)).toBe(true);
  });
});
