// The autosave scheduler: framework-free. Watches a source (the report store) and writes the
// latest snapshot to IndexedDB at once, in the task of the change itself (delay 0, the default):
// a write of the whole report takes about a millisecond, so every keystroke is committed within a
// frame of its input event and a browser killed at any moment loses nothing that was painted.
// Changes made while a write is running are written together as soon as it ends. A `delay`
// debounces instead (tests), writing at most `maxWait` after the first unsaved change; flush()
// (page hidden, page closing) writes at once. A failed write keeps the snapshot pending and
// retries; nothing in memory is ever dropped. A conflict (another tab wrote first) stops writing
// until the session resolves it.
//
// Where the clerk is (the focus) is no content: a move alone is written `focusDelay` later, or
// with the next change or flush, so moving from cell to cell does not write the draft each time.
// The status says 正在保存 only for a write that takes longer than `slowAfter`: a write of a
// keystroke lands in about a millisecond, and a status line flickering on every key would cost
// the page two repaints per key for a word nobody could read.
import type { Report } from '../core';
import type { DraftFocus } from './db';

export interface AutosaveSource {
  subscribe(listener: () => void): () => void;
  getReport(): Report;
  getFocus(): DraftFocus;
  /** Text typed into cells that was refused (cell id → raw text); kept with the draft. Same object while unchanged. */
  getRefusals?(): Readonly<Record<string, string>>;
}

const NONE: Readonly<Record<string, string>> = Object.freeze({});

export type WriteOutcome = 'ok' | 'conflict';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  | { kind: 'failed'; message: string; at: number }
  | { kind: 'conflict' };

export interface AutosaveOptions {
  source: AutosaveSource;
  write(report: Report, focus: DraftFocus, refusals: Readonly<Record<string, string>>): Promise<WriteOutcome>;
  /**
   * A change made while a write is running, told at once (the write that carries it starts only
   * when the running one has answered); a store that can commit it meanwhile does (the save worker).
   */
  pending?(report: Report, focus: DraftFocus, refusals: Readonly<Record<string, string>>): void;
  onStatus?(status: SaveStatus): void;
  /** What is already stored, when it is not what the source holds now (typing went on meanwhile). */
  saved?: { report: Report; focus: DraftFocus; refusals: Readonly<Record<string, string>> };
  delay?: number;
  maxWait?: number;
  retry?: number;
  /** A move of the focus alone is written this long after it (ms), unless a change or flush writes it first. */
  focusDelay?: number;
  /** A write still running after this long (ms) shows as 'saving'. */
  slowAfter?: number;
  now?: () => number;
}

export interface Autosave {
  /** Write now if anything (report or focus) is unsaved; resolves when written or failed. */
  flush(): Promise<void>;
  /** Take the source's current state as saved (after loading a draft). */
  markSaved(): void;
  /** Stop writing: another tab has written this draft (told by the session). */
  halt(): void;
  /** Leave the conflict state (after reload or save-as-copy). */
  resume(): void;
  isDirty(): boolean;
  status(): SaveStatus;
  dispose(): void;
}

function _sameFocus(a: DraftFocus, b: DraftFocus): boolean {
  return a.section === b.section && a.cell === b.cell && a.field === b.field;
}

