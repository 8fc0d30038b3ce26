// The drafts bar: save status, the reports list, new report, open/save a file, next year's report;
// the conflict banner when another tab changed this report; one notice line with file problems.
import { useRef, useState } from 'react';
import { createReport, defaultReportYear, nextYearReport, type Report } from '../core';
import { useDrafts, useSession } from './context';
import type { SaveStatus } from './autosave';
import { openReportBytes, reportFileName, reportFileText } from './files';
import { registry } from '../app/templates';
import { ReportsList } from './ReportsList';

const MAX_PROBLEMS = 50;

export const clock = (t: number) => new Date(t).toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit' });

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

export function DraftsBar() {
  const { store, session, setNotice } = useDrafts();
  const state = useSession();
  const [listOpen, setListOpen] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const saveFile = () => {
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
    const result = openReportBytes(new Uint8Array(await file.arrayBuffer()), registry.get);
    if (!result.ok) {
      setNotice({ kind: 'error', text: `无法打开文件“${file.name}”，没有改动任何草稿。问题如下：`, problems: result.problems });
      return;
    }
    if (result.template !== store.template) {
      setNotice({ kind: 'error', text: `无法打开文件“${file.name}”：它使用报告模板 ${result.template.id}，本页编辑的是 ${store.template.id}` });
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

  return (
    <div className="drafts">
      <div className="drafts-bar" role="region" aria-label="草稿与文件">
        <span className={`drafts-status drafts-${state.status.kind}`} role="status" aria-live="polite">
          {statusText(state.status)}
        </span>
        <button type="button" aria-expanded={listOpen} onClick={() => setListOpen((v) => !v)}>
          报告列表
        </button>
        <button
          type="button"
          onClick={() => {
            const year = defaultReportYear(new Date());
            void startNew(createReport(store.template, year), '', `已新建 ${year} 年度的空白报告`);
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
          accept=".json,application/json"
          hidden
          aria-label="选择报告文件"
          data-testid="open-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void openFile(file);
          }}
        />
        <button type="button" onClick={saveFile}>
          保存为文件
        </button>
        <button
          type="button"
          onClick={() => {
            const report = store.getState().report;
            void session.flush().then(() =>
              startNew(nextYearReport(store.template, report), '', `已由 ${report.year} 年度报告生成 ${report.year + 1} 年度报告：上年结转已填入，文字沿用上年并标为待修改`),
            );
          }}
        >
          以此为基础新建下一年度报告
        </button>
      </div>
      {state.conflict && <ConflictBanner />}
      <NoticeLine />
      {listOpen && <ReportsList onOpened={() => setListOpen(false)} />}
    </div>
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

function NoticeLine() {
  const { notice, setNotice } = useDrafts();
  if (!notice) return null;
  const problems = notice.problems ?? [];
  return (
    <div className={`drafts-notice drafts-notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <p>
        {notice.text}
        {notice.action && (
          <button
            type="button"
            onClick={() => {
              notice.action!.run();
              setNotice(null);
            }}
          >
            {notice.action.label}
          </button>
        )}
        <button type="button" className="drafts-dismiss" aria-label="关闭提示" onClick={() => setNotice(null)}>
          ×
        </button>
      </p>
      {problems.length > 0 && (
        <ul className="drafts-problems">
          {problems.slice(0, MAX_PROBLEMS).map((p, i) => (
            <li key={i}>{p.message.startsWith(p.path) ? p.message : `${p.path}：${p.message}`}</li>
          ))}
          {problems.length > MAX_PROBLEMS && <li>……另有 {problems.length - MAX_PROBLEMS} 处问题</li>}
        </ul>
      )}
    </div>
  );
}
