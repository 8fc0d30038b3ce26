// Drafts that always reopen, and typing that is never dropped: on fake-indexeddb with the real
// drafts database, session and autosave (the browser's own IndexedDB is the crash test's part).
import { afterEach, describe, expect, it } from 'vitest';
import { openDraftDb } from '../../src/drafts/db';
import { createAutosave } from '../../src/drafts/autosave';
import { createDraftSession } from '../../src/drafts/session';
import { toStorableReport } from '../../src/core/report/storable';
import { parseReport, type Report } from '../../src/core';
import { example, fakeEditor, freshDb, registry, template, withCell } from '../drafts/fixtures';

const cell = template.inputCells[0]!.id;
const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

const LONG = `${'本机关'.repeat(70_000)}被截去的结尾`; // over the schema's 200,000 characters
/** What an import read from a published report that no schema accepts. */
const impossible = (): Report => ({
  ...example,
  dates: { ...example.dates, written: '2024-04-31' },
  narrative: { ...example.narrative, problems: LONG },
});

async function tab(factory: IDBFactory, channel: BroadcastChannel | null = null) {
  const db = await openDraftDb({ indexedDB: factory });
  const editor = fakeEditor(example);
  const session = createDraftSession({ db, editor, templates: registry.get, channel: channel as never });
  cleanup.push(() => {
    session.dispose();
    db.close();
  });
  return { db, editor, session };
}

describe('toStorableReport', () => {
  it('mends an impossible date and an over-long paragraph, keeping each original in full in a note', () => {
    const r = toStorableReport(impossible(), registry.get);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(parseReport(r.report, registry.get).ok).toBe(true);
    expect(r.report.dates.written).toBeNull();
    expect(r.report.narrative.problems).toHaveLength(200_000);
    const date = r.notes.find((n) => n.path === 'dates.written')!;
    expect(date.message).toBe('dates.written：没有这一天（2024年4月没有31日），实际为 “2024-04-31”——已清空');
    expect(date.original).toBe('2024-04-31');
    const text = r.notes.find((n) => n.path === 'narrative.problems')!;
    expect(text.message).toContain('（五、存在的主要问题及改进情况）：过大或过长（上限 200000）');
    expect(text.original).toBe(LONG);
  });

  it('leaves a valid report untouched and refuses what is not a report of a known template', () => {
    const ok = toStorableReport(example, registry.get);
    expect(ok.ok && ok.notes).toEqual([]);
    const other = toStorableReport({ ...example, template: 'gov-info-1999' }, registry.get);
    expect(other.ok).toBe(false);
  });
});

describe('drafts that always reopen', () => {
  it('stores an import that failed the schema as a valid report, and says what was changed', async () => {
    const { factory } = freshDb();
    const a = await tab(factory);
    const record = await a.session.openNew(impossible(), '导入');
    expect(a.session.getState().repairs.map((n) => n.path)).toEqual(['dates.written', 'narrative.problems']);
    // After a reload (a new tab on the same database) it opens as stored, with nothing to repair.
    const b = await tab(factory);
    const reopened = await b.session.open(record.id);
    expect(reopened.ok && reopened.repairs).toEqual([]);
    expect(b.editor.getReport().dates.written).toBeNull();
  });

  it('opens a stored draft that fails the schema in repair, never a blank report, with every original readable', async () => {
    const { factory } = freshDb();
    const db = await openDraftDb({ indexedDB: factory });
    cleanup.push(() => db.close());
    const bad = await db.create(impossible(), { name: '旧版本存下的草稿' });
    const a = await tab(factory);
    const opened = await a.session.open(bad.id);
    expect(opened.ok).toBe(true);
    expect(a.editor.getReport().organ.name).toBe(example.organ.name);
    expect(a.editor.getReport().narrative.problems).toBe(LONG.slice(0, 200_000));
    expect(a.session.getState().repairs.find((n) => n.path === 'narrative.problems')?.original).toBe(LONG);
    // Until the clerk edits, the stored draft is left as it was.
    expect((await db.get(bad.id))?.report.narrative.problems).toBe(LONG);
  });
});

describe('typing is written at once', () => {
  it('starts the IndexedDB write in the same task as the change, with no timer', async () => {
    const editor = fakeEditor(example);
    const written: Report[] = [];
    const autosave = createAutosave({ source: editor, write: async (r) => (written.push(r), 'ok') });
    cleanup.push(() => autosave.dispose());
    editor.set(withCell(example, cell, 1));
    expect(written).toHaveLength(1); // synchronously: before any timer or paint
    editor.set(withCell(example, cell, 2));
    editor.set(withCell(example, cell, 3));
    await autosave.flush();
    await expect.poll(() => written.at(-1)?.values[cell]).toBe(3);
    expect(written.length).toBeLessThanOrEqual(3); // keys typed during a write go together in the next
  });

  it('refreshes the drafts list from keystroke saves at most once a second, and after the last', async () => {
    const { factory } = freshDb();
    const a = await tab(factory);
    await a.session.openNew(example, '报告');
    const first = a.session.getState().listVersion;
    for (let v = 1; v <= 20; v++) {
      a.editor.set(withCell(a.editor.getReport(), cell, v));
      await a.session.flush();
    }
    expect(a.session.getState().listVersion - first).toBeLessThanOrEqual(2);
    const afterTyping = a.session.getState().listVersion;
    await expect.poll(() => a.session.getState().listVersion, { timeout: 3000 }).toBe(afterTyping + 1);
  });
});

describe('the tab that lost a two-tab conflict', () => {
  it('keeps what is typed there afterwards as a copy, without being asked', async () => {
    const { factory } = freshDb();
    const channelName = `stale-${Math.random()}`;
    const ca = new BroadcastChannel(channelName);
    const cb = new BroadcastChannel(channelName);
    cleanup.push(() => (ca.close(), cb.close()));
    const a = await tab(factory, ca);
    const b = await tab(factory, cb);
    const rec = await a.session.openNew(example, '报告');
    await b.session.open(rec.id);
    a.editor.set(withCell(a.editor.getReport(), cell, 111));
    await expect.poll(() => b.session.getState().conflict).toBe(true);
    b.editor.set(withCell(b.editor.getReport(), cell, 222)); // typed in the stale tab
    await expect.poll(() => b.session.getState().keptAsCopy).toBe('报告（本标签页的版本）');
    b.editor.set(withCell(b.editor.getReport(), cell, 2223)); // and typing goes on into the copy
    await expect.poll(async () => (await b.db.get(b.session.getState().draftId!))?.report.values[cell]).toBe(2223);
    expect((await a.db.get(rec.id))?.report.values[cell]).toBe(111);
    expect(b.session.getState().draftId).not.toBe(rec.id);
  });
});
