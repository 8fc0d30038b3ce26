// The drafts database: one IndexedDB object store of drafts, each the whole report (a JSON value;
// null is a blank, distinct from 0) plus where the clerk was (focus), a revision number and
// bookkeeping. Framework-free; the IDBFactory is injected so tests run on fake-indexeddb.
//
// Every write is a read-check-write inside ONE readwrite transaction: a save names the revision
// it was based on and is refused (conflict) when another tab has written since.
//
// Durability: a save (every keystroke) commits 'relaxed': the browser reports it once the data is
// handed to the operating system, which keeps it when the browser is killed or crashes, in about
// a millisecond instead of waiting for the disk (tens of milliseconds when the machine is busy,
// long enough to lose the last keys to a kill). Creating, duplicating and trash changes are rare
// and commit 'strict' (flushed to the disk), as does a save asked for with `strict`. Deleting only
// moves a draft to the trash; the trash is emptied after TRASH_DAYS. The one exception is a blank
// draft nobody typed in, which is discarded for good when the clerk moves on (`discard`).
import type { Report, Whereabouts } from '../core';
import { contentKey, draftState, type DraftState, type ExportMark } from './draft-state';

export const DB_NAME = 'nianbao';
export const DB_VERSION = 1;
const STORE = 'drafts';
export const TRASH_DAYS = 30;
const DAY = 86_400_000;

/** Where the clerk was, kept with the draft: the store's whereabouts (src/core/place.ts). */
export type DraftFocus = Whereabouts;

export interface DraftRecord {
  id: string;
  /** Name the clerk gave the draft; '' shows organ and year. */
  name: string;
  report: Report;
  focus: DraftFocus;
  /** Text typed into cells that was refused (cell id → exactly what was typed), so it survives a reload. */
  refusals?: Record<string, string>;
  /** Incremented by every content write; a save based on an older revision is a conflict. */
  rev: number;
  created: number;
  modified: number;
  /** Error-level findings at the last save (for the list). */
  errors: number;
  /** The tab that made the last save. */
  writer?: string;
  /** When it was moved to the trash, or null. */
  deletedAt: number | null;
  /** The last export of this draft (absent on drafts never exported, and on records of older versions). */
  exported?: ExportMark;
  /** Set when the draft was created as a new blank report: that report's content key (`contentKey`). */
  blank?: string;
}

export type DraftSummary = Omit<DraftRecord, 'report'> & { organ: string; year: number; state: DraftState };

export type SaveResult = { ok: true; rev: number; modified: number } | { ok: false; reason: 'conflict' | 'missing'; current?: DraftRecord };

export interface DraftContent {
  report: Report;
  focus: DraftFocus;
  refusals?: Record<string, string>;
  errors: number;
  writer?: string;
}

export interface DraftDb {
  list(): Promise<DraftSummary[]>;
  get(id: string): Promise<DraftRecord | undefined>;
  create(report: Report, extra?: Partial<Pick<DraftRecord, 'id' | 'name' | 'focus' | 'errors' | 'refusals' | 'blank'>>): Promise<DraftRecord>;
  /** Write content if the stored revision is still `baseRev` (`strict`: wait for the disk, e.g. when the page is closing). */
  save(id: string, content: DraftContent, baseRev: number, options?: { strict?: boolean }): Promise<SaveResult>;
  /**
   * The newest content while a save of it is still on its way (optional): a store that can, writes
   * it at once on top of the saves it has made; the save that follows confirms it.
   */
  hint?(id: string, content: DraftContent, baseRev: number): void;
  rename(id: string, name: string): Promise<DraftRecord | undefined>;
  /** Record an export of the draft (not content: the revision stays). */
  markExported(id: string, mark: ExportMark): Promise<DraftRecord | undefined>;
  /**
   * Delete for good, not to the trash, a draft still exactly the blank report it was created from
   * (unnamed, no refused text) and still at revision `rev`; true when it was deleted.
   */
  discard(id: string, rev: number): Promise<boolean>;
  duplicate(id: string, name: string): Promise<DraftRecord | undefined>;
  /** Move to the trash (restorable for TRASH_DAYS). */
  remove(id: string): Promise<DraftRecord | undefined>;
  restore(id: string): Promise<DraftRecord | undefined>;
  /** Delete for good what has been in the trash longer than TRASH_DAYS; returns how many. */
  purge(): Promise<number>;
  close(): void;
}

export interface DraftDbOptions {
  name?: string;
  indexedDB?: IDBFactory;
  now?: () => number;
  newId?: () => string;
}

function _req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function _done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('transaction aborted', 'AbortError'));
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
  });
}

function _commit(tx: IDBTransaction): void {
  // Hand the transaction to the database at once: it still commits if the page goes away now.
  try {
    tx.commit?.();
  } catch {
    /* already committing */
  }
}

export function summarize(r: DraftRecord): DraftSummary {
  const { report, ...rest } = r;
  return { ...rest, organ: report.organ.titleName || report.organ.name, year: report.year, state: draftState(report, r.exported) };
}

