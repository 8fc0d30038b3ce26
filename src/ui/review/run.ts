// Starting a review run: in a Web Worker when one can start, else in the page with a pause after
// each file (the single-file build from file://). Cancel ends the worker, or stops the page's loop.
import { processBatch, type BatchFile, type ReviewMessage } from './process';

export interface ReviewRun {
  cancel: () => void;
}

export function startReview(files: BatchFile[], onMessage: (m: ReviewMessage) => void): ReviewRun {
  let worker: Worker | null;
  try {
    worker = new Worker(new URL('./review-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    // No worker from file:// (the single-file build): the page does the work, pausing after each file.
    worker = null;
  }
  if (worker) {
    const w = worker;
    w.onmessage = (e: MessageEvent<ReviewMessage>) => {
      // Only the batch's own messages (a library in the worker may post its own).
      if (!e.data || typeof e.data !== 'object' || !('kind' in e.data)) return;
      onMessage(e.data);
      if (e.data.kind === 'done') w.terminate();
    };
    w.onerror = (e) => {
      onMessage({ kind: 'read', done: 0, total: files.length, name: '', problem: `审查进程出错：${e.message}` });
    };
    w.postMessage({ files }, files.map((f) => f.bytes.buffer as ArrayBuffer));
    return { cancel: () => w.terminate() };
  }
  let cancelled = false;
  const pause = () =>
    new Promise<void>((resolve, reject) => setTimeout(() => (cancelled ? reject(new Error('cancelled')) : resolve()), 0));
  processBatch(files, (m) => !cancelled && onMessage(m), pause).catch(() => {});
  return { cancel: () => (cancelled = true) };
}
