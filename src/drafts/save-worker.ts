// The drafts' saves, run in a worker of their own. The page's main thread is busy while the clerk
// types (the form re-renders, the frame is painted), and a save's read-check-write waits for it
// between its read and its write: about a frame, enough for a browser killed right then to lose
// the last keys. Here nothing else runs, so a save commits as fast as IndexedDB allows (~1 ms).
// The same database code runs here as in the page (db.ts), with its revision check.
//
// Keys typed while a save runs: the page tells their content at once (a hint) and the worker
// writes it as soon as the running save ends, without waiting for the page to hear of that save
// and send the next. The page still sends that next save, based on the revision it knows; the
// worker maps it onto the revisions it wrote meanwhile, so its own hints never count as another
// tab's write. A hint refused (another tab wrote) is dropped: the page still holds the text, and
// its next save meets the conflict.
//
// The page sends a draft's content whole once, then only the edits from the content of its last
// request for that draft (patch.ts): the worker keeps that content and applies them. A request
// whose base the worker does not hold is answered STALE_BASE, and the page sends it whole.
import { openDraftDb, type DraftContent, type DraftDb, type SaveResult } from './db';
import { apply, STALE_BASE, type Edit } from './patch';

/** The content whole, or the edits from the content of request `after` (the last one for this draft). */
export type SaveBody = { content: DraftContent } | { edits: Edit[]; after: number };

export type SaveRequest =
  | ({ type: 'save'; seq: number; id: string; baseRev: number; strict: boolean } & SaveBody)
  | ({ type: 'hint'; seq: number; id: string; baseRev: number } & SaveBody);

export type SaveReply = { seq: number; ok: true; result: SaveResult; committedAt: number } | { seq: number; ok: false; name: string; message: string };

interface WorkerScope {
  onmessage: ((e: MessageEvent<SaveRequest>) => void) | null;
  postMessage(message: SaveReply): void;
}

const scope = globalThis as unknown as WorkerScope;
let db: Promise<DraftDb> | undefined;
/** Saves run one after another, in the order asked. */
let queue: Promise<unknown> = Promise.resolve();
/**
 * Per draft: the revision this worker stored last, and the revisions this page's requests may be
 * based on that lead to it with no other tab's write between (those it was told of and those it
 * wrote). A request based on one of them is checked against the last; any other as it is.
 */
const drafts = new Map<string, { current: number; ours: Set<number>; seq: number }>();
const hints = new Map<string, { seq: number; baseRev: number; content: DraftContent }>();
/** Per draft: the content of the last request, which the next one's edits start from. */
const held = new Map<string, { seq: number; content: DraftContent }>();

function contentOf(m: SaveRequest): DraftContent | undefined {
  if ('content' in m) return m.content;
  const h = held.get(m.id);
  return h?.seq === m.after ? apply(h.content, m.edits) : undefined;
}

function base(id: string, pageRev: number): number {
  const d = drafts.get(id);
  return d?.ours.has(pageRev) ? d.current : pageRev;
}

function stored(id: string, asked: number, used: number, rev: number, seq: number): void {
  const d = drafts.get(id) ?? { current: rev, ours: new Set<number>(), seq };
  d.ours.add(asked).add(used).add(rev);
  d.current = rev;
  d.seq = Math.max(d.seq, seq);
  drafts.set(id, d);
}

const now = () => performance.timeOrigin + performance.now();

scope.onmessage = (e) => {
  const m = e.data;
  db ??= openDraftDb();
  const content = contentOf(m);
  if (!content) {
    held.delete(m.id);
    if (m.type === 'save') scope.postMessage({ seq: m.seq, ok: false, name: STALE_BASE, message: 'the edits start from content this worker does not hold' });
    return;
  }
  held.set(m.id, { seq: m.seq, content });
  if (m.type === 'hint') {
    if ((hints.get(m.id)?.seq ?? -1) < m.seq) hints.set(m.id, { seq: m.seq, baseRev: m.baseRev, content });
    queue = queue.then(() => writeHint(m.id));
    return;
  }
  queue = queue.then(async () => {
    try {
      const d = await db!;
      const used = base(m.id, m.baseRev);
      const result = await d.save(m.id, content, used, { strict: m.strict });
      if (result.ok) stored(m.id, m.baseRev, used, result.rev, m.seq);
      scope.postMessage({ seq: m.seq, ok: true, result, committedAt: now() });
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      scope.postMessage({ seq: m.seq, ok: false, name: error.name, message: error.message });
    }
  });
};

async function writeHint(id: string): Promise<void> {
  const hint = hints.get(id);
  const d = drafts.get(id);
  if (!hint || (d && d.seq >= hint.seq)) return; // a save already carried it
  hints.delete(id);
  try {
    const used = base(id, hint.baseRev);
    const result = await (await db!).save(id, hint.content, used);
    if (result.ok) stored(id, hint.baseRev, used, result.rev, hint.seq);
    // Unasked: the page waits for no answer to a hint, but whoever watches learns when it committed.
    scope.postMessage({ seq: hint.seq, ok: true, result, committedAt: now() });
  } catch {
    /* the page's next save says what went wrong */
  }
}
