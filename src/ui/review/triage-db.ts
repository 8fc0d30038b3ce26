// The reviewer's decisions in IndexedDB (database nianbao-review, one record per fingerprint), so
// they survive reloads, re-checks and re-imports. Kept apart from the drafts database: a reviewer
// clearing drafts never loses triage.
import type { Decision } from '../../review';

const DB = 'nianbao-review';
const STORE = 'decisions';

function _open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'fingerprint' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('无法打开审查记录数据库'));
  });
}

function _done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('审查记录读写失败'));
  });
}

export async function loadDecisions(): Promise<Map<string, Decision>> {
  const db = await _open();
  try {
    const all = await _done(db.transaction(STORE).objectStore(STORE).getAll() as IDBRequest<Decision[]>);
    return new Map(all.map((d) => [d.fingerprint, d]));
  } finally {
    db.close();
  }
}

/** Store a decision, or remove it (null: back to 待定). Resolves when the write is committed. */
export async function saveDecision(fingerprint: string, decision: Decision | null): Promise<void> {
  const db = await _open();
  try {
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    if (decision) store.put(decision);
    else store.delete(fingerprint);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('审查记录保存失败'));
      tx.onabort = () => reject(tx.error ?? new Error('审查记录保存失败'));
    });
  } finally {
    db.close();
  }
}
