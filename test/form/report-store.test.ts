import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkReport, createReport, parseReportText } from '../../src/core';
import { blankCells, createReportStore } from '../../src/store/report-store';
import { nodeRegistry } from '../../src/node/templates';

const registry = nodeRegistry();
const template = registry.get('gov-info-2021')!;
const A = (row: string, col: string) => `applications:${row}:${col}`;
const seed = parseReportText(readFileSync(new URL('../../examples/seed-002.report.json', import.meta.url), 'utf8'), registry.get);
if (!seed.ok) throw new Error('seed-002 does not parse');

describe('report store', () => {
  it('stores a typed value, recomputes totals and findings, and notifies once', () => {
    const store = createReportStore(template, createReport(template, 2024));
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.typeCell(A('new', 'natural-person'), '５')).toEqual({ ok: true, value: 5 });
    expect(listener).toHaveBeenCalledTimes(1);
    const s = store.getState();
    expect(s.report.values[A('new', 'natural-person')]).toBe(5);
    expect(s.values.get(A('new', 'total'))).toBe(5);
    // Typing the same value again changes nothing and notifies nobody.
    store.typeCell(A('new', 'natural-person'), '5');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps refused text beside the report with place and value, and leaves the old value', () => {
    const store = createReportStore(template, createReport(template, 2024));
    store.typeCell(A('disclosed', 'research'), '3');
    const r = store.typeCell(A('disclosed', 'research'), '3.5');
    expect(r.ok).toBe(false);
    const s = store.getState();
    expect(s.report.values[A('disclosed', 'research')]).toBe(3);
    const refusal = s.refusals.get(A('disclosed', 'research'))!;
    expect(refusal.raw).toBe('3.5');
    expect(refusal.reason).toContain('3.5');
    expect(refusal.label).toContain(template.sectionOf('applications')!.label);
    expect(refusal.label).toContain(template.cells.get(A('disclosed', 'research'))!.name);
    // A valid value clears the refusal.
    store.typeCell(A('disclosed', 'research'), '4');
    expect(store.getState().refusals.size).toBe(0);
    expect(store.getState().report.values[A('disclosed', 'research')]).toBe(4);
  });

  it('clears a refusal when the cell is emptied, keeping blank distinct from 0', () => {
    const store = createReportStore(template, createReport(template, 2024));
    store.typeCell(A('new', 'commercial'), '/');
    expect(store.getState().refusals.has(A('new', 'commercial'))).toBe(true);
    store.typeCell(A('new', 'commercial'), '');
    expect(store.getState().refusals.size).toBe(0);
    expect(store.getState().report.values[A('new', 'commercial')]).toBeNull();
  });

  it('refuses to type into a computed total', () => {
    const store = createReportStore(template, createReport(template, 2024));
    expect(() => store.typeCell(A('new', 'total'), '1')).toThrow();
    expect(() => store.setValues([{ cell: A('outcome-total', 'research'), value: 1 }])).toThrow();
  });

  it('groups findings by cell and text, and keeps an unchanged cell’s findings identical across changes', () => {
    const store = createReportStore(template, seed.report);
    const before = store.getState();
    const r1 = before.findings.filter((f) => f.rule === 'R1');
    // seed-002 is the real published report: its grids balance.
    expect(r1).toEqual([]);
    // Break R1 in the 自然人 column: 一 gets one more application than the outcomes account for.
    const cell = A('new', 'natural-person');
    store.typeCell(cell, String((before.report.values[cell] ?? 0) + 1));
    const after = store.getState();
    const broken = after.findings.filter((f) => f.rule === 'R1' && f.level === 'error');
    expect(broken).toHaveLength(1);
    expect(after.byCell.get(cell)).toContain(broken[0]);
    // A cell the change did not touch keeps the very same findings array (so it does not re-render).
    const elsewhere = 'appeals:cases:review.upheld';
    expect(after.byCell.get(elsewhere) ?? null).toBe(before.byCell.get(elsewhere) ?? null);
  });

  it('pastes many values with one notification, and switches to final mode (blanks become errors)', () => {
    const store = createReportStore(template, createReport(template, 2024));
    const listener = vi.fn();
    store.subscribe(listener);
    store.setValues(template.inputCells.map((c) => ({ cell: c.id, value: 0 })));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getState().findings.filter((f) => f.rule === 'R6')).toEqual(
      store.getState().findings.filter((f) => f.rule === 'R6' && f.text),
    );
    const draftR6 = store.getState().findings.filter((f) => f.rule === 'R6').map((f) => f.level);
    expect(new Set(draftR6)).toEqual(new Set(['incomplete']));
    store.setMode('final');
    const finalR6 = store.getState().findings.filter((f) => f.rule === 'R6').map((f) => f.level);
    expect(new Set(finalR6)).toEqual(new Set(['error']));
    expect(store.getState().mode).toBe('final');
  });

  it('updates text and facts, and loads a whole report, dropping old refusals', () => {
    const store = createReportStore(template, createReport(template, 2024));
    store.typeCell(A('new', 'research'), 'abc');
    store.setText('problems', '上年问题已整改。');
    store.update((r) => ({ ...r, organ: { ...r.organ, name: '某镇人民政府' } }));
    expect(store.getState().report.narrative.problems).toBe('上年问题已整改。');
    expect(store.getState().report.organ.name).toBe('某镇人民政府');
    store.load(seed.report);
    expect(store.getState().refusals.size).toBe(0);
    expect(store.getState().report).toBe(seed.report);
  });

  it('serves the drafts editor port: report, focus without recomputation, error count, load with focus', () => {
    const store = createReportStore(template, createReport(template, 2024));
    const listener = vi.fn();
    store.subscribe(listener);
    const findings = store.getState().findings;
    store.setFocus({ section: 'applications', cell: A('new', 'research') });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getFocus()).toEqual({ section: 'applications', cell: A('new', 'research') });
    expect(store.getState().findings).toBe(findings);
    store.setFocus({ section: 'applications', cell: A('new', 'research') });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.errors()).toBe(0);
    store.typeCell(A('new', 'research'), '-1');
    expect(store.errors()).toBe(1);
    store.load(seed.report, { section: 'appeals' });
    expect(store.getReport()).toBe(seed.report);
    expect(store.getState()).toMatchObject({ focus: { section: 'appeals' }, loads: 1 });
    expect(store.errors()).toBe(store.getState().findings.filter((f) => f.level === 'error').length);
  });

  it('fills blank input cells with 0 on request, in one recomputation, never a value or a refused text', () => {
    const store = createReportStore(template, seed.report);
    const listener = vi.fn();
    store.subscribe(listener);
    // seed 002 has exactly four blank input cells (行政复议; the fifth blank is their 总计); the rest stay.
    const blanks = blankCells(template, store.getState());
    expect(blanks).toHaveLength(4);
    expect(blanks.every((id) => id.startsWith('appeals:cases:review.'))).toBe(true);
    store.typeCell(blanks[0]!, '无');
    listener.mockClear();
    expect(store.fillBlanks()).toBe(3);
    expect(listener).toHaveBeenCalledTimes(1);
    const v = store.getState().report.values;
    expect(v[blanks[0]!] ?? null).toBeNull();
    expect(store.getState().refusals.get(blanks[0]!)?.raw).toBe('无');
    for (const id of blanks.slice(1)) expect(v[id]).toBe(0);
    for (const c of template.inputCells) if (!blanks.includes(c.id)) expect(v[c.id]).toBe(seed.report.values[c.id]);
    // Nothing left to fill: no change, no notification.
    expect(store.fillBlanks()).toBe(0);
    expect(listener).toHaveBeenCalledTimes(1);
    // Only the cells asked for.
    const fresh = createReportStore(template, createReport(template, 2024));
    expect(fresh.fillBlanks([A('new', 'research'), A('new', 'total')])).toBe(1);
    expect(Object.keys(fresh.getState().report.values).filter((k) => fresh.getState().report.values[k] != null)).toEqual([A('new', 'research')]);
  });

  it('puts back the value before the edit when a refused text had a prefix accepted on the way', () => {
    const store = createReportStore(template, createReport(template, 2024));
    const id = A('new', 'natural-person');
    store.typeCell(id, '179');
    const listener = vi.fn();
    store.subscribe(listener);
    for (const raw of ['1', '18', '180']) expect(store.typeCell(id, raw, 179).ok).toBe(true);
    expect(store.getState().report.values[id]).toBe(180);
    expect(store.typeCell(id, '180.', 179).ok).toBe(false);
    expect(store.getState().report.values[id]).toBe(179);
    expect(store.getState().values.get(A('new', 'total'))).toBe(179);
    expect(store.getState().refusals.get(id)?.raw).toBe('180.');
    // Further refused keystrokes move only the refusal.
    const calls = listener.mock.calls.length;
    const report = store.getState().report;
    store.typeCell(id, '180.5', 179);
    expect(store.getState().report).toBe(report);
    expect(listener).toHaveBeenCalledTimes(calls + 1);
  });

  it('counts refused facts fields with the refused cells and the error findings (the verdict)', () => {
    const store = createReportStore(template, seed.report);
    const base = checkReport(template, seed.report).filter((f) => f.level === 'error').length;
    expect(store.errors()).toBe(base);
    store.typeCell(A('new', 'research'), 'x');
    store.setFieldRefusal('year', { raw: '二〇二三', why: '请填四位数字的年份', label: '年度' });
    expect(store.errors()).toBe(base + 2);
    const { verdict } = store.getState();
    expect(verdict.counts.errors).toBe(base + 2);
    expect(verdict.refused.map((r) => r.place)).toEqual([{ kind: 'cell', cell: A('new', 'research') }, { kind: 'fact', field: 'year' }]);
    expect(verdict.refused.map((r) => r.reason)).toEqual(['“x”不是数字', '“二〇二三”无效：请填四位数字的年份']);
    // The same refusal again notifies nobody; accepting clears it.
    const listener = vi.fn();
    store.subscribe(listener);
    store.setFieldRefusal('year', { raw: '二〇二三', why: '请填四位数字的年份', label: '年度' });
    expect(listener).not.toHaveBeenCalled();
    store.setFieldRefusal('year', null);
    expect(store.errors()).toBe(base + 1);
    store.setFieldRefusal('email', { raw: 'abc', why: '…', label: '电子邮箱' });
    store.load(seed.report);
    expect(store.errors()).toBe(base);
  });

});