/** A draft created blank that nothing was put into since: no name, no refused text, the same content. */
export function isUntouchedBlank(r: DraftRecord): boolean {
  return typeof r.blank === 'string' && r.deletedAt === null && r.name === '' && Object.keys(r.refusals ?? {}).length === 0 && contentKey(r.report) === r.blank;
}

export function openDraftDb(options: DraftDbOptions = {}): Promise<DraftDb> {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  if (!factory) return Promise.reject(new Error('此浏览器不支持 IndexedDB，无法自动保存草稿'));
  const open = factory.open(options.name ?? DB_NAME, DB_VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id' });
  };
  return _req(open).then((db) => {
    // Another tab upgrading the schema must not be blocked by us.
    db.onversionchange = () => db.close();

    /** Run `fn` on the store in one transaction; resolve with its value once committed. */
    async function tx<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => Promise<T>, durability: IDBTransactionDurability = 'strict'): Promise<T> {
      const t = db.transaction(STORE, mode, { durability });
      const done = _done(t);
      let value: T;
      try {
        value = await fn(t.objectStore(STORE));
      } catch (e) {
        try {
          t.abort();
        } catch {
          /* already finished */
        }
        await done.catch(() => undefined);
        throw e;
      }
      if (mode === 'readwrite') _commit(t);
      await done;
      return value;
    }

    async function change(id: string, edit: (r: DraftRecord) => DraftRecord | null): Promise<DraftRecord | undefined> {
      return tx('readwrite', async (s) => {
        const r = await _req(s.get(id) as IDBRequest<DraftRecord | undefined>);
        if (!r) return undefined;
        const next = edit(r);
        if (!next) return r;
        // Name and trash state are not content: the revision (what saves are checked against) stays.
        await _req(s.put(next));
        return next;
      });
    }

    const api: DraftDb = {
      async list() {
        const all = await tx('readonly', (s) => _req(s.getAll() as IDBRequest<DraftRecord[]>));
        return all.map(summarize).sort((a, b) => b.modified - a.modified);
      },
      get: (id) => tx('readonly', (s) => _req(s.get(id) as IDBRequest<DraftRecord | undefined>)),
      async create(report, extra = {}) {
        const t = now();
        const record: DraftRecord = {
          id: extra.id ?? newId(), name: extra.name ?? '', report, focus: extra.focus ?? {}, rev: 1,
          created: t, modified: t, errors: extra.errors ?? 0, deletedAt: null, refusals: extra.refusals ?? {},
          ...(extra.blank ? { blank: extra.blank } : {}),
        };
        await tx('readwrite', (s) => _req(s.add(record)));
        return record;
      },
      save(id, content, baseRev, options = {}) {
        return tx('readwrite', async (s): Promise<SaveResult> => {
          const r = await _req(s.get(id) as IDBRequest<DraftRecord | undefined>);
          if (!r) return { ok: false, reason: 'missing' };
          if (r.rev !== baseRev) return { ok: false, reason: 'conflict', current: r };
          const modified = now();
          // Not awaited: the commit is asked for in this same task (one round trip less to the
          // database while typing keeps the page busy); a failed put aborts the transaction.
          s.put({ ...r, report: content.report, focus: content.focus, refusals: content.refusals ?? {}, errors: content.errors, writer: content.writer ?? '', rev: r.rev + 1, modified });
          return { ok: true, rev: r.rev + 1, modified };
        }, options.strict ? 'strict' : 'relaxed');
      },
      rename: (id, name) => change(id, (r) => ({ ...r, name: name.trim().slice(0, 200) })),
      markExported: (id, mark) => change(id, (r) => ({ ...r, exported: { ...mark } })),
      discard(id, rev) {
        return tx('readwrite', async (s) => {
          const r = await _req(s.get(id) as IDBRequest<DraftRecord | undefined>);
          if (!r || r.rev !== rev || !isUntouchedBlank(r)) return false;
          await _req(s.delete(id));
          return true;
        });
      },
      async duplicate(id, name) {
        const r = await api.get(id);
        if (!r) return undefined;
        return api.create(r.report, { name, focus: r.focus, errors: r.errors, refusals: r.refusals ?? {} });
      },
      remove: (id) => change(id, (r) => (r.deletedAt === null ? { ...r, deletedAt: now() } : null)),
      restore: (id) => change(id, (r) => (r.deletedAt !== null ? { ...r, deletedAt: null } : null)),
      purge() {
        const limit = now() - TRASH_DAYS * DAY;
        return tx('readwrite', async (s) => {
          const all = await _req(s.getAll() as IDBRequest<DraftRecord[]>);
          const old = all.filter((r) => r.deletedAt !== null && r.deletedAt < limit);
          for (const r of old) await _req(s.delete(r.id));
          return old.length;
        });
      },
      close: () => db.close(),
    };
    return api;
  });
}
