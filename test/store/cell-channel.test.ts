// The store's per-cell channel (subscribeCell): a grid cell is asked to render only when its own
// part of the state changed. Two promises: a keystroke tells the typed cell, the totals it moves
// and the cells whose findings changed, and no other; and over any sequence of edits no cell whose
// part changed is left untold (a missed notice would leave a stale number on the screen).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createReport, parseReportText, type CellId } from '../../src/core';
import { createReportStore, type ReportState, type ReportStore } from '../../src/store/report-store';
import { nodeRegistry } from '../../src/node/templates';
import { seeded } from '../durability/seeded';

const registry = nodeRegistry();
const template = registry.get('gov-info-2021')!;
const A = (row: string, col: string) => `applications:${row}:${col}`;
const seed = parseReportText(readFileSync(new URL('../../examples/seed-002.report.json', import.meta.url), 'utf8'), registry.get);
if (!seed.ok) throw new Error('seed-002 does not parse');

/** Every cell's own part of the state, as the grid's cells select it. */
const part = (s: ReportState, id: CellId) => [s.report.values[id] ?? null, s.values.get(id) ?? null, s.refusals.get(id)?.raw, s.byCell.get(id), s.report.printed?.[id]];
const same = (a: unknown[], b: unknown[]) => a.every((x, i) => x === b[i]);

function listen(store: ReportStore) {
  const told = new Set<CellId>();
  for (const id of template.cells.keys()) store.subscribeCell(id, () => told.add(id));
  return told;
}

describe('the per-cell channel', () => {
  it('tells a keystroke to the typed cell and the totals it moves, and nothing else', () => {
    const store = createReportStore(template, createReport(template, 2024), { today: '2025-01-10' });
    store.typeCell(A('disclosed', 'research'), '3');
    const told = listen(store);
    store.typeCell(A('disclosed', 'research'), '34');
    expect([...told].sort()).toEqual([A('disclosed', 'research'), A('disclosed', 'total'), A('outcome-total', 'research'), A('outcome-total', 'total')]);
    told.clear();
    store.setFocus({ section: 'applications', cell: A('new', 'commercial') });
    store.setView('preview');
    store.setText('problems', '已经');
    expect([...told]).toEqual([]);
  });

  it('tells every cell whose part changed, over random edits, undo, modes and loads', () => {
    const store = createReportStore(template, seed.report, { today: '2025-01-10' });
    const told = listen(store);
    const random = seeded(2021);
    const inputs = template.inputCells.map((c) => c.id);
    const pick = () => inputs[Math.floor(random() * inputs.length)]!;
    let notices = 0;
    for (let step = 0; step < 300; step++) {
      const before = store.getState();
      told.clear();
      const r = random();
      if (r < 0.45) store.typeCell(pick(), random() < 0.1 ? `${step}件` : String(Math.floor(random() * 40)));
      else if (r < 0.55) store.setValues([{ cell: pick(), value: step }, { cell: pick(), value: null }], random() < 0.5 ? [{ cell: pick(), raw: '无' }] : []);
      else if (r < 0.6) store.fillBlanks();
      else if (r < 0.7) store.undo();
      else if (r < 0.75) store.redo();
      else if (r < 0.8) store.setMode(random() < 0.5 ? 'final' : 'draft');
      else if (r < 0.85) store.update((rep) => ({ ...rep, printed: random() < 0.5 ? { [A('new', 'total')]: step } : undefined }));
      else if (r < 0.9) store.setText('overview.active', `第${step}`);
      else if (r < 0.95) store.load(random() < 0.5 ? seed.report : createReport(template, 2024));
      else store.setFocus({ section: 'applications', cell: pick() });
      const after = store.getState();
      const changed = [...template.cells.keys()].filter((id) => !same(part(before, id), part(after, id)));
      for (const id of changed) expect(told.has(id), `step ${step}: ${id} changed but was not told`).toBe(true);
      notices += told.size;
    }
    expect(notices).toBeGreaterThan(300);
  });
});
