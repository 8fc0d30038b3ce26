// No blank-draft pile-up: a draft created as a new blank report that nothing was put into is
// deleted (not trashed) when the clerk moves on, and never one with anything typed, named, with
// refused text, nor one another tab has open (its Web Lock) or wrote since (the revision check).
// A tab whose open draft was deleted anyway writes it again on its next save.
import { afterEach, describe, expect, it } from 'vitest';
import { createReport } from '../../src/core';
import { openDraftDb, type DraftDb } from '../../src/drafts/db';
import { draftLockName, type LocksLike } from '../../src/drafts/draft-lock';
import { createDraftSession } from '../../src/drafts/session';
import { example, fakeEditor, fakeLocks, freshDb, registry, template, withCell } from './fixtures';

const cell = template.inputCells[0]!.id;
const blank = () => createReport(template, 2024);
const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

async function tab(factory: IDBFactory, locks: LocksLike | null) {
  const db = await openDraftDb({ indexedDB: factory });
  const editor = fakeEditor(example);
  const session = createDraftSession({ db, editor, templates: registry.get, locks, delay: 5, maxWait: 20, retry: 20 });
  cleanup.push(() => {
    session.dispose();
    db.close();
  });
  return { db, editor, session };
}

/** Every stored draft (live and trashed) by id. */
const stored = async (db: DraftDb) => (await db.list()).map((d) => ({ id: d.id, trashed: d.deletedAt !== null }));

describe('blank drafts do not pile up', () => {
  it('a new blank draft left untouched is deleted, not trashed, when another is opened or created', async () => {
    const { factory } = freshDb();
    const a = await tab(factory, fakeLocks());
    const first = await a.session.openNew(blank());
    const second = await a.session.openNew(blank()); // 新建 twice
    expect(await stored(a.db)).toEqual([{ id: second.id, trashed: false }]);
    const file = await a.session.openNew(example, '打开的文件');
    expect(await stored(a.db)).toEqual([{ id: file.id, trashed: false }]);
    expect(await a.db.get(first.id)).toBeUndefined();
  });

  it('moving about a blank draft is not typing in it: it still goes; a value typed and cleared again too', async () => {
    const { factory } = freshDb();
    const a = await tab(factory, fakeLocks());
    const b1 = await a.session.openNew(blank());
    a.editor.focus({ section: 'applications', cell });
    a.editor.set({ ...a.editor.getReport(), values: { [cell]: 5 } });
    await a.session.flush();
    a.editor.set({ ...a.editor.getReport(), values: { [cell]: null } });
    await a.session.flush();
    expect((await a.db.get(b1.id))!.rev).toBeGreaterThan(1);
    const other = await a.db.create(example);
    expect((await a.session.open(other.id)).ok).toBe(true);
    expect(await a.db.get(b1.id)).toBeUndefined();
  });

  it('keeps a blank draft with anything in it: a value, a name, refused text, a changed year', async () => {
    const { factory } = freshDb();
    const a = await tab(factory, fakeLocks());
    const kept: string[] = [];
    const typed = await a.session.openNew(blank());
    a.editor.set(withCell(a.editor.getReport(), cell, 0));
    await a.session.flush();
    kept.push(typed.id);
    const named = await a.session.openNew(blank());
    await a.db.rename(named.id, '留着');
    kept.push(named.id);
    const refused = await a.session.openNew(blank());
    a.editor.refuse(cell, '十二');
    await a.session.flush();
    kept.push(refused.id);
    const year = await a.session.openNew(blank());
    a.editor.set({ ...a.editor.getReport(), year: 2023 });
    await a.session.flush();
    kept.push(year.id);
    const last = await a.session.openNew(example);
    expect((await stored(a.db)).map((d) => d.id).sort()).toEqual([...kept, last.id].sort());
    expect((await stored(a.db)).every((d) => !d.trashed)).toBe(true);
  });

  it('never deletes a blank draft another tab has open; once that tab moves on too, it goes', async () => {
    const { factory } = freshDb();
    const locks = fakeLocks();
    const a = await tab(factory, locks);
    const b = await tab(factory, locks);
    const shared = await a.session.openNew(blank());
    await b.session.open(shared.id);
    expect(locks.holders(draftLockName(shared.id))).toBe(2);
    await a.session.openNew(example);
    expect(await a.db.get(shared.id)).toBeDefined();
    expect(locks.holders(draftLockName(shared.id))).toBe(1);
    await b.session.openNew(example);
    expect(await a.db.get(shared.id)).toBeUndefined();
  });

  it('without locks, the revision check keeps a blank another tab wrote; a tab that finds its draft gone writes it again', async () => {
    const { factory } = freshDb();
    const a = await tab(factory, null);
    const b = await tab(factory, null);
    const moved = await a.session.openNew(blank());
    await b.session.open(moved.id);
    b.editor.focus({ section: 'applications', cell });
    b.editor.set({ ...b.editor.getReport() }); // a move: saved, content unchanged
    await b.session.flush();
    await a.session.openNew(example);
    expect(await a.db.get(moved.id)).toBeDefined(); // written since a last saw it

    const idle = await a.session.openNew(blank());
    const c = await tab(factory, null);
    await c.session.open(idle.id);
    await a.session.openNew(example); // c has it open but said nothing: without locks a cannot know
    expect(await a.db.get(idle.id)).toBeUndefined();
    c.editor.set(withCell(c.editor.getReport(), cell, 7));
    await c.session.flush();
    expect(c.session.getState()).toMatchObject({ draftId: idle.id, conflict: false, status: { kind: 'saved' } });
    expect((await a.db.get(idle.id))?.report.values[cell]).toBe(7);
  });

  it('a draft of an older version (no blank mark) is never deleted, blank or not', async () => {
    const { factory } = freshDb();
    const a = await tab(factory, fakeLocks());
    const old = await a.db.create(blank()); // as older versions stored it: no `blank`
    await a.session.open(old.id);
    await a.session.openNew(example);
    expect(await a.db.get(old.id)).toBeDefined();
  });
});
