// The app's header: the product's name, which report is open and its save status, then one
// toolbar row: 报告 (the reports list, new report, open/save a file, next year's report) and the
// groups the app adds (导入, 导出). Below it the conflict banner when another tab changed this
// report, and one notice line (what just happened, or a file's problems). The reports list is a
// modal dialog; while it is open the notice line is shown inside it (the page behind is inert).
import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { createReport, defaultReportYear, type Report } from '../../core';
import { useDrafts } from './context';
import type { SessionState } from '../../drafts/session';
import type { SaveStatus } from '../../drafts/autosave';
import { allTemplates } from '../shell/templates';
import { REPORTS_LIST_HEADING, draftTitle } from './draft-title';
import { Modal } from '../shell/Modal';
import { requestImport } from '../import/import-request';
import { UndoButtons } from '../form/UndoButtons';
import { loadFailure } from '../on-demand';
import { useSliceOf } from '../use-store';

// The reports list loads when first opened, with every template (it may open a draft of any).
const ReportsList = lazy(() => Promise.all([import('./ReportsList'), allTemplates()]).then(([m]) => ({ default: m.ReportsList })));

const MAX_PROBLEMS = 50;

// One formatter for every status line: toLocaleTimeString with options builds a new one per call,
// which showed as about 0.7 ms of each keystroke (the status changes on every save).
const CLOCK = new Intl.DateTimeFormat('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit' });
export const clock = (t: number) => CLOCK.format(t);

export function statusText(s: SaveStatus): string {
  switch (s.kind) {
    case 'idle':
      return '尚未保存';
    case 'pending':
      return '有未保存的修改…';
    case 'saving':
      return '正在保存…';
    case 'saved':
      return `已保存 ${clock(s.at)}`;
    case 'failed':
      return `保存失败：${s.message}（${clock(s.at)}，将自动重试；本页内容仍在，可先“保存为文件”）`;
    case 'conflict':
      return '未保存：此报告已在另一个标签页中修改';
  }
}

/** One field of the session's state: a component re-renders only when that field changes. */
function useSessionSlice<T>(select: (s: SessionState) => T): T {
  const { session } = useDrafts();
  return useSyncExternalStore(session.subscribe, () => select(session.getState()));
}

/** The save status alone, so a status change (every edit, every move) re-renders only this line. */
function SaveStatus() {
  const status = useSessionSlice((s) => s.status);
  return (
    <span className={`drafts-status drafts-${status.kind}`} role="status" aria-live="polite">
      {statusText(status)}
    </span>
  );
}

export interface DraftsBarProps {
  /** The product's heading, first in the header. */
  title?: ReactNode;
  /** More groups of the toolbar, after 报告 (导入, 导出). */
  tools?: ReactNode;
}

/** Which report is open: its name in the list, its organ and year. */
function CurrentReport() {
  const { store, db } = useDrafts();
  const draftId = useSessionSlice((s) => s.draftId);
  const listVersion = useSessionSlice((s) => s.listVersion);
  const organ = useSliceOf(store, (s) => s.report.organ.name);
  const year = useSliceOf(store, (s) => s.report.year);
  const [name, setName] = useState('');
  useEffect(() => {
    let stale = false;
    if (draftId) void db.get(draftId).then((r) => !stale && setName(r?.name ?? ''), () => undefined);
    return () => {
      stale = true;
    };
  }, [db, draftId, listVersion]);
  return (
    <p className="app-current">
      <span className="app-current-label">正在编辑：</span>
      <strong>{draftTitle({ name, organ, year })}</strong>
      {name && (
        <span className="app-current-facts">
          {organ || '（未填机关名称）'} · {year} 年度
        </span>
      )}
    </p>
  );
}

