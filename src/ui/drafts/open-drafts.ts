// The drafts database as the app uses it: saves run in a worker of their own (so a keystroke is
// committed within about a millisecond even while the page is busy painting), the rest in the page.
// Without Worker support (or if it cannot be made) the page's own connection saves; so does the
// single-file build, whose page on file:// may start no worker from a file.
import { openDraftDb, type DraftDb } from '../../drafts/db';
import { withWorkerSaves } from '../../drafts/worker-saves';

export async function openDrafts(): Promise<DraftDb> {
  const db = await openDraftDb();
  if (typeof Worker !== 'function' || import.meta.env.MODE === 'single') return db;
  try {
    return withWorkerSaves(db, new Worker(new URL('../../drafts/save-worker.ts', import.meta.url), { type: 'module', name: 'nianbao-saves' }));
  } catch {
    return db;
  }
}
