// The drafts layer of the app: opens the drafts database, opens this tab's draft into the report
// store (the one named in the address, else the most recent, else a new one), autosaves, and
// flushes when the page is hidden or closed. Renders the drafts bar, then the form (children)
// once the draft is open, so nothing typed can be replaced by a draft that loads late.
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { verdict, type Report } from '../../core';
import { loadedRules, loadRules } from '../../store/rules';
import type { ReportStore } from '../../store/report-store';
import { registry } from '../shell/templates';
import type { DraftDb } from '../../drafts/db';
import { CHANNEL_NAME, createDraftSession, type DraftSession, type SessionState } from '../../drafts/session';
import { storePort } from './store-port';
import { storageJournal } from '../../drafts/journal';
import { DraftsContext, type Notice } from './context';
import { DraftsBar } from './DraftsBar';
import { RepairNotes } from './RepairNotes';
import { openDrafts } from './open-drafts';
import './drafts.css';

const HASH = /^#draft=([\w-]{1,80})$/;
/**
 * The error count of a report not in the store (a recovered unsaved change), by the same verdict;
 * 0 while the rules have not loaded (a new blank report has none; the next save counts again).
 */
export const errorsOf = (store: ReportStore) => (report: Report) => {
  const rules = loadedRules();
  return rules ? verdict(rules.checkReport(registry.get(report.template) ?? store.template, report), [], 'draft').counts.errors : 0;
};

function _localStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // disabled by policy: the journal is skipped, IndexedDB still saves
  }
}

type Boot = { kind: 'loading' } | { kind: 'ready'; db: DraftDb; session: DraftSession } | { kind: 'failed'; message: string };

export interface DraftsRootProps {
  store: ReportStore;
  children: ReactNode;
  /** The product's heading, first in the header (also while drafts load or cannot be used). */
  title?: ReactNode;
  /** The toolbar's groups after 报告 (导入, 导出). */
  tools?: ReactNode;
}

export function DraftsRoot({ store, children, title, tools }: DraftsRootProps) {
  const [boot, setBoot] = useState<Boot>({ kind: 'loading' });
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    let disposed = false;
    const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
    let db: DraftDb | undefined;
    let session: DraftSession | undefined;
    const flush = () => session?.emergencySave();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
      else void session?.checkRemote();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);

    void (async () => {
      try {
        db = await openDrafts();
      } catch (e) {
        if (!disposed) setBoot({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
        return;
      }
      if (disposed) return db.close();
      void navigator.storage?.persist?.().catch(() => false);
      await db.purge().catch(() => 0);
      // The list's 错误数 is the store's verdict; a move to another field is a change to save too
      // (the place is kept with the draft), and the store tells of both.
      const editor = storePort(store);
      const locks = typeof navigator !== 'undefined' ? (navigator.locks ?? null) : null;
      const journal = storageJournal(_localStorage());
      // What the journal keeps (copies recovered below, counted by errorsOf) may be of any template.
      // A template that cannot load (offline without the service worker) leaves the draft to say so.
      await Promise.all(journal.ids().map((id) => registry.load(journal.read(id)?.report?.template ?? '').catch(() => undefined)));
      // Copies recovered from the journal are counted (errorsOf): with the rules, when there are any.
      if (journal.ids().length) await loadRules().catch(() => undefined);
      session = createDraftSession({ db, editor, templates: registry.get, channel, errorsOf: errorsOf(store), journal, locks });
      await session.recoverCopies();
      const wanted = HASH.exec(location.hash)?.[1];
      const live = (await db.list()).filter((d) => d.deletedAt === null);
      const target = live.find((d) => d.id === wanted) ?? live[0];
      // The first screen carries only the current template: the draft's own is loaded first.
      if (target) await registry.load((await db.get(target.id))?.report?.template ?? '').catch(() => undefined);
      const opened = target ? await session.open(target.id) : undefined;
      if (disposed) return;
      if (!opened?.ok) {
        if (opened) setNotice({ kind: 'error', text: '上次的草稿无法在本版本中打开（它仍在报告列表中，没有改动），已另新建一份空白报告：', problems: opened.problems });
        await session.openNew(store.getState().report);
      }
      if (!disposed) setBoot({ kind: 'ready', db, session });
    })();

    return () => {
      disposed = true;
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      void session?.flush().finally(() => {
        session?.dispose();
        db?.close();
        channel?.close();
      });
      if (!session) db?.close();
    };
  }, [store]);

  const value = useMemo(
    () => (boot.kind === 'ready' ? { store, db: boot.db, session: boot.session, notice, setNotice } : null),
    [boot, store, notice],
  );

  if (boot.kind === 'loading') {
    return (
      <header className="app-header">
        <div className="app-header-top">{title}</div>
        <p className="drafts-loading" role="status">
          正在打开草稿…
        </p>
      </header>
    );
  }
  if (boot.kind === 'failed') {
    return (
      <>
        <header className="app-header">
          <div className="app-header-top">{title}</div>
          <p className="drafts-status drafts-failed" role="alert">
            无法使用浏览器存储：{boot.message}。本页内容不会自动保存，请用“导出草稿”保存。
          </p>
          {tools && <div className="app-toolbar">{tools}</div>}
        </header>
        {children}
      </>
    );
  }
  return (
    <DraftsContext.Provider value={value}>
      <HashKeeper session={boot.session} />
      <DraftsBar title={title} tools={tools} />
      <RepairNotes />
      {children}
    </DraftsContext.Provider>
  );
}

/** Keep the open draft's id in the address, so a reload reopens this tab's draft. */
function HashKeeper({ session }: { session: DraftSession }) {
  const id = useSyncExternalStore(session.subscribe, () => session.getState().draftId);
  useEffect(() => {
    if (id && location.hash !== `#draft=${id}`) history.replaceState(null, '', `#draft=${id}`);
  }, [id]);
  return null;
}

export type { SessionState };
