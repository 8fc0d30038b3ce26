// The save worker's bookkeeping, run in-process on fake-indexeddb (the same module the browser runs
// as a worker): hints typed during a save are written at once and never count as another tab's
// write; another tab's write is still a conflict, and its text is never overwritten.
import { beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openDraftDb, type DraftContent, type DraftDb } from '../../src/drafts/db';
import type { SaveReply, SaveRequest } from '../../src/drafts/save-worker';
import { example, template, withCell } from '../drafts/fixtures';

const cell = template.inputCells[0]!.id;
const replies: SaveReply[] = [];
const g = globalThis as unknown as { indexedDB: IDBFactory; postMessage: (m: SaveReply) => void; onmessage: (e: { data: SaveRequest }) => void };
let db: DraftDb;
let seq = 0;

beforeAll(async () => {
  g.indexedDB = new IDBFactory();
  g.postMessage = (m) => replies.push(m);
  await import('../../src/drafts/save-worker');
  db = await openDraftDb({ indexedDB: g.indexedDB });
});

const content = (v: number, writer = 'tab-a'): DraftContent => ({ report: withCell(example, cell, v), focus: {}, refusals: {}, errors: 0, writer });
function send(type: 'save' | 'hint', id: string, v: number, baseRev: number): number {
  const n = ++seq;
  g.onmessage({ data: type === 'save' ? { type, seq: n, id, content: content(v), baseRev, strict: false } : { type, seq: n, id, content: content(v), baseRev } });
  return n;
}
const answer = (n: number) => expect.poll(() => replies.find((r) => r.seq === n), { timeout: 5000 }).toBeDefined().then(() => replies.find((r) => r.seq === n)!);
const stored = async (id: string) => (await db.get(id))!;

describe('the save worker', () => {
  it('writes what is typed during a save at once, and the page\'s next save, based on what it knows, is no conflict', async () => {
    const { id, rev } = await db.create(example);
    const first = send('save', id, 1, rev);
    send('hint', id, 2, rev); // typed before the page heard of the first save
    send('hint', id, 3, rev);
    const r1 = await answer(first);
    expect(r1.ok && r1.result.ok).toBe(true);
    await expect.poll(async () => (await stored(id)).report.values[cell]).toBe(3);
    const pageRev = r1.ok && r1.result.ok ? r1.result.rev : -1;
    const next = await answer(send('save', id, 4, pageRev));
    expect(next.ok && next.result.ok).toBe(true);
    expect((await stored(id)).report.values[cell]).toBe(4);
    const r = await stored(id);
    expect(r.writer).toBe('tab-a');
  });

  it('still meets another tab\'s write as a conflict, hints included, and leaves that text alone', async () => {
    const { id, rev } = await db.create(example);
    const r1 = await answer(send('save', id, 1, rev));
    const pageRev = r1.ok && r1.result.ok ? r1.result.rev : -1;
    const other = await db.save(id, content(99, 'tab-b'), pageRev); // another tab saves
    expect(other.ok).toBe(true);
    send('hint', id, 2, pageRev);
    const late = await answer(send('save', id, 3, pageRev));
    expect(late.ok && !late.result.ok && late.result.reason).toBe('conflict');
    expect((await stored(id)).report.values[cell]).toBe(99);
    expect((await stored(id)).writer).toBe('tab-b');
  });
});