export function createAutosave(o: AutosaveOptions): Autosave {
  const delay = o.delay ?? 0;
  const maxWait = o.maxWait ?? 0;
  const retry = o.retry ?? 2000;
  const focusDelay = o.focusDelay ?? 1000;
  const slowAfter = o.slowAfter ?? 500;
  const now = o.now ?? Date.now;
  let savedReport = o.saved?.report ?? o.source.getReport();
  let savedFocus = { ...(o.saved?.focus ?? o.source.getFocus()) };
  const refusalsNow = () => o.source.getRefusals?.() ?? NONE;
  let savedRefusals = o.saved?.refusals ?? refusalsNow();
  let status: SaveStatus = { kind: 'idle' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstUnsaved: number | undefined;
  let writing: Promise<void> | undefined;
  let again = false;
  let disposed = false;

  const set = (s: SaveStatus) => {
    status = s;
    o.onStatus?.(s);
  };
  const current = (): SaveStatus => status;
  const contentDirty = () => o.source.getReport() !== savedReport || refusalsNow() !== savedRefusals;
  const dirty = () => contentDirty() || !_sameFocus(o.source.getFocus(), savedFocus);
  const clear = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  // One watch for slow writes, armed while writes go on (not a timer per write: one per keystroke adds up).
  let writingSince = 0;
  let slowWatch: ReturnType<typeof setTimeout> | undefined;
  const watchSlow = (ms = slowAfter) => {
    slowWatch ??= setTimeout(() => {
      slowWatch = undefined;
      if (disposed || !writing) return;
      const left = writingSince + slowAfter - now();
      if (left > 0) watchSlow(left);
      else if (status.kind !== 'saving') set({ kind: 'saving' });
    }, ms);
  };
  const schedule = (ms: number) => {
    clear();
    timer = setTimeout(() => {
      timer = undefined;
      void run();
    }, ms);
  };

  async function run(): Promise<void> {
    if (disposed || status.kind === 'conflict') return;
    if (writing) {
      again = true;
      o.pending?.(o.source.getReport(), { ...o.source.getFocus() }, refusalsNow());
      return writing;
    }
    if (!dirty()) {
      firstUnsaved = undefined;
      return;
    }
    clear();
    const report = o.source.getReport();
    const focus = { ...o.source.getFocus() };
    const refusals = refusalsNow();
    if (status.kind === 'pending' || status.kind === 'failed') set({ kind: 'saving' });
    writingSince = now();
    watchSlow();
    writing = (async () => {
      try {
        const outcome = await o.write(report, focus, refusals);
        if (outcome === 'conflict') {
          set({ kind: 'conflict' });
          return;
        }
        savedReport = report;
        savedFocus = focus;
        savedRefusals = refusals;
        firstUnsaved = undefined;
        // Still dirty: the next write starts at once (below) and says 'saved' when it lands.
        if (!dirty()) set({ kind: 'saved', at: now() });
      } catch (e) {
        set({ kind: 'failed', message: _describe(e), at: now() });
        if (!disposed) schedule(retry);
      }
    })();
    try {
      await writing;
    } finally {
      writing = undefined;
    }
    const after = current().kind;
    if (again || (dirty() && after !== 'failed' && after !== 'conflict')) {
      again = false;
      await run();
    }
  }

  const onChange = () => {
    if (disposed || status.kind === 'conflict' || !dirty()) return;
    if (status.kind === 'failed') return; // the retry timer is running
    if (!contentDirty()) {
      // Only the focus moved: written later, unless a change or a flush comes first.
      if (timer === undefined && !writing) schedule(focusDelay);
      return;
    }
    const t = now();
    firstUnsaved ??= t;
    if (delay === 0) {
      // No timer: the transaction starts in the input event's own task, before the next paint.
      void run();
      return;
    }
    if (status.kind !== 'saving') set({ kind: 'pending' });
    schedule(Math.max(0, Math.min(delay, firstUnsaved + maxWait - t)));
  };
  const unsubscribe = o.source.subscribe(onChange);

  return {
    flush: () => run(),
    markSaved() {
      savedReport = o.source.getReport();
      savedFocus = { ...o.source.getFocus() };
      savedRefusals = refusalsNow();
      firstUnsaved = undefined;
      clear();
    },
    halt() {
      clear();
      set({ kind: 'conflict' });
    },
    resume() {
      if (status.kind === 'conflict') set({ kind: 'idle' });
    },
    isDirty: dirty,
    status: () => status,
    dispose() {
      disposed = true;
      clear();
      if (slowWatch !== undefined) clearTimeout(slowWatch);
      unsubscribe();
    },
  };
}

function _describe(e: unknown): string {
  if (e instanceof DOMException && e.name === 'QuotaExceededError') return '浏览器存储空间已满';
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}
