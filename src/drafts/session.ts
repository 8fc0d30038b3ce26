// A drafts session: which draft this tab edits, its autosave, and what other tabs do to it.
// Framework-free. The editor (the report store) is reached through a small port, so this file
// does not depend on how the form keeps its state.
//
// Two tabs: every successful save is announced on a BroadcastChannel with the draft's new
// revision; a tab that has the same draft open and sees a newer revision stops writing and says
// so (conflict). Independently, every save is checked against the stored revision inside its
// transaction, so even without the channel one tab never overwrites another's work silently.
//
// Blank drafts do not pile up: a draft created as a new blank report that nothing was put into
// is deleted (not trashed) when the clerk moves to another draft — never one another tab has
// open (draft-lock.ts), and the delete is also refused inside its transaction if anyone wrote the
// draft since this tab last did. Should a tab still find its open draft gone, its
// next save creates it again under the same id, so nothing typed there is lost.
import { createReport, type Problem, type Report, type Template } from '../core';
import type { RepairNote } from '../core/report/storable';
import { createAutosave, type Autosave, type AutosaveOptions, type SaveStatus } from './autosave';
import { isUntouchedBlank, type DraftDb, type DraftFocus, type DraftRecord } from './db';
import { contentKey } from './draft-state';
import { createDraftLock, type LocksLike } from './draft-lock';
import { loadToStorableReport } from './load-storable';
import type { Journal } from './journal';

export interface EditorPort {
  getReport(): Report;
  getFocus(): DraftFocus;
  getRefusals?(): Readonly<Record<string, string>>;
  subscribe(listener: () => void): () => void;
  /** Replace what is edited: the report, where the clerk was, and refused text still to fix. */
  load(report: Report, focus: DraftFocus, refusals: Readonly<Record<string, string>>): void;
  /** Error-level findings of the current report (for the list). */
  errors(): number;
}

export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  close(): void;
}

export type DraftMessage =
  | { type: 'saved'; id: string; rev: number; tab: string }
  | { type: 'list'; tab: string };

export interface SessionState {
  draftId: string | null;
  status: SaveStatus;
  /** Another tab changed the open draft after this tab loaded it. */
  conflict: boolean;
  /** Bumped whenever the list of drafts may have changed (here or in another tab). */
  listVersion: number;
  /**
   * What had to change so the open report passes the schema (a stored draft that failed it, an
   * import), each with the original value in full; empty when nothing did.
   */
  repairs: RepairNote[];
  /** Typing went on in this tab after another tab saved the draft: it went into this copy (its name). */
  keptAsCopy: string | null;
}

/** What an export tells the session: the file's name, final or draft, and the report as exported. */
export interface ExportDone {
  name: string;
  final: boolean;
  report: Report;
  /** The draft the report was taken from (the open one when the export started); the open one by default. */
  draftId?: string | null;
}

export type OpenResult = { ok: true; record: DraftRecord; repairs: RepairNote[] } | { ok: false; problems: Problem[] };

export interface DraftSession {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  open(id: string): Promise<OpenResult>;
  /** A new draft from a report (new, opened file, next year, duplicate), then open it. */
  openNew(report: Report, name?: string, focus?: DraftFocus): Promise<DraftRecord>;
  /** Conflict: take the other tab's version (what this tab has unsaved is dropped). */
  reload(): Promise<OpenResult | undefined>;
  /** Conflict: keep this tab's version as a new draft, and continue editing that. */
  saveAsCopy(): Promise<DraftRecord>;
  flush(): Promise<void>;
  /** Tell other tabs (and this one) that the list changed (rename, delete, restore). */
  listChanged(): void;
  /** Record on the open draft that it was exported (the reports list shows 已定稿 / 已导出). */
  markExported(done: ExportDone): Promise<void>;
  /**
   * The page is being hidden or closed: start the IndexedDB save and, synchronously, journal
   * what is unsaved (IndexedDB may not land before the page is gone).
   */
  emergencySave(): void;
  /** Create the copies a stale tab was making when it closed, from their journal, if they never landed. */
  recoverCopies(): Promise<void>;
  /** Ask the database whether another tab wrote the open draft (on focus, when the channel is missing). */
  checkRemote(): Promise<void>;
  dispose(): void;
}

export interface SessionOptions {
  db: DraftDb;
  editor: EditorPort;
  templates: (id: string) => Template | undefined;
  channel?: ChannelLike | null;
  /** The template the editor is built for; a draft of another template is not opened. */
  template?: Template;
  /** Error-level findings of a report not yet in the editor (for the list entry of a new draft). */
  errorsOf?: (report: Report) => number;
  /** Synchronous last-moment copy (localStorage in the browser). */
  journal?: Journal;
  /** Which drafts other tabs have open (navigator.locks); without it, only the revision check guards a blank draft's delete. */
  locks?: LocksLike | null;
  tabId?: string;
  delay?: number;
  maxWait?: number;
  retry?: number;
}

