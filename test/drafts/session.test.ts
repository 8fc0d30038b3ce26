import { afterEach, describe, expect, it } from 'vitest';
import { openDraftDb } from '../../src/drafts/db';
import { CHANNEL_NAME, createDraftSession, type DraftSession } from '../../src/drafts/session';
import { example, fakeEditor, freshDb, registry, template, withCell } from './fixtures';

const cell = template.inputCells[0]!.id;
const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

async function tab(factory: IDBFactory, channelName = CHANNEL_NAME) {
  const db = await openDraftDb({ indexedDB: factory });
  const editor = fakeEditor(example);
  const channel = new BroadcastChannel(channelName) as unknown as ConstructorParameters<typeof BroadcastChannel>[0] & BroadcastChannel;
  const session = createDraftSession({ db, editor, templates: registry.get, channel, delay: 5, maxWait: 20, retry: 20 });
  cleanup.push(() => {
    session.dispose();
    channel.close();
    db.close();
  });
  return { db, editor, session };
}

const settle = (s: DraftSession) => expect.poll(() => s.getState().status.kind).toBe('saved');

describe('drafts session', () => {
  it('opens a new draft, autosaves changes and focus, and reopening restores both exactly', async () => {
    const { factory } = freshDb();
    const a = await tab(factory);
    const rec = await a.session.openNew(example, '测试');
    a.editor.set(withCell(withCell(a.editor.getReport(), cell, 0), template.inputCells[1]!.id, null));
    a.editor.focus({ section: 'applications', cell });
    a.editor.refuse(template.inputCells[2]!.id, '12 件');
    await a.session.flush();
    const b = await tab(factory);
    const opened = await b.session.open(rec.id);
    expect(opened.ok).toBe(true);
    expect(b.editor.getReport()).toEqual(a.editor.getReport());
    expect(b.editor.getReport().values[cell]).toBe(0);
    expect(b.editor.getReport().values[template.inputCells[1]!.id]).toBeNull();
    expect(b.editor.getFocus()).toEqual({ section: 'applications', cell });
    expect(b.editor.getRefusals()).toEqual({ [template.inputCells[2]!.id]: '12 件' });
  });

  it('a second tab is told when the first saves the same draft, and never overwrites it', async () => {
    const { factory } = freshDb();
    const a = await tab(factory, 'two-tabs');
    const b = await tab(factory, 'two-tabs');
    const rec = await a.session.openNew(example);
    await b.session.open(rec.id);
    a.editor.set(withCell(a.editor.getReport(), cell, 111));
    await settle(a.session);
    await expect.poll(() => b.session.getState().conflict).toBe(true);
    b.editor.set(withCell(b.editor.getReport(), cell, 222)); // typed in the stale tab
    await b.session.flush();
    expect((await a.db.get(rec.id))?.report.values[cell]).toBe(111);
    expect(b.editor.getReport().values[cell]).toBe(222); // kept in memory, not dropped
    // The stale tab keeps its version as a copy; both versions exist.
    const copy = await b.session.saveAsCopy();
    expect((await a.db.get(copy.id))?.report.values[cell]).toBe(222);
    expect(b.session.getState()).toMatchObject({ draftId: copy.id, conflict: false });
  });

  it('without a channel, the revision check still refuses the stale write', async () => {
    const { factory } = freshDb();
    const db = await openDraftDb({ indexedDB: factory });
    const e1 = fakeEditor(example);
    const e2 = fakeEditor(example);
    const s1 = createDraftSession({ db, editor: e1, templates: registry.get, delay: 5 });
    const s2 = createDraftSession({ db, editor: e2, templates: registry.get, delay: 5 });
    cleanup.push(() => [s1, s2].forEach((s) => s.dispose()));
    const rec = await s1.openNew(example);
    await s2.open(rec.id);
    e1.set(withCell(e1.getReport(), cell, 1));
    await s1.flush();
    e2.set(withCell(e2.getReport(), cell, 2));
    await s2.flush();
    expect(s2.getState().conflict).toBe(true);
    expect((await db.get(rec.id))?.report.values[cell]).toBe(1);
    // Reload takes the other tab's version and writing resumes.
    await s2.reload();
    expect(e2.getReport().values[cell]).toBe(1);
    e2.set(withCell(e2.getReport(), cell, 3));
    await s2.flush();
    expect((await db.get(rec.id))?.report.values[cell]).toBe(3);
    await s1.checkRemote();
    expect(s1.getState().conflict).toBe(true);
  });

  it('refuses to open a stored draft that is not a valid report, and leaves the editor alone', async () => {
    const { factory } = freshDb();
    const a = await tab(factory);
    const bad = await a.db.create({ ...example, formatVersion: 99 } as unknown as typeof example);
    const before = a.editor.getReport();
    const r = await a.session.open(bad.id);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toContain('比本程序支持的版本 1 新');
    expect(a.editor.getReport()).toBe(before);
    expect(a.editor.loads).toBe(0);
  });
});

describe('switching drafts never drops unsaved work', () => {
  it('in conflict, the unsaved version is kept as a copy before another draft opens', async () => {
    const { factory } = freshDb();
    const a = await tab(factory, 'switch');
    const b = await tab(factory, 'switch');
    const rec = await a.session.openNew(example);
    const other = await a.db.create(example, { name: '另一份' });
    await b.session.open(rec.id);
    a.editor.set(withCell(a.editor.getReport(), cell, 5));
    await settle(a.session);
    await expect.poll(() => b.session.getState().conflict).toBe(true);
    b.editor.set(withCell(b.editor.getReport(), cell, 6));
    expect((await b.session.open(other.id)).ok).toBe(true);
    const kept = (await b.db.list()).filter((d) => d.name.includes('本标签页的版本'));
    expect(kept).toHaveLength(1);
    expect((await b.db.get(kept[0]!.id))?.report.values[cell]).toBe(6);
    expect((await b.db.get(rec.id))?.report.values[cell]).toBe(5);
  });

  it('when saving fails, switching is refused with the reason and the report stays in the page', async () => {
    const { factory } = freshDb();
    const db = await openDraftDb({ indexedDB: factory });
    const editor = fakeEditor(example);
    const failing = { ...db, save: () => Promise.reject(new Error('磁盘已满')) };
    const s = createDraftSession({ db: failing, editor, templates: registry.get, delay: 5, retry: 10_000 });
    cleanup.push(() => s.dispose());
    await s.openNew(example);
    const other = await db.create(example);
    editor.set(withCell(editor.getReport(), cell, 9));
    const r = await s.open(other.id);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toBe('当前报告尚未保存成功（磁盘已满），为免丢失没有切换；请先“保存为文件”');
    expect(editor.getReport().values[cell]).toBe(9);
    await expect(s.openNew(example)).rejects.toThrow('尚未保存成功');
    expect(s.getState().status).toMatchObject({ kind: 'failed', message: '磁盘已满' });
  });
});
