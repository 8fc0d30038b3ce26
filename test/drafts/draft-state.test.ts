// The reports list's state of a draft (草稿 / 已定稿 / 已导出, changed since), from the export mark
// kept on the record; records of older versions (no mark, or a mark this version cannot read)
// still list and open as 草稿. The content key behind it, and the database's delete of blanks.
import { afterEach, describe, expect, it } from 'vitest';
import { createReport } from '../../src/core';
import { openDraftDb, type DraftRecord } from '../../src/drafts/db';
import { contentKey, draftState } from '../../src/drafts/draft-state';
import { createDraftSession } from '../../src/drafts/session';
import { stateText } from '../../src/ui/drafts/state-text';
import { example, fakeEditor, freshDb, registry, template, withCell } from './fixtures';

const cell = template.inputCells[0]!.id;
const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

async function tab(factory: IDBFactory) {
  const db = await openDraftDb({ indexedDB: factory });
  const editor = fakeEditor(example);
  const session = createDraftSession({ db, editor, templates: registry.get, delay: 5, maxWait: 20, retry: 20 });
  cleanup.push(() => {
    session.dispose();
    db.close();
  });
  return { db, editor, session };
}

describe('contentKey', () => {
  it('is the same for the same content in any key order and any spelling of a blank; 0 is not a blank', () => {
    const reverse = (v: unknown): unknown =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverse(x)])) : v;
    const reordered = reverse(example) as typeof example;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(example));
    expect(contentKey(reordered)).toBe(contentKey(example));
    const blanks = { ...example, narrative: { ...example.narrative, 'not-there': '' }, values: { ...example.values, 'nowhere:x': null } };
    expect(contentKey(blanks)).toBe(contentKey(example));
    expect(contentKey(withCell(example, cell, 0))).not.toBe(contentKey(withCell(example, cell, null)));
    expect(contentKey(withCell(example, cell, 12))).not.toBe(contentKey(withCell(example, cell, 21)));
    expect(contentKey({ ...example, year: example.year + 1 })).not.toBe(contentKey(example));
  });
});

describe('a draft’s state in the reports list', () => {
  it('草稿, then 已定稿 after a final export, 已导出草稿 after a draft export, and changed since once edited', async () => {
    const { factory } = freshDb();
    const a = await tab(factory);
    const rec = await a.session.openNew(example);
    const state = async () => (await a.db.list()).find((d) => d.id === rec.id)!.state;
    expect(await state()).toEqual({ kind: 'draft' });

    await a.session.markExported({ name: '三营镇2023年报告.docx', final: true, report: a.editor.getReport() });
    const final = await state();
    expect(final).toMatchObject({ kind: 'final', name: '三营镇2023年报告.docx' });
    expect((await a.db.get(rec.id))!.rev).toBe(rec.rev); // not content: a tab's next save is not a conflict

    a.editor.focus({ section: 'applications', cell }); // moving about is not a change
    a.editor.set({ ...a.editor.getReport() });
    await a.session.flush();
    expect(await state()).toMatchObject({ kind: 'final' });

    a.editor.set(withCell(a.editor.getReport(), cell, 99));
    await a.session.flush();
    expect(a.session.getState().conflict).toBe(false);
    const changed = await state();
    expect(changed).toMatchObject({ kind: 'changed', final: true, name: '三营镇2023年报告.docx' });
    expect(stateText(changed).detail).toMatch(/^已导出定稿 \d+月\d+日 \d\d:\d\d，之后有修改$/);

    await a.session.markExported({ name: '三营镇2023年报告（草稿）.docx', final: false, report: a.editor.getReport() });
    expect(await state()).toMatchObject({ kind: 'exported', name: '三营镇2023年报告（草稿）.docx' });
    a.editor.set(withCell(a.editor.getReport(), cell, null));
    await a.session.flush();
    expect(await state()).toMatchObject({ kind: 'changed', final: false });
  });

  it('an export marks the draft it was taken from, even when another was opened meanwhile', async () => {
    const { factory } = freshDb();
    const a = await tab(factory);
    const exported = await a.session.openNew(example, '导出的');
    const report = a.editor.getReport();
    const other = await a.session.openNew(withCell(example, cell, 3), '另一份');
    await a.session.markExported({ name: '导出的.docx', final: false, report, draftId: exported.id });
    const list = await a.db.list();
    expect(list.find((d) => d.id === exported.id)?.state).toMatchObject({ kind: 'exported', name: '导出的.docx' });
    expect(list.find((d) => d.id === other.id)?.state).toEqual({ kind: 'draft' });
  });

  it('a record of an older version (no mark, or one it cannot read) lists as 草稿 and still opens', async () => {
    const { factory } = freshDb();
    const a = await tab(factory);
    const old = await a.db.create(example);
    const odd = await a.db.create(example);
    // As another version might have written it.
    const raw = await openDraftDb({ indexedDB: factory });
    await raw.markExported(odd.id, { at: Date.now(), name: 'x.docx', final: true, key: contentKey(example) });
    const stored = (await raw.get(odd.id)) as DraftRecord & { exported: unknown };
    expect(draftState(stored.report, { ...stored.exported as object, final: 'yes' })).toEqual({ kind: 'draft' });
    expect(draftState(stored.report, 'exported')).toEqual({ kind: 'draft' });
    raw.close();
    const list = await a.db.list();
    expect(list.find((d) => d.id === old.id)?.state).toEqual({ kind: 'draft' });
    expect((await a.session.open(old.id)).ok).toBe(true);
    expect(a.editor.getReport()).toEqual(example);
  });

  it('says the date with the year only when it is not this year’s', () => {
    const now = new Date(2026, 11, 1, 9, 0).getTime();
    expect(stateText({ kind: 'final', at: new Date(2026, 2, 2, 14, 5).getTime(), name: 'a.docx' }, now)).toEqual({ label: '已定稿', detail: '3月2日 14:05 导出', file: 'a.docx' });
    expect(stateText({ kind: 'changed', final: false, at: new Date(2025, 2, 2, 8, 0).getTime(), name: 'b.docx' }, now).detail).toBe('已导出草稿 2025年3月2日 08:00，之后有修改');
    expect(stateText({ kind: 'draft' }, now)).toEqual({ label: '草稿', detail: '', file: '' });
  });
});

describe('the database’s delete of an untouched blank', () => {
  it('deletes only at the revision named, and only a blank left as it was created', async () => {
    const db = await freshDb().open();
    const report = createReport(template, 2024);
    const r = await db.create(report, { blank: contentKey(report) });
    const saved = await db.save(r.id, { report, focus: { section: 'applications' }, errors: 0 }, r.rev);
    expect(saved.ok).toBe(true);
    expect(await db.discard(r.id, r.rev)).toBe(false); // written since
    const typed = await db.create(withCell(report, cell, 1), { blank: contentKey(report) });
    expect(await db.discard(typed.id, typed.rev)).toBe(false);
    const plain = await db.create(report);
    expect(await db.discard(plain.id, plain.rev)).toBe(false); // no blank mark
    expect(await db.discard(r.id, r.rev + 1)).toBe(true);
    expect(await db.get(r.id)).toBeUndefined();
    expect((await db.list()).map((d) => d.id).sort()).toEqual([typed.id, plain.id].sort());
  });
});
