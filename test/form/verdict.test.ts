// The one verdict (src/core/verdict.ts) on real reports: what the panel, the export gate, the drafts
// list and the CLI count. Checked as finished, blanks are errors and still listed as unfinished;
// only a final check with no error is exportable.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockingText, checkReport, countsLine, createReport, parseReportText, verdict } from '../../src/core';
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

  it('shown counts each item once, the same in both modes: 错误 is what is wrong, 未完成 what is blank', () => {
    // Seed 002 with one real error added (R1: a column that does not balance) and its real blanks.
    const report = { ...seed.report, values: { ...seed.report.values, 'applications:new:natural-person': 7 } };
    const draft = verdict(checkReport(template, report, { mode: 'draft' }), [], 'draft');
    const final = verdict(checkReport(template, report, { mode: 'final' }), [], 'final');
    expect(draft.shown.errors).toBeGreaterThan(0);
    expect(draft.shown.unfinished).toBeGreaterThan(0);
    expect(final.shown).toEqual(draft.shown);
    // Checked as finished the blanks are errors (they stop the export) but are counted once, as 未完成.
    expect(final.counts.errors).toBe(final.shown.errors + final.shown.unfinished);
    expect(countsLine(final.shown)).toBe(`错误 ${draft.shown.errors} · 警告 ${draft.shown.warnings} · 未完成 ${draft.shown.unfinished}`);
    expect(blockingText(final.shown)).toBe(`${final.shown.errors} 个错误、${final.shown.unfinished} 项未完成`);
  });

  it('a published report has nothing unfinished: what it leaves blank is the publisher’s error', () => {
    const published = { ...seed.report, source: { kind: 'published' as const, form: 'text' as const } };
    const v = verdict(checkReport(template, published, { published: true }), [], 'final');
    expect(v.shown.unfinished).toBe(0);
    expect(v.shown.errors).toBe(v.counts.errors);
    // Its real blanks (行政复议) and placeholder (网民留言x件) are among the errors.
    expect(v.errors.map((f) => f.rule)).toEqual(expect.arrayContaining(['R6', 'R22']));
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
