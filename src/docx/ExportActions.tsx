// The export action of the app: 导出 Word 文档 (refused while error-level findings remain, checked
// in final mode and listed) and 导出草稿 (always, with 草稿 in the page header). The docx package is
// loaded with import() on the first export only, and the file is handed over through a Blob URL.
import { useState } from 'react';
import { checkReport, type Finding, type Report, type Template } from '../core';
import { exportFileName } from './file-name';
import './export.css';

/** How many refusing errors are listed; the findings panel has them all. */
export const LISTED_ERRORS = 10;

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ExportSource {
  readonly template: Template;
  getReport: () => Report;
}

/** Hand the bytes to the user as a download: a Blob URL, no network. */
export function downloadBytes(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: DOCX_MIME }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'refused'; errors: Finding[] }
  | { kind: 'done'; name: string; draft: boolean; errors: number }
  | { kind: 'failed'; message: string };

export interface ExportActionsProps {
  store: ExportSource;
  /** Today as YYYY-MM-DD for the deadline rule (tests fix it). */
  today?: () => string;
  /** Where the bytes go (tests capture them); a download by default. */
  save?: (bytes: Uint8Array, name: string) => void;
}

export function ExportActions({ store, today = () => new Date().toISOString().slice(0, 10), save = downloadBytes }: ExportActionsProps) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  async function run(draft: boolean) {
    const report = store.getReport();
    const errors = checkReport(store.template, report, { mode: 'final', today: today() }).filter((f) => f.level === 'error');
    if (errors.length && !draft) {
      setStatus({ kind: 'refused', errors });
      return;
    }
    setStatus({ kind: 'busy' });
    try {
      const { renderDocx } = await import('./render-docx');
      const bytes = await renderDocx(store.template, report, { draft });
      const name = exportFileName(store.template, report, draft);
      save(bytes, name);
      setStatus({ kind: 'done', name, draft, errors: errors.length });
    } catch (e) {
      setStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }

  const busy = status.kind === 'busy';
  return (
    <div className="export-actions" role="group" aria-label="导出">
      <button type="button" onClick={() => void run(false)} disabled={busy}>
        导出 Word 文档
      </button>
      <button type="button" onClick={() => void run(true)} disabled={busy}>
        导出草稿
      </button>
      <div aria-live="polite" className="export-status">
        {status.kind === 'busy' && <p>正在生成 Word 文档……</p>}
        {status.kind === 'done' && (
          <p>
            已导出“{status.name}”
            {status.draft && status.errors > 0 ? `（草稿，尚有 ${status.errors} 个错误）` : ''}
          </p>
        )}
        {status.kind === 'failed' && <p role="alert">导出失败：{status.message}</p>}
      </div>
      {status.kind === 'refused' && (
        <div role="alert" className="export-refused">
          <p>有 {status.errors.length} 个错误，不能导出正式文档。请先改正，或导出草稿：</p>
          <ul>
            {status.errors.slice(0, LISTED_ERRORS).map((f, i) => (
              <li key={`${f.rule}-${i}`}>
                {f.rule} {f.message}
              </li>
            ))}
          </ul>
          {status.errors.length > LISTED_ERRORS && <p>另有 {status.errors.length - LISTED_ERRORS} 个错误，见检查结果。</p>}
          <button type="button" onClick={() => setStatus({ kind: 'idle' })}>
            关闭
          </button>
        </div>
      )}
    </div>
  );
}
