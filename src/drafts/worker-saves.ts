// A DraftDb whose saves go through the save worker (save-worker.ts), everything else as before.
// Framework-free: the page makes the Worker (bundlers need `new Worker(new URL(…))` where the
// file is named) and hands it here. Saves are answered in the order they were asked; hints
// (content typed while a save runs) are written by the worker without an answer. After the first
// request for a draft, each sends only the edits from the one before (patch.ts).
import type { DraftContent, DraftDb, SaveResult } from './db';
import { diff, STALE_BASE } from './patch';
import type { SaveBody, SaveReply, SaveRequest } from './save-worker';

export interface WorkerLike {
  postMessage(message: SaveRequest): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<SaveReply>) => void): void;
  addEventListener(type: 'error', listener: (e: Event) => void): void;
  terminate(): void;
}

export function withWorkerSaves(db: DraftDb, worker: WorkerLike): DraftDb {
  let seq = 0;
  type Asked = { id: string; content: DraftContent; baseRev: number; strict: boolean; resolve: (r: SaveResult) => void; reject: (e: Error) => void };
  const waiting = new Map<number, Asked>();
  let broken = false;
  /** Per draft: the request the worker's copy of the content comes from. */
  const sent = new Map<string, { seq: number; content: DraftContent }>();
  const body = (id: string, n: number, content: DraftContent, whole: boolean): SaveBody => {
    const last = whole ? undefined : sent.get(id);
    sent.set(id, { seq: n, content });
    return last ? { edits: diff(last.content, content), after: last.seq } : { content };
  };
  const ask = (a: Asked, whole = false) => {
    const n = ++seq;
    waiting.set(n, a);
    worker.postMessage({ type: 'save', seq: n, id: a.id, baseRev: a.baseRev, strict: a.strict, ...body(a.id, n, a.content, whole) });
  };
  worker.addEventListener('message', (e) => {
    const reply = e.data;
    const w = waiting.get(reply.seq);
    if (!w) return;
    waiting.delete(reply.seq);
    if (reply.ok) w.resolve(reply.result);
    else if (reply.name === STALE_BASE) ask(w, true);
    else w.reject(Object.assign(reply.name === 'QuotaExceededError' ? new DOMException(reply.message, reply.name) : new Error(reply.message), { name: reply.name }));
  });
  // A worker that cannot start (blocked, failed to load): saves fall back to the page's own connection.
  worker.addEventListener('error', () => {
    broken = true;
    for (const [, w] of waiting) w.reject(new Error('保存线程无法运行，改为在页面中保存'));
    waiting.clear();
  });
  return {
    ...db,
    save(id, content, baseRev, options = {}) {
      if (broken) return db.save(id, content, baseRev, options);
      return new Promise<SaveResult>((resolve, reject) => ask({ id, content, baseRev, strict: options.strict ?? false, resolve, reject }));
    },
    hint(id, content, baseRev) {
      if (broken) return;
      const n = ++seq;
      worker.postMessage({ type: 'hint', seq: n, id, baseRev, ...body(id, n, content, false) });
    },
    close() {
      worker.terminate();
      db.close();
    },
  };
}
