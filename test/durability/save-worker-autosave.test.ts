// How autosave drives the saves of every keystroke (delay 0, as the app runs it): each change is
// written in its own task, the status line is told 'saved' without a 'saving' flicker in between
// (a write that lasts says 'saving'), and a move of the focus alone waits to be written with the
// next change, a flush, or `focusDelay` later.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave, type AutosaveSource, type SaveStatus } from '../../src/drafts/autosave';
import type { DraftFocus } from '../../src/drafts/db';
import type { Report } from '../../src/core';
import { example, template, withCell } from '../drafts/fixtures';

const cells = template.inputCells.map((c) => c.id);

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

function editor() {
  let report = example;
  let focus: DraftFocus = {};
  const listeners = new Set<() => void>();
  const fire = () => listeners.forEach((l) => l());
  const source: AutosaveSource = {
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    getReport: () => report,
    getFocus: () => focus,
  };
  return {
    source,
    type: (i: number) => {
      report = withCell(report, cells[i % cells.length]!, i);
      fire();
    },
    move: (i: number) => {
      focus = { section: 'applications', cell: cells[i % cells.length]! };
      fire();
    },
  };
}

function setup(writeMs: number) {
  const e = editor();
  const statuses: SaveStatus['kind'][] = [];
  const writes: { report: Report; focus: DraftFocus }[] = [];
  const a = createAutosave({
    source: e.source,
    write: async (report, focus) => {
      writes.push({ report, focus });
      await new Promise((r) => setTimeout(r, writeMs));
      return 'ok';
    },
    onStatus: (s) => statuses.push(s.kind),
    focusDelay: 1000,
    slowAfter: 500,
  });
  return { e, a, statuses, writes };
}

describe('autosave of every keystroke', () => {
  it('writes each change in its own task and says only 已保存 when writes are quick', async () => {
    const { e, a, statuses, writes } = setup(2);
    for (let i = 0; i < 20; i++) {
      e.type(i);
      expect(writes.at(-1)?.report.values[cells[i % cells.length]!]).toBe(i); // written at once, no timer
      await vi.advanceTimersByTimeAsync(30);
    }
    expect(writes).toHaveLength(20);
    expect(new Set(statuses)).toEqual(new Set(['saved']));
    expect(a.isDirty()).toBe(false);
  });

  it('says 正在保存 for a write that takes longer than slowAfter, then 已保存', async () => {
    const { e, statuses } = setup(2000);
    e.type(1);
    await vi.advanceTimersByTimeAsync(400);
    expect(statuses).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(statuses).toEqual(['saving']);
    await vi.advanceTimersByTimeAsync(1500);
    expect(statuses).toEqual(['saving', 'saved']);
  });

  it('writes a move of the focus alone focusDelay later, or at once with the next change or a flush', async () => {
    const { e, a, writes } = setup(1);
    e.move(1);
    e.move(2);
    await vi.advanceTimersByTimeAsync(900);
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(writes.map((w) => w.focus.cell)).toEqual([cells[2]]);

    e.move(3);
    e.type(3); // the change carries the focus with it
    expect(writes.at(-1)!.focus.cell).toBe(cells[3]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(writes).toHaveLength(2);

    e.move(4);
    const flushed = a.flush();
    await vi.advanceTimersByTimeAsync(5);
    await flushed;
    expect(writes).toHaveLength(3);
    expect(writes.at(-1)!.focus.cell).toBe(cells[4]);
    expect(a.isDirty()).toBe(false);
  });
});
