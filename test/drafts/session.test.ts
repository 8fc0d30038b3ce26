import { afterEach, describe, expect, it } from 'vitest';
import { openDraftDb } from '../../src/drafts/db';
import { storageJournal } from '../../src/drafts/journal';
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

describe('the last-moment journal (page closed before IndexedDB landed)', () => {
  const memoryStorage = () => {
    const m = new Map<string, string>();
    return {
      m, getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k),
      key: (i: number) => [...m.keys()][i] ?? null,
      get length() {
        return m.size;
      },
    };
  };

  it('applies the journal when the draft has not moved on, then removes it', async () => {
    const { factory } = freshDb();
    const storage = memoryStorage();
    const db = await openDraftDb({ indexedDB: factory });
    const rec = await db.create(example);
    // A page whose saves never land (it is being torn down).
    const hanging = { ...db, save: () => new Promise<never>(() => undefined) };
    const e1 = fakeEditor(example);
    const s1 = createDraftSession({ db: hanging, editor: e1, templates: registry.get, journal: storageJournal(storage), tabId: 't1', delay: 5 });
    await s1.open(rec.id);
    e1.set(withCell(e1.getReport(), cell, 31));
    e1.refuse(template.inputCells[3]!.id, '3l');
    s1.emergencySave();
    s1.dispose();
    expect(storage.m.size).toBe(1);
    expect((await db.get(rec.id))?.report.values[cell]).not.toBe(31);

    const e2 = fakeEditor(example);
    const s2 = createDraftSession({ db, editor: e2, templates: registry.get, journal: storageJournal(storage), tabId: 't2' });
    cleanup.push(() => s2.dispose());
    await s2.open(rec.id);
    expect(e2.getReport().values[cell]).toBe(31);
    expect(e2.getRefusals()).toEqual({ [template.inputCells[3]!.id]: '3l' });
    expect((await db.get(rec.id))?.report.values[cell]).toBe(31);
    expect(storage.m.size).toBe(0);
  });

  it('applies it too when this tab’s own in-flight save landed, and keeps it as a copy when another tab wrote', async () => {
    const { factory } = freshDb();
    const storage = memoryStorage();
    const journal = storageJournal(storage);
    const db = await openDraftDb({ indexedDB: factory });
    const rec = await db.create(example);
    // Own save of rev 2 landed (writer t1); the journal (base 1) has later typing.
    await db.save(rec.id, { report: withCell(example, cell, 1), focus: {}, errors: 0, writer: 't1' }, 1);
    journal.write({ id: rec.id, baseRev: 1, tab: 't1', report: withCell(example, cell, 2), focus: {}, refusals: {}, at: 0 });
    const e = fakeEditor(example);
    const s = createDraftSession({ db, editor: e, templates: registry.get, journal, tabId: 't3' });
    cleanup.push(() => s.dispose());
    await s.open(rec.id);
    expect(e.getReport().values[cell]).toBe(2);

    // Another tab (t9) wrote after the journal's base: both versions are kept.
    await db.save(rec.id, { report: withCell(example, cell, 7), focus: {}, errors: 0, writer: 't9' }, (await db.get(rec.id))!.rev);
    journal.write({ id: rec.id, baseRev: 1, tab: 't1', report: withCell(example, cell, 8), focus: {}, refusals: {}, at: 0 });
    const other = await db.create(example);
    await s.open(other.id);
    await s.open(rec.id);
    expect(e.getReport().values[cell]).toBe(7);
    const copies = (await db.list()).filter((d) => d.name.includes('恢复的未保存修改'));
    expect(copies).toHaveLength(1);
    expect((await db.get(copies[0]!.id))?.report.values[cell]).toBe(8);
    expect(storage.m.size).toBe(0);
  });

  it('a stale tab closed while its copy is being written journals under the copy, which then holds every key', async () => {
    for (const landed of [false, true]) {
      const { factory } = freshDb();
      const storage = memoryStorage();
      const db = await openDraftDb({ indexedDB: factory });
      const rec = await db.create(example, { name: '莘口镇' });
      // The page dies while its copy is in flight: the write never lands, or lands unseen.
      const dying = {
        ...db,
        create: (...args: Parameters<typeof db.create>) => (landed ? db.create(...args).then(() => new Promise<never>(() => undefined)) : new Promise<never>(() => undefined)),
      };
      const e1 = fakeEditor(example);
      const s1 = createDraftSession({ db: dying, editor: e1, templates: registry.get, journal: storageJournal(storage), tabId: 't1', delay: 5 });
      await s1.open(rec.id);
      await db.save(rec.id, { report: withCell(example, cell, 1), focus: {}, errors: 0, writer: 't9' }, 1);
      await s1.checkRemote();
      expect(s1.getState().conflict).toBe(true);
      e1.set(withCell(e1.getReport(), cell, 5)); // the first key starts the copy
      e1.set(withCell(e1.getReport(), cell, 56));
      await new Promise((r) => setTimeout(r, 20));
      s1.emergencySave();
      s1.dispose();
      const [copyId] = [...storage.m.keys()].map((k) => k.replace(/^nianbao-journal:/, ''));
      expect(copyId).toBeTruthy();
      expect(copyId).not.toBe(rec.id);

      const e2 = fakeEditor(example);
      const s2 = createDraftSession({ db, editor: e2, templates: registry.get, journal: storageJournal(storage), tabId: 't2' });
      cleanup.push(() => s2.dispose());
      if (!landed) await s2.recoverCopies();
      expect((await db.get(copyId!))?.name).toBe('莘口镇（本标签页的版本）');
      await s2.open(copyId!);
      expect(e2.getReport().values[cell]).toBe(56);
      expect((await db.get(copyId!))?.report.values[cell]).toBe(56);
      expect((await db.get(rec.id))?.report.values[cell]).toBe(1);
      expect((await db.list()).length).toBe(2);
      expect(storage.m.size).toBe(0);
    }
  });

  it('a save that lands removes the journal', async () => {
    const { factory } = freshDb();
    const storage = memoryStorage();
    const db = await openDraftDb({ indexedDB: factory });
    const e = fakeEditor(example);
    const s = createDraftSession({ db, editor: e, templates: registry.get, journal: storageJournal(storage), delay: 5 });
    cleanup.push(() => s.dispose());
    await s.openNew(example);
    e.set(withCell(e.getReport(), cell, 4));
    s.emergencySave();
    expect(storage.m.size).toBe(1);
    await settle(s);
    expect(storage.m.size).toBe(0);
  });
});
