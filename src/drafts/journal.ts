// The last-moment journal: when the page is hidden or closing with changes not yet in IndexedDB,
// the latest state is also written to localStorage, which is synchronous and survives the page
// being torn down before an IndexedDB transaction lands. The next time the draft is opened the
// journal is applied (if the draft has not moved on) or kept as a copy (if another tab wrote
// since), then removed. Framework-free; the Storage is injected.
import type { Report } from '../core';
import type { DraftFocus } from './db';

const PREFIX = 'nianbao-journal:';

export interface JournalEntry {
  id: string;
  /** The stored revision this tab's state was based on. */
  baseRev: number;
  /** The tab that wrote it (its own save of baseRev + 1 may have landed after all). */
  tab: string;
  report: Report;
  focus: DraftFocus;
  refusals: Record<string, string>;
  at: number;
  /**
   * Set when the entry is for a copy whose creation had not been seen to land when the page went
   * away (typing in a stale tab): the draft it copies, so the copy can be created if it is missing.
   */
  copyOf?: string;
}

export interface Journal {
  write(entry: JournalEntry): boolean;
  read(id: string): JournalEntry | undefined;
  clear(id: string): void;
  /** The drafts that have an entry. */
  ids(): string[];
}

export function storageJournal(storage: (Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & Partial<Pick<Storage, 'key' | 'length'>>) | null | undefined): Journal {
  return {
    write(entry) {
      try {
        storage?.setItem(PREFIX + entry.id, JSON.stringify(entry));
        return !!storage;
      } catch {
        return false; // quota or storage disabled: IndexedDB is still being written
      }
    },
    read(id) {
      try {
        const text = storage?.getItem(PREFIX + id);
        if (!text) return undefined;
        const e = JSON.parse(text) as Partial<JournalEntry>;
        if (e && e.id === id && typeof e.baseRev === 'number' && typeof e.tab === 'string' && e.report && typeof e.report === 'object') {
          const copyOf = typeof e.copyOf === 'string' ? { copyOf: e.copyOf } : {};
          return { id, baseRev: e.baseRev, tab: e.tab, report: e.report, focus: e.focus ?? {}, refusals: e.refusals ?? {}, at: e.at ?? 0, ...copyOf };
        }
      } catch {
        /* unreadable: ignored below */
      }
      return undefined;
    },
    clear(id) {
      try {
        storage?.removeItem(PREFIX + id);
      } catch {
        /* nothing to do */
      }
    },
    ids() {
      const found: string[] = [];
      try {
        for (let i = 0; i < (storage?.length ?? 0); i++) {
          const key = storage?.key?.(i);
          if (key?.startsWith(PREFIX)) found.push(key.slice(PREFIX.length));
        }
      } catch {
        /* storage disabled: no entries */
      }
      return found;
    },
  };
}
