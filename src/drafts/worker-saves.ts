// A DraftDb whose saves go through the save worker (save-worker.ts), everything else as before.
// Framework-free: the page makes the Worker (bundlers need `new Worker(new URL(…))` where the
// file is named) and hands it here. Saves are answered in the order they were asked; hints
// (content typed while a save runs) are written by the worker without an answer.
import type { DraftDb, SaveResult } from './db';
import type { SaveReply, SaveRequest } from './save-worker';

export interface WorkerLike {
  postMessage(message: SaveRequest): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<SaveReply>) => void): void;
  addEventListener(type: 'error', listener: (e: Event) => void): void;
  terminate(): void;
}

export function withWorkerSaves(db: DraftDb, worker: WorkerLike): DraftDb {
  let seq = 0;
  const waiting = new Map<number, { resolve: (r: SaveResult) => void; reject: (e: Error) => void }>();
  let broken = false;
  worker.addEventListener('message', (e) => {
    const reply = e.data;
    const w = waiting.get(reply.seq);
    if (!w) return;
    waiting.delete(reply.seq);
    if (reply.ok) w.resolve(reply.result);
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
      const n = ++seq;
      return new Promise<SaveResult>((resolve, reject) => {
        waiting.set(n, { resolve, reject });
        worker.postMessage({ type: 'save', seq: n, id, content, baseRev, strict: options.strict ?? false });
      });
    },
    hint(id, content, baseRev) {
      if (!broken) worker.postMessage({ type: 'hint', seq: ++seq, id, content, baseRev });
    },
    close() {
      worker.terminate();
      db.close();
    },
  };
}
