// Undo and redo in the report store: one history of the clerk's actions on the report loaded now.
import { describe, expect, it } from 'vitest';
import { createReport } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { template } from '../core/fixtures';

const A = (row: string, col: string) => `applications:${row}:${col}`;
const fresh = () => createReportStore(template, createReport(template, 2024));

describe('undo and redo', () => {
  it('typing into one cell is one step; the next cell is another; redo replays; totals follow', () => {
    const store = fresh();
    expect(store.canUndo()).toBe(false);
    for (const raw of ['1', '12', '120']) store.typeCell(A('new', 'natural-person'), raw);
    store.typeCell(A('new', 'commercial'), '7');
    expect(store.getState().values.get(A('new', 'total'))).toBe(127);
    expect(store.undo()).toBe(true);
    expect(store.getState().report.values[A('new', 'commercial')] ?? null).toBeNull();
    expect(store.getState().values.get(A('new', 'total'))).toBe(120);
    expect(store.undo()).toBe(true);
    expect(store.getState().report.values[A('new', 'natural-person')] ?? null).toBeNull();
    expect(store.undo()).toBe(false);
    expect(store.redo()).toBe(true);
    expect(store.getState().report.values[A('new', 'natural-person')]).toBe(120);
    expect(store.canRedo()).toBe(true);
    // A new action after an undo drops what could be redone.
    store.typeCell(A('new', 'natural-person'), '5');
    expect(store.canRedo()).toBe(false);
  });
  it('a paste, 填0 and a text are each one step, refused text comes back with its cell', () => {
    const store = fresh();
    store.typeCell(A('new', 'natural-person'), '3.5'); // refused: a count
    expect(store.getState().refusals.size).toBe(1);
    store.setValues([
      { cell: A('new', 'natural-person'), value: 4 },
      { cell: A('new', 'commercial'), value: 2 },
    ]);
    expect(store.getState().refusals.size).toBe(0);
    const filled = store.fillBlanks();
    expect(filled).toBeGreaterThan(10);
    store.setText('preface', '本');
    store.setText('preface', '本报告');
    store.undo();
    expect(store.getState().report.narrative.preface ?? '').toBe('');
    store.undo();
    expect(Object.values(store.getState().report.values).filter((v) => v === 0)).toHaveLength(0);
    store.undo();
    expect(store.getState().report.values[A('new', 'commercial')] ?? null).toBeNull();
    expect(store.getState().refusals.get(A('new', 'natural-person'))?.raw).toBe('3.5');
  });
  it('a paste with refused texts is one step: values and refusals come and go together', () => {
    const store = fresh();
    store.setValues([{ cell: A('new', 'natural-person'), value: 4 }], [{ cell: A('new', 'commercial'), raw: '2.5' }]);
    expect(store.getState().refusals.get(A('new', 'commercial'))?.raw).toBe('2.5');
    store.undo();
    expect(store.getState().refusals.size).toBe(0);
    expect(store.getState().report.values[A('new', 'natural-person')] ?? null).toBeNull();
    expect(store.canUndo()).toBe(false);
  });
  it('a fact changed with update is a step; loading another report starts a new history', () => {
    const store = fresh();
    store.update((r) => ({ ...r, organ: { ...r.organ, name: '某镇人民政府' } }));
    store.undo();
    expect(store.getState().report.organ.name).toBe('');
    store.redo();
    expect(store.getState().report.organ.name).toBe('某镇人民政府');
    store.load(createReport(template, 2025));
    expect(store.canUndo() || store.canRedo()).toBe(false);
  });
});