export const CHANNEL_NAME = 'nianbao-drafts';

export function createDraftSession(o: SessionOptions): DraftSession {
  const tab = o.tabId ?? crypto.randomUUID();
  const listeners = new Set<() => void>();
  let state: SessionState = { draftId: null, status: { kind: 'idle' }, conflict: false, listVersion: 0, repairs: [], keptAsCopy: null };
  let rev = 0;
  let autosave: Autosave | undefined;
  let journaled = false;
  let closing = false;

  // Every keystroke is a save: the list (modified time, error count) is refreshed from them at
  // most once a second, and once more after the last, so typing does not re-read the database.
  const LIST_EVERY = 1000;
  let listBumped = 0;
  let listTimer: ReturnType<typeof setTimeout> | undefined;
  const bumpList = () => {
    listBumped = Date.now();
    set({ listVersion: state.listVersion + 1 });
  };
  function listChangedSoon() {
    const since = Date.now() - listBumped;
    if (since >= LIST_EVERY) bumpList();
    else listTimer ??= setTimeout(() => {
      listTimer = undefined;
      bumpList();
    }, LIST_EVERY - since);
  }

  const set = (patch: Partial<SessionState>) => {
    state = { ...state, ...patch };
    for (const l of [...listeners]) l();
  };
  const post = (m: DraftMessage) => {
    try {
      o.channel?.postMessage(m);
    } catch {
      /* a closed channel: the revision check still protects the data */
    }
  };

  async function write(report: Report, focus: DraftFocus, refusals: Readonly<Record<string, string>>) {
    const id = state.draftId;
    if (!id || state.conflict) return 'conflict' as const;
    // A keystroke's save commits as soon as the system holds it; when the page is going away, wait for the disk.
    const strict = closing;
    closing = false;
    const result = await o.db.save(id, { report, focus, refusals: { ...refusals }, errors: o.editor.errors(), writer: tab }, rev, { strict });
    if (!result.ok && result.reason === 'missing') {
      // Deleted while open here (taken for an untouched blank by another tab, or purged): this tab's report is the draft.
      const again = await o.db.create(report, { id, focus, refusals: { ...refusals }, errors: o.editor.errors() });
      rev = again.rev;
      session.listChanged();
      return 'ok' as const;
    }
    if (!result.ok) {
      enterConflict();
      return 'conflict' as const;
    }
    rev = result.rev;
    post({ type: 'saved', id, rev, tab });
    listChangedSoon();
    return 'ok' as const;
  }

  function startAutosave(saved?: AutosaveOptions['saved']) {
    autosave?.dispose();
    autosave = createAutosave({
      source: o.editor,
      write,
      pending: (report, focus, refusals) => {
        const id = state.draftId;
        if (id && !state.conflict) o.db.hint?.(id, { report, focus, refusals: { ...refusals }, errors: o.editor.errors(), writer: tab }, rev);
      },
      ...(saved ? { saved } : {}),
      onStatus: (status) => {
        // Everything is in IndexedDB now: the last-moment copy is no longer needed.
        if (status.kind === 'saved' && journaled && state.draftId) {
          o.journal?.clear(state.draftId);
          journaled = false;
        }
        set({ status });
      },
      ...(o.delay !== undefined ? { delay: o.delay } : {}),
      ...(o.maxWait !== undefined ? { maxWait: o.maxWait } : {}),
      ...(o.retry !== undefined ? { retry: o.retry } : {}),
    });
  }

  function show(record: DraftRecord, report: Report, repairs: RepairNote[] = []) {
    autosave?.dispose();
    autosave = undefined;
    rev = record.rev;
    o.editor.load(report, record.focus, record.refusals ?? {});
    void lock.hold(record.id);
    set({ draftId: record.id, conflict: false, status: { kind: 'saved', at: record.modified }, repairs, keptAsCopy: null });
    startAutosave();
  }

  const lock = createDraftLock(o.locks);

  /** Leaving a draft created blank that nothing was put into: delete it, unless another tab has it open or wrote it. */
  async function discardIfBlank(id: string): Promise<void> {
    const r = await o.db.get(id);
    if (!r || r.rev !== rev || !isUntouchedBlank(r)) return;
    const atRev = rev;
    await lock.hold(null);
    const gone = await lock.ifNoOtherTab(id, () => o.db.discard(id, atRev), false);
    if (!gone) return;
    o.journal?.clear(id);
    post({ type: 'list', tab });
  }

  /**
   * Another tab saved the open draft. This tab stops writing it; whatever this tab has unsaved,
   * now or typed later, goes into a copy of its own, so nothing typed here is dropped.
   */
  let copying: Promise<unknown> | undefined;
  /** The copy being made: its id is chosen before it is written, so a closing page can journal under it. */
  let pendingCopy: { id: string; of: string } | undefined;
  function enterConflict() {
    autosave?.halt();
    if (!state.conflict) set({ conflict: true });
    keepTypingAsCopy();
  }
  function keepTypingAsCopy() {
    if (!state.conflict || copying || !autosave?.isDirty() || !state.draftId) return;
    pendingCopy = { id: crypto.randomUUID(), of: state.draftId };
    copying = copyOut(pendingCopy.id)
      .then((record) => set({ keptAsCopy: record.name }))
      .catch(() => undefined) // the tab still holds it; emergencySave journals it as a copy
      .finally(() => {
        copying = undefined;
        pendingCopy = undefined;
      });
  }
  const stopWatchingTyping = o.editor.subscribe(() => keepTypingAsCopy());

  /**
   * Before switching to another draft: save what is unsaved. In conflict, this tab's unsaved
   * version is kept as a copy first. If saving fails, say why (the switch is refused, so the
   * report in the page is not dropped).
   */
  async function leave(): Promise<string | undefined> {
    await copying;
    if (state.conflict && autosave?.isDirty()) {
      await copyOut();
      return undefined;
    }
    await autosave?.flush();
    const st = autosave?.status();
    if (autosave?.isDirty() && st?.kind === 'failed') return `当前报告尚未保存成功（${st.message}），为免丢失没有切换；请先“保存为文件”`;
    if (state.draftId && !state.conflict && !autosave?.isDirty()) await discardIfBlank(state.draftId).catch(() => undefined);
    return undefined;
  }

  /** This tab's version as a new draft, edited from now on; what is typed meanwhile follows it. */
  async function copyOut(id?: string): Promise<DraftRecord> {
    const report = o.editor.getReport();
    const focus = { ...o.editor.getFocus() };
    const refusals = { ...(o.editor.getRefusals?.() ?? {}) };
    const old = state.draftId ? await o.db.get(state.draftId) : undefined;
    const record = await o.db.create(report, { ...(id ? { id } : {}), name: copyName(old?.name), focus, refusals, errors: o.editor.errors() });
    autosave?.dispose();
    rev = record.rev;
    void lock.hold(record.id);
    set({ draftId: record.id, conflict: false, status: { kind: 'saved', at: record.modified } });
    startAutosave({ report, focus, refusals });
    if (autosave?.isDirty()) void autosave.flush();
    session.listChanged();
    return record;
  }

  /** A journal left by a page that closed before its save landed: apply it, or keep it as a copy. */
  async function recover(id: string): Promise<void> {
    const entry = o.journal?.read(id);
    if (!entry) return;
    const r = await o.db.get(id);
    if (!r && entry.copyOf) {
      const of = await o.db.get(entry.copyOf);
      const errors = o.errorsOf?.(entry.report) ?? 0;
      await o.db.create(entry.report, { id, name: copyName(of?.name), focus: entry.focus, refusals: entry.refusals, errors });
    }
    const same = r && JSON.stringify(r.report) === JSON.stringify(entry.report) && JSON.stringify(r.refusals ?? {}) === JSON.stringify(entry.refusals);
    if (r && !same) {
      const ours = r.rev === entry.baseRev || (r.rev > entry.baseRev && r.writer === entry.tab);
      const content = { report: entry.report, focus: entry.focus, refusals: entry.refusals, errors: o.errorsOf?.(entry.report) ?? r.errors, writer: tab };
      const saved = ours ? await o.db.save(id, content, r.rev) : undefined;
      if (!saved?.ok) {
        await o.db.create(entry.report, { name: `${r.name || '草稿'}（恢复的未保存修改）`, focus: entry.focus, refusals: entry.refusals, errors: content.errors });
      }
    }
    o.journal?.clear(id);
  }

  const onMessage = (e: MessageEvent) => {
    const m = e.data as DraftMessage | undefined;
    if (!m || typeof m !== 'object' || m.tab === tab) return;
    if (m.type === 'saved' && m.id === state.draftId && m.rev > rev && !state.conflict) enterConflict();
    if (m.type === 'saved') listChangedSoon();
    else set({ listVersion: state.listVersion + 1 });
  };
  o.channel?.addEventListener('message', onMessage);

  const session: DraftSession = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async open(id) {
      if (state.draftId && state.draftId !== id) {
        const kept = await leave();
        if (kept) return { ok: false, problems: [{ path: '(草稿)', message: kept }] };
      }
      if (state.draftId !== id) await recover(id).catch(() => undefined);
      const record = await o.db.get(id);
      if (!record) return { ok: false, problems: [{ path: '(草稿)', message: '找不到这份草稿（可能已在另一个标签页中删除）' }] };
      // A stored draft is checked like a file: a draft written by a newer version is refused. One
      // that fails the schema opens repaired, with every change and original value shown.
      const parsed = (await loadToStorableReport())(record.report, o.templates);
      if (!parsed.ok) return parsed;
      if (o.template && parsed.template !== o.template) {
        return { ok: false, problems: [{ path: 'template', message: otherTemplateMessage(parsed.template, o.template) }] };
      }
      show(record, parsed.report, parsed.notes);
      return { ok: true, record, repairs: parsed.notes };
    },
    async openNew(report, name = '', focus = {}) {
      if (state.draftId) {
        const kept = await leave();
        if (kept) throw new Error(kept);
      }
      // Only what passes the schema is stored, or the draft could not be opened again.
      const storable = (await loadToStorableReport())(report, o.templates);
      if (!storable.ok) throw new Error(`报告不符合格式，没有保存：${storable.problems.map((p) => p.message).join('；')}`);
      const blank = blankKey(storable.report, storable.template);
      const record = await o.db.create(storable.report, { name, focus, errors: o.errorsOf?.(storable.report) ?? 0, ...(blank && !name ? { blank } : {}) });
      show(record, storable.report, storable.notes);
      session.listChanged();
      return record;
    },
    async reload() {
      if (!state.draftId) return undefined;
      return session.open(state.draftId);
    },
    async saveAsCopy() {
      await copying;
      return copyOut();
    },
    flush: async () => {
      await autosave?.flush();
    },
    listChanged() {
      post({ type: 'list', tab });
      set({ listVersion: state.listVersion + 1 });
    },
    async markExported({ name, final, report, draftId }) {
      const id = draftId ?? state.draftId;
      if (!id) return;
      await o.db.markExported(id, { at: Date.now(), name, final, key: contentKey(report) });
      session.listChanged();
    },
    emergencySave() {
      const id = state.draftId;
      if (!id || !autosave) return;
      closing = autosave.isDirty();
      void autosave.flush();
      // In a conflict too: the journal names the revision it was based on, so it comes back as a copy.
      // While the copy of a stale tab is being written, the entry is for that copy (revision 1 is
      // its first), so opening the copy finds what was typed since.
      if (!autosave.isDirty()) return;
      const copy = pendingCopy;
      journaled =
        o.journal?.write({
          id: copy?.id ?? id, baseRev: copy ? 1 : rev, tab, report: o.editor.getReport(), focus: { ...o.editor.getFocus() },
          refusals: { ...(o.editor.getRefusals?.() ?? {}) }, at: Date.now(), ...(copy ? { copyOf: copy.of } : {}),
        }) ?? false;
    },
    async recoverCopies() {
      for (const id of o.journal?.ids() ?? []) {
        if (o.journal?.read(id)?.copyOf && !(await o.db.get(id))) await recover(id).catch(() => undefined);
      }
    },
    async checkRemote() {
      if (!state.draftId || state.conflict) return;
      const r = await o.db.get(state.draftId);
      // Revisions this tab's own saves made meanwhile (the save worker's) are not another tab's.
      if (r && r.rev > rev && r.writer !== tab) enterConflict();
    },
    dispose() {
      if (listTimer !== undefined) clearTimeout(listTimer);
      stopWatchingTyping();
      autosave?.dispose();
      void lock.hold(null);
      o.channel?.removeEventListener('message', onMessage);
      listeners.clear();
    },
  };
  return session;
}

/** The content key of `report` when it is exactly a new blank report of its template and year, else undefined. */
function blankKey(report: Report, template: Template): string | undefined {
  const key = contentKey(report);
  return key === contentKey(createReport(template, report.year)) ? key : undefined;
}

const copyName = (original: string | undefined) => (original ? `${original}（本标签页的版本）` : '（本标签页的版本）');

/** Why a report of another template is not opened here, in the clerk's words (template names, not ids). */
export function otherTemplateMessage(found: Template, here: Template): string {
  return `它是“${found.spec.name}”（${found.spec.basis}）的报告，本页编辑的是“${here.spec.name}”；旧格式的报告可用命令行 nianbao check 检查`;
}
