// Starting a review run: in a Web Worker when one can start, else in the page with a pause after
// each file (the single-file build from file://, where no worker starts: the constructor throws,
// or the worker fails before saying anything). Cancel ends the worker, or stops the page's loop.
import { processBatch, type BatchFile, type ReviewMessage } from './process';

export interface ReviewRun {
  cancel: () => void;
}

function _inPage(files: BatchFile[], onMessage: (m: ReviewMessage) => void): ReviewRun {
  let cancelled = false;
  const pause = () => new Promise<void>((resolve, reject) => setTimeout(() => (cancelled ? reject(new Error('cancelled')) : resolve()), 0));
  processBatch(files, (m) => !cancelled && onMessage(m), pause).catch(() => {});
  return { cancel: () => (cancelled = true) };
}

export function startReview(files: BatchFile[], onMessage: (m: ReviewMessage) => void): ReviewRun {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./review-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return _inPage(files, onMessage);
  }
  let heard = false;
  let fallback: ReviewRun | null = null;
  worker.onmessage = (e: MessageEvent<ReviewMessage>) => {
    // Only the batch's own messages (a library in the worker may post its own).
    if (!e.data || typeof e.data !== 'object' || !('kind' in e.data)) return;
    if (!heard) copies.splice(0); // the worker runs: the page's copies are not needed
    heard = true;
    onMessage(e.data);
    if (e.data.kind === 'done') worker.terminate();
  };
  worker.onerror = (e) => {
    worker.terminate();
    // The bytes went to the worker (transferred): the page reads its own copies again.
    if (!heard) fallback = _inPage(copies, onMessage);
    else onMessage({ kind: 'read', done: 0, total: files.length, name: '', problem: `审查进程出错：${e.message}` });
  };
  // Transferred, not copied, to the worker; a copy stays for the page in case the worker never starts.
  const copies = files.map((f) => ({ ...f, bytes: f.bytes.slice() }));
  worker.postMessage({ files }, files.map((f) => f.bytes.buffer as ArrayBuffer));
  return {
    cancel: () => {
      worker.terminate();
      fallback?.cancel();
    },
  };
}
