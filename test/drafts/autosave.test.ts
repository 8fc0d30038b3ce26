import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave, type SaveStatus } from '../../src/drafts/autosave';
import { example, fakeEditor, template, withCell } from './fixtures';
import type { Report } from '../../src/core';

const cell = template.inputCells[0]!.id;

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

function setup(write: (r: Report) => Promise<'ok' | 'conflict'>) {
  const editor = fakeEditor(example);
  const statuses: SaveStatus[] = [];
  const writes: Report[] = [];
  const a = createAutosave({
    source: editor,
    write: (r) => {
      writes.push(r);
      return write(r);
    },
    onStatus: (s) => statuses.push(s),
    delay: 400,
    maxWait: 1000,
    retry: 2000,
  });
  return { editor, statuses, writes, a };
}

describe('autosave scheduler', () => {
  it('debounces bursts, but never waits longer than maxWait after the first change', async () => {
    const { editor, writes, a } = setup(async () => 'ok');
    for (let i = 1; i <= 12; i++) {
      editor.set(withCell(editor.getReport(), cell, i));
      await vi.advanceTimersByTimeAsync(100); // typing faster than the debounce
    }
    // 12 changes over 1.2 s: the first write came at 1.0 s, not after the burst ended.
    expect(writes.length).toBe(1);
    expect(writes[0]!.values[cell]).toBe(10);
    await vi.advanceTimersByTimeAsync(400);
    expect(writes.at(-1)!.values[cell]).toBe(12);
    expect(a.isDirty()).toBe(false);
    expect(a.status()).toMatchObject({ kind: 'saved' });
  });

  it('flush writes at once, and writes the focus even when the report did not change', async () => {
    const { editor, writes, a } = setup(async () => 'ok');
    editor.set(withCell(example, cell, 3));
    await a.flush();
    expect(writes).toHaveLength(1);
    editor.focus({ section: 'applications', cell });
    expect(a.isDirty()).toBe(true);
    await a.flush();
    expect(writes).toHaveLength(2);
    await a.flush();
    expect(writes).toHaveLength(2);
  });

  it('keeps retrying a failed write, reports the reason, and saves the newest snapshot', async () => {
    let fail = 2;
    const { editor, writes, statuses, a } = setup(async () => {
      if (fail-- > 0) throw new DOMException('quota', 'QuotaExceededError');
      return 'ok';
    });
    editor.set(withCell(example, cell, 1));
    await vi.advanceTimersByTimeAsync(400);
    expect(a.status()).toMatchObject({ kind: 'failed', message: '浏览器存储空间已满' });
    editor.set(withCell(editor.getReport(), cell, 2)); // typing goes on while failing
    await vi.advanceTimersByTimeAsync(2000);
    expect(a.status().kind).toBe('failed');
    await vi.advanceTimersByTimeAsync(2000);
    expect(a.status().kind).toBe('saved');
    expect(writes).toHaveLength(3);
    expect(writes.at(-1)!.values[cell]).toBe(2);
    expect(editor.getReport().values[cell]).toBe(2); // the in-memory report was never dropped
    expect(statuses.map((s) => s.kind)).toContain('failed');
  });

  it('stops writing on conflict until resumed', async () => {
    const { editor, writes, a } = setup(async () => 'conflict');
    editor.set(withCell(example, cell, 1));
    await a.flush();
    expect(a.status().kind).toBe('conflict');
    editor.set(withCell(editor.getReport(), cell, 2));
    await vi.advanceTimersByTimeAsync(5000);
    await a.flush();
    expect(writes).toHaveLength(1);
    expect(a.isDirty()).toBe(true);
  });

  it('markSaved takes a loaded report as saved (no write-back of what was just opened)', async () => {
    const { editor, writes, a } = setup(async () => 'ok');
    editor.set(withCell(example, cell, 1));
    a.markSaved();
    await vi.advanceTimersByTimeAsync(5000);
    expect(writes).toHaveLength(0);
  });
});
