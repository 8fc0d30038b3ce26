import { describe, expect, it } from 'vitest';
import { TRASH_DAYS } from '../../src/drafts/db';
import { example, freshDb, withCell, template } from './fixtures';

const cell = template.inputCells[0]!.id;

describe('drafts database', () => {
  it('creates, lists and reads back a draft exactly, blank distinct from 0', async () => {
    const db = await freshDb().open();
    const report = withCell(withCell(example, cell, null), template.inputCells[1]!.id, 0);
    const r = await db.create(report, { name: '草稿一', focus: { section: 'applications', cell } });
    const back = await db.get(r.id);
    expect(back?.report).toEqual(report);
    expect(back?.report.values[cell]).toBeNull();
    expect(back?.report.values[template.inputCells[1]!.id]).toBe(0);
    expect(back?.focus).toEqual({ section: 'applications', cell });
    const list = await db.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: r.id, name: '草稿一', organ: '原州区三营镇', year: 2023, rev: 1, deletedAt: null });
    expect('report' in list[0]!).toBe(false);
  });

  it('refuses a save based on an old revision and keeps what is stored', async () => {
    const db = await freshDb().open();
    const r = await db.create(example);
    const a = await db.save(r.id, { report: withCell(example, cell, 5), focus: {}, errors: 0 }, 1);
    expect(a).toMatchObject({ ok: true, rev: 2 });
    const b = await db.save(r.id, { report: withCell(example, cell, 9), focus: {}, errors: 0 }, 1);
    expect(b).toMatchObject({ ok: false, reason: 'conflict' });
    expect((await db.get(r.id))?.report.values[cell]).toBe(5);
    expect(await db.save('nope', { report: example, focus: {}, errors: 0 }, 1)).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('renames, duplicates, trashes and restores without touching the content revision', async () => {
    const db = await freshDb().open();
    const r = await db.create(example);
    expect((await db.rename(r.id, '  新名字 '))?.name).toBe('新名字');
    const copy = await db.duplicate(r.id, '副本');
    expect(copy?.report).toEqual(example);
    expect(copy?.id).not.toBe(r.id);
    expect((await db.remove(r.id))?.deletedAt).not.toBeNull();
    expect((await db.restore(r.id))?.deletedAt).toBeNull();
    expect((await db.get(r.id))?.rev).toBe(1);
    expect(await db.save(r.id, { report: example, focus: {}, errors: 0 }, 1)).toMatchObject({ ok: true });
  });

  it('empties the trash only after the retention period', async () => {
    let t = 1_000_000_000_000;
    const db = await freshDb(() => t).open();
    const a = await db.create(example);
    const b = await db.create(example);
    await db.remove(a.id);
    t += (TRASH_DAYS - 1) * 86_400_000;
    expect(await db.purge()).toBe(0);
    await db.remove(b.id);
    t += 2 * 86_400_000;
    expect(await db.purge()).toBe(1);
    expect(await db.get(a.id)).toBeUndefined();
    expect(await db.get(b.id)).toBeDefined();
  });
});
