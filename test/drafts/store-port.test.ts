// The session's view of the real report store: refused text and the clerk's place travel with the
// draft, and the error count the drafts list keeps is the store's verdict (findings + refused text).
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { checkReport, createReport, parseReportText } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { storePort } from '../../src/ui/drafts/store-port';
import { example, registry, template } from './fixtures';

const [c0, c1] = template.inputCells.map((c) => c.id);

/** A real report with rule errors in draft mode (R2: a row total that does not add up). */
const broken = (() => {
  const parsed = parseReportText(readFileSync('test/fixtures/broken/R2-row-total.json', 'utf8'), registry.get);
  if (!parsed.ok) throw new Error('R2-row-total.json does not parse');
  return parsed.report;
})();

describe('storePort over the report store', () => {
  it('exposes refused text (same object while unchanged) and puts it back on load, with the place', () => {
    const store = createReportStore(template, createReport(template, 2024));
    const port = storePort(store);
    store.typeCell(c0!, '12 件');
    const r1 = port.getRefusals!();
    expect(r1).toEqual({ [c0!]: '12 件' });
    expect(port.getRefusals!()).toBe(r1);
    store.typeCell(c1!, '3');
    expect(port.getRefusals!()).toBe(r1); // a new report, same refusals
    expect(port.getReport().values[c1!]).toBe(3);

    port.load(example, { section: 'applications', cell: c1 }, { [c1!]: '四' });
    expect(store.getState().report).toEqual(example);
    expect(store.getState().refusals.get(c1!)?.raw).toBe('四');
    expect(store.getState().refusals.has(c0!)).toBe(false);
    // One model of where the clerk is: the store's, which the form restores after a load.
    expect(store.getState().focus).toEqual({ section: 'applications', cell: c1 });
    expect(port.getFocus()).toEqual({ section: 'applications', cell: c1 });
  });

  it('tells the session of a move to another field, so the place is saved with the draft', () => {
    const store = createReportStore(template, example);
    const port = storePort(store);
    const listener = vi.fn();
    port.subscribe(listener);
    store.setFocus({ section: 'problems', field: 'text-problems' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(port.getFocus()).toEqual({ section: 'problems', field: 'text-problems' });
  });

  it('counts errors as the verdict does: rule errors and refused text, not blanks', () => {
    const store = createReportStore(template, broken);
    const port = storePort(store);
    // Counted here straight from the rules, not through the store.
    const ruleErrors = checkReport(template, broken).filter((f) => f.level === 'error');
    expect(ruleErrors.map((f) => f.rule)).toContain('R2');
    expect(port.errors()).toBe(ruleErrors.length);
    store.typeCell(c0!, '—');
    expect(port.errors()).toBe(ruleErrors.length + 1);
    store.setFieldRefusal('year', { raw: '二〇二四', why: '请填四位数字的年份', label: '年度' });
    expect(port.errors()).toBe(ruleErrors.length + 2);
    // A fresh blank report: blanks are unfinished, not errors, while drafting.
    port.load(createReport(template, 2024), {}, {});
    expect(store.getState().verdict.counts.unfinished).toBeGreaterThan(100);
    expect(port.errors()).toBe(0);
  });
});