export function DraftsBar({ title, tools }: DraftsBarProps) {
  const { store, session, setNotice } = useDrafts();
  const conflict = useSessionSlice((s) => s.conflict);
  const [listOpen, setListOpen] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  // The file format's code loads on the first save or open (file-actions.ts).
  const fileActions = async (what: string) => {
    try {
      return await import('./file-actions');
    } catch (e) {
      setNotice({ kind: 'error', text: loadFailure(what, e) });
      return null;
    }
  };

  const saveFile = async () => {
    const files = await fileActions('保存为文件');
    if (!files) return;
    const { reportFileName, reportFileText } = files;
    const report = store.getState().report;
    const url = URL.createObjectURL(new Blob([reportFileText(report)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = reportFileName(report);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setNotice({ kind: 'info', text: `已保存为文件：${a.download}` });
  };

  const openFile = async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const files = await fileActions('打开文件');
    if (!files) return;
    const { looksLikeReportFile, openReportBytes, whichDoor } = files;
    // A published report (Word, PDF, a page, text) is not a report file: offer the importer instead.
    if (!looksLikeReportFile(bytes)) {
      const { sniff } = await import('../../import/sniff');
      const door = whichDoor(bytes, file.name, sniff);
      if (door.kind === 'refused') return setNotice({ kind: 'error', text: door.message });
      if (door.kind === 'published') {
        return setNotice({ kind: 'info', text: door.question, action: { label: '导入为报告', run: () => void requestImport({ name: file.name, bytes }) } });
      }
    }
    const result = await openReportBytes(bytes, (await allTemplates()).get);
    if (!result.ok) {
      setNotice({ kind: 'error', text: `无法打开文件“${file.name}”，没有改动任何草稿。问题如下：`, problems: result.problems });
      return;
    }
    await startNew(result.report, file.name.replace(/\.json$/i, ''), `已打开文件“${file.name}”，作为一份新草稿（原有草稿未改动）`);
  };

  const startNew = async (report: Report, name: string, text: string) => {
    try {
      await session.openNew(report, name);
      setNotice({ kind: 'info', text });
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };

  // A file dropped anywhere on the page (not on a drop zone of its own) goes through the same door.
  const openRef = useRef(openFile);
  useEffect(() => {
    openRef.current = openFile;
  });
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file || e.defaultPrevented || (e.target instanceof HTMLInputElement && e.target.type === 'file')) return;
      e.preventDefault();
      void openRef.current(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <>
      <header className="app-header">
        <div className="app-header-top">
          {title}
          <CurrentReport />
          <SaveStatus />
        </div>
        <div className="app-toolbar">
          <div className="tool-group" role="group" aria-labelledby="tool-group-report">
            <span className="tool-group-label" id="tool-group-report">
              报告
            </span>
            <button type="button" aria-haspopup="dialog" onClick={() => setListOpen(true)}>
              报告列表
            </button>
            <button
              type="button"
              onClick={() => {
                const year = defaultReportYear(new Date());
                void allTemplates().then((all) => startNew(createReport(all.forYear(year) ?? store.template, year), '', `已新建 ${year} 年度的空白报告`));
              }}
            >
              新建报告
            </button>
            <button type="button" onClick={() => fileInput.current?.click()}>
              打开文件
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json,.docx,.pdf,.html,.htm,.txt"
              hidden
              aria-label="选择报告文件"
              data-testid="open-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void openFile(file);
              }}
            />
            <button type="button" onClick={() => void saveFile()}>
              保存为文件
            </button>
            <button
              type="button"
              title="以此报告为基础新建下一年度报告：上年结转填入，文字沿用上年并标为待修改；本报告不变"
              onClick={() => {
                const report = store.getState().report;
                void Promise.all([allTemplates(), session.flush(), import('./next-year-note')]).then(([all, , { startNextYear }]) => {
                  const next = startNextYear(all, store.template, report);
                  return startNew(next.report, '', next.note);
                }, (e: unknown) => setNotice({ kind: 'error', text: loadFailure('新建下一年度报告', e) }));
              }}
            >
              新建下一年度报告
            </button>
          </div>
          <div className="tool-group" role="group" aria-label="编辑">
            <UndoButtons store={store} />
          </div>
          {tools}
        </div>
        {conflict && <ConflictBanner />}
        {!listOpen && <NoticeLine />}
      </header>
      {listOpen && (
        <Suspense fallback={null}>
          <Modal labelledBy={REPORTS_LIST_HEADING} className="reports-dialog" onClose={() => setListOpen(false)}>
            <ReportsList onOpened={() => setListOpen(false)} onClose={() => setListOpen(false)} />
            <NoticeLine />
          </Modal>
        </Suspense>
      )}
    </>
  );
}

function ConflictBanner() {
  const { session, setNotice } = useDrafts();
  return (
    <div className="drafts-conflict-banner" role="alert">
      <p>此报告已在另一个标签页中修改。本页从此不再自动保存这份草稿，以免覆盖那边的内容。</p>
      <button
        type="button"
        onClick={() => {
          void session.reload().then((r) => {
            if (r && !r.ok) setNotice({ kind: 'error', text: '重新载入失败：', problems: r.problems });
          });
        }}
      >
        重新载入（采用另一个标签页的内容）
      </button>
      <button type="button" onClick={() => void session.saveAsCopy().then(() => setNotice({ kind: 'info', text: '本页内容已另存为一份新草稿' }))}>
        将本页内容另存为新草稿
      </button>
    </div>
  );
}

/**
 * One notice line. Its place stays in the page when empty, so that after 撤销 or 关闭提示 (whose
 * buttons go away) focus can stay there, e.g. inside the reports list dialog.
 */
function NoticeLine() {
  const { notice, setNotice } = useDrafts();
  const place = useRef<HTMLDivElement>(null);
  const done = () => {
    setNotice(null);
    place.current?.focus();
  };
  if (!notice) return <div className="drafts-notice-place" ref={place} tabIndex={-1} />;
  const problems = notice.problems ?? [];
  return (
    <div className="drafts-notice-place" ref={place} tabIndex={-1}>
      <div className={`drafts-notice drafts-notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
        <p>
          {notice.text}
          {notice.action && (
            <button
              type="button"
              onClick={() => {
                notice.action!.run();
                done();
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" className="drafts-dismiss" aria-label="关闭提示" onClick={done}>
            ×
          </button>
        </p>
        {problems.length > 0 && (
          <ul className="drafts-problems">
            {problems.slice(0, MAX_PROBLEMS).map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
            {problems.length > MAX_PROBLEMS && <li>……另有 {problems.length - MAX_PROBLEMS} 处问题</li>}
          </ul>
        )}
      </div>
    </div>
  );
}
