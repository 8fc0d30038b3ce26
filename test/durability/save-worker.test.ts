// The save worker's bookkeeping, run in-process on fake-indexeddb (the same module the browser runs
// as a worker): hints typed during a save are written at once and never count as another tab's
// write; another tab's write is still a conflict, and its text is never overwritten. Through the
// page's side (withWorkerSaves), a keystroke after the first save sends only what it changed, and
// the worker still stores the whole draft exactly.
import { beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openDraftDb, type DraftContent, type DraftDb } from '../../src/drafts/db';
import type { SaveReply, SaveRequest } from '../../src/drafts/save-worker';
import { withWorkerSaves, type WorkerLike } from '../../src/drafts/worker-saves';
import { STALE_BASE } from '../../src/drafts/patch';
import type { Report } from '../../src/core';
import { example, template, withCell } from '../drafts/fixtures';
import { seeded } from './seeded';

const cell = template.inputCells[0]!.id;
const replies: SaveReply[] = [];
const g = globalThis as unknown as { indexedDB: IDBFactory; postMessage: (m: SaveReply) => void; onmessage: (e: { data: SaveRequest }) => void };
let db: DraftDb;
let seq = 0;
/** The page's side of the worker: what the page posted (as the worker received it), and its listeners. */
const posted: SaveRequest[] = [];
const pageListeners: ((e: MessageEvent<SaveReply>) => void)[] = [];
/** Lose the next message the page posts (as a worker that lost its copy of the content would). */
let loseNext = false;
const worker: WorkerLike = {
  postMessage(m) {
    const copy = structuredClone(m); // what crosses to a real worker
    if (loseNext) {
      loseNext = false;
      return;
    }
    posted.push(copy);
    g.onmessage({ data: copy });
  },
  addEventListener(type: 'message' | 'error', listener: (e: MessageEvent<SaveReply>) => void) {
    if (type === 'message') pageListeners.push(listener);
  },
  terminate() {},
} as WorkerLike;

beforeAll(async () => {
  g.indexedDB = new IDBFactory();
  g.postMessage = (m) => {
    replies.push(m);
    for (const l of pageListeners) l({ data: structuredClone(m) } as MessageEvent<SaveReply>);
  };
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

  it('after a draft\'s first save, sends only what changed, and stores the whole draft exactly', async () => {
    const page = withWorkerSaves(db, worker);
    const { id, rev: rev0 } = await db.create(example);
    const random = seeded(17);
    const cells = template.inputCells.map((c) => c.id);
    const slots = Object.keys(example.narrative);
    let report: Report = example;
    let focus: DraftContent['focus'] = {};
    let refusals: Record<string, string> = {};
    let rev = rev0;
    for (let step = 0; step < 60; step++) {
      const before = posted.length;
      const r = random();
      const at = cells[Math.floor(random() * cells.length)]!;
      if (r < 0.5) report = withCell(report, at, random() < 0.2 ? null : Math.floor(random() * 500));
      else if (r < 0.65) report = { ...report, narrative: { ...report.narrative, [slots[step % slots.length]!]: `第${step}段文字` } };
      else if (r < 0.75) report = { ...report, printed: { ...report.printed, [at]: step } };
      else if (r < 0.8) report = Object.fromEntries(Object.entries(report).filter(([k]) => k !== 'printed')) as Report; // a key removed
      else if (r < 0.9) refusals = random() < 0.5 ? { ...refusals, [at]: `${step}件` } : {};
      else focus = { section: 'applications', cell: at };
      const content: DraftContent = { report, focus, refusals, errors: step, writer: 'tab-a' };
      if (random() < 0.25) page.hint!(id, content, rev); // typed while a save runs
      const result = await page.save(id, content, rev);
      expect(result.ok).toBe(true);
      if (result.ok) rev = result.rev;
      const record = await stored(id);
      expect({ report: record.report, focus: record.focus, refusals: record.refusals ?? {}, errors: record.errors }).toEqual({ report, focus, refusals, errors: step });
      // Every request after the first carries edits, never the report whole.
      for (const m of posted.slice(before)) {
        expect(m.id).toBe(id);
        expect('content' in m && step > 0).toBe(false);
      }
    }
    // A keystroke's save: one cell and the error count, a few dozen bytes instead of the whole report.
    const before = posted.length;
    expect((await page.save(id, { report: withCell(report, cells[3]!, 4321), focus, refusals, errors: 1, writer: 'tab-a' }, rev)).ok).toBe(true);
    const keystroke = posted.slice(before);
    expect(keystroke).toHaveLength(1);
    const m = keystroke[0]!;
    expect('edits' in m && m.edits.map((e) => e.path.join('/')).sort()).toEqual(['errors', `report/values/${cells[3]}`]);
    expect(JSON.stringify(m).length).toBeLessThan(300);
    expect(JSON.stringify(report).length).toBeGreaterThan(5000);
  });

  it('a request whose edits start from content the worker does not hold is answered so, and the page sends it whole', async () => {
    const page = withWorkerSaves(db, worker);
    const { id, rev } = await db.create(example);
    const content = (v: number): DraftContent => ({ report: withCell(example, cell, v), focus: {}, refusals: {}, errors: 0, writer: 'tab-a' });
    const first = await page.save(id, content(1), rev);
    const rev1 = first.ok ? first.rev : -1;
    loseNext = true;
    page.hint!(id, content(2), rev1); // lost on its way: the worker's copy is still that of the first save
    const before = replies.length;
    const second = await page.save(id, content(3), rev1);
    expect(second.ok).toBe(true);
    expect(replies.slice(before).some((r) => !r.ok && r.name === STALE_BASE)).toBe(true);
    const whole = posted.at(-1)!;
    expect('content' in whole ? whole.content.report.values[cell] : 'edits').toBe(3);
    expect((await stored(id)).report.values[cell]).toBe(3);
  });
});
