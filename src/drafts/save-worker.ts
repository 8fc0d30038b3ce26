// The drafts' saves, run in a worker of their own. The page's main thread is busy while the clerk
// types (the form re-renders, the frame is painted), and a save's read-check-write waits for it
// between its read and its write: about a frame, enough for a browser killed right then to lose
// the last keys. Here nothing else runs, so a save commits as fast as IndexedDB allows (~1 ms).
// The same database code runs here as in the page (db.ts), with its revision check.
import { openDraftDb, type DraftContent, type DraftDb, type SaveResult } from './db';

export interface SaveRequest {
  seq: number;
  id: string;
  content: DraftContent;
  baseRev: number;
  strict: boolean;
}

export type SaveReply = { seq: number; ok: true; result: SaveResult; committedAt: number } | { seq: number; ok: false; name: string; message: string };

interface WorkerScope {
  onmessage: ((e: MessageEvent<SaveRequest>) => void) | null;
  postMessage(message: SaveReply): void;
}

const scope = globalThis as unknown as WorkerScope;
let db: Promise<DraftDb> | undefined;

scope.onmessage = (e) => {
  const { seq, id, content, baseRev, strict } = e.data;
  db ??= openDraftDb();
  db.then((d) => d.save(id, content, baseRev, { strict }))
    .then((result) => scope.postMessage({ seq, ok: true, result, committedAt: performance.timeOrigin + performance.now() }))
    .catch((err: unknown) => {
      const error = err instanceof Error ? err : new Error(String(err));
      scope.postMessage({ seq, ok: false, name: error.name, message: error.message });
    });
};
