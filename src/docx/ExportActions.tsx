// The export action of the app: 导出 Word 文档 and 导出草稿. The docx package is loaded with import()
// on the first export only, and the file is handed over through a Blob URL.
//
// 导出 Word 文档 checks the report as finished: it switches the store (and so the findings panel) to
// 按定稿检查 and reads the same findings and refused inputs the panel counts, so the two numbers
// are always equal. Errors and cells whose typed text was refused block it (listed, each leading to
// its cell or text field); open warnings are shown grouped by section and need 仍然导出. The lists
// follow the store while shown. 导出草稿 always exports, and says which refused inputs went out with
// their last accepted value (or blank).
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { cellText, type Finding, type Template } from '../core';
import { errorCount, refusedInputs, type Refusal, type ReportState, type ReportStore } from '../store/report-store';
import { focusTarget } from '../form/FindingsPanel';
import { cellDomId } from '../form/GridCell';
import { factDomId } from '../form/FactsFields';
import { FACT_FIELDS, type FactField } from '../form/facts-schema';
import { focusInForm } from '../preview/views';
import { exportFileName } from './file-name';
import './export.css';

/** How many refusing errors are listed; the findings panel has them all. */
export const LISTED_ERRORS = 10;

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What the export reads of the report store. */
export type ExportSource = Pick<ReportStore, 'template' | 'getReport' | 'getState' | 'subscribe' | 'setMode' | 'errors'>;

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

/** A refused input as the export names it: place, the text exactly as typed, and why. */
export function refusalText(r: Pick<Refusal, 'raw' | 'reason' | 'place'>): string {
  // The reason starts with the quoted text already (“x”不是数字, “x”无效：…); it is said once.
  const quoted = `“${r.raw.trim()}”`;
  const why = r.reason.startsWith(quoted) ? r.reason.slice(quoted.length).replace(/^无效：/, '') : r.reason;
  return `${r.place}：“${r.raw}”未被接受：${why}`;
}

/** Warnings grouped by the section they belong to, in the template's order (others last). */
export function warningGroups(template: Template, findings: readonly Finding[]): { section: string; label: string; findings: Finding[] }[] {
  const order = [...template.texts.filter((t) => !t.section).map((t) => ({ id: t.id, label: t.label })), ...template.spec.sections.map((s) => ({ id: s.id, label: s.label }))];
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.section ?? f.text?.split('.')[0] ?? '';
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const rank = (id: string) => {
    const i = order.findIndex((o) => o.id === id);
    return i < 0 ? order.length : i;
  };
  return [...groups]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([section, list]) => ({ section, label: order.find((o) => o.id === section)?.label ?? '其他', findings: list }));
}

/** Where a finding leads: its cell or text field (as the findings panel), else the facts field its `path` names. */
export function exportTarget(template: Template, f: Finding): string | null {
  const id = focusTarget(f, (c) => template.cells.get(c)?.computed === false);
  if (id) return id;
  const field = typeof f.params.path === 'string' ? f.params.path.split('.').pop() : undefined;
  return field && (FACT_FIELDS as readonly string[]).includes(field) ? factDomId(field as FactField) : null;
}

const _warnings = (s: ReportState) => s.findings.filter((f) => f.level === 'warning');
const _errors = (s: ReportState) => s.findings.filter((f) => f.level === 'error');

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'refused' }
  | { kind: 'confirm' }
  | { kind: 'done'; name: string; draft: boolean; errors: number; refused: { key: string; text: string; go: () => void }[] }
  | { kind: 'failed'; message: string };

export interface ExportActionsProps {
  store: ExportSource;
  /** Where the bytes go (tests capture them); a download by default. */
  save?: (bytes: Uint8Array, name: string) => void;
}

export function ExportActions({ store, save = downloadBytes }: ExportActionsProps) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const open = status.kind === 'refused' || status.kind === 'confirm';
  // The lists follow the store while shown; otherwise a keystroke does not render this component.
  const state = useSyncExternalStore(store.subscribe, () => (open ? store.getState() : null));

  const goFinding = (f: Finding) => focusInForm(exportTarget(store.template, f));
  const goCell = (cell: string) => focusInForm(cellDomId(cell));
  const goField = (field: string) => (FACT_FIELDS as readonly string[]).includes(field) && focusInForm(factDomId(field as FactField));

  async function run(draft: boolean, acceptWarnings = false) {
    if (!draft) {
      store.setMode('final');
      if (store.errors() > 0) return setStatus({ kind: 'refused' });
      if (!acceptWarnings && _warnings(store.getState()).length > 0) return setStatus({ kind: 'confirm' });
    }
    const now = store.getState();
    const report = store.getReport();
    const errors = store.errors();
    // What a draft carries instead of each refused input: the cell's last accepted value (or blank),
    // the field's previous content.
    const refused = refusedInputs(now).map((r) =>
      r.kind === 'cell'
        ? { key: `cell:${r.cell}`, text: `${refusalText(r)}（草稿中为 ${cellText(now.values.get(r.cell)) || '空白'}）`, go: () => goCell(r.cell) }
        : { key: `field:${r.field}`, text: `${refusalText(r)}（草稿中为原来的内容）`, go: () => goField(r.field) },
    );
    setStatus({ kind: 'busy' });
    try {
      const { renderDocx } = await import('./render-docx');
      const bytes = await renderDocx(store.template, report, { draft });
      const name = exportFileName(store.template, report, draft);
      save(bytes, name);
      setStatus({ kind: 'done', name, draft, errors, refused });
    } catch (e) {
      setStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }

  const close = () => setStatus({ kind: 'idle' });
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
      {status.kind === 'done' && status.refused.length > 0 && (
        <div className="export-note" role="note">
          <p>以下 {status.refused.length} 处输入未被接受，草稿中是其上次接受的数值（没有则为空白）：</p>
          <ul>
            {status.refused.map((r) => (
              <li key={r.key}>
                <button type="button" className="export-item" onClick={r.go}>
                  {r.text}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {status.kind === 'refused' && state && <Refused state={state} onCell={goCell} onField={goField} onFinding={goFinding} onClose={close} />}
      {status.kind === 'confirm' && state && (
        <Confirm template={store.template} state={state} errors={errorCount(state)} onFinding={goFinding} onExport={() => void run(false, true)} onBack={close} />
      )}
    </div>
  );
}

function Refused(props: {
  state: ReportState;
  onCell: (cell: string) => void;
  onField: (field: string) => void;
  onFinding: (f: Finding) => void;
  onClose: () => void;
}) {
  const { state, onCell, onField, onFinding, onClose } = props;
  // The findings panel's one count (error findings and refused inputs, cells and facts fields).
  const count = errorCount(state);
  const items = [
    ...refusedInputs(state).map((r) =>
      r.kind === 'cell'
        ? { key: `cell:${r.cell}`, text: refusalText(r), go: () => onCell(r.cell) }
        : { key: `field:${r.field}`, text: refusalText(r), go: () => onField(r.field) },
    ),
    ..._errors(state).map((f, i) => ({ key: `${f.rule}:${i}`, text: `${f.rule} ${f.message}`, go: () => onFinding(f) })),
  ];
  return (
    <div role="alert" className="export-refused">
      {count > 0 ? (
        <p>有 {count} 个错误，不能导出正式文档。请先改正（点击一项转到该处），或导出草稿：</p>
      ) : (
        <p>错误已全部改正，可以再次导出 Word 文档。</p>
      )}
      {count > 0 && (
        <ul>
          {items.slice(0, LISTED_ERRORS).map((it) => (
            <li key={it.key}>
              <button type="button" className="export-item" onClick={it.go}>
                {it.text}
              </button>
            </li>
          ))}
        </ul>
      )}
      {count > LISTED_ERRORS && <p>另有 {count - LISTED_ERRORS} 个错误，见检查结果。</p>}
      <button type="button" onClick={onClose}>
        关闭
      </button>
    </div>
  );
}

function Confirm(props: {
  template: Template;
  state: ReportState;
  errors: number;
  onFinding: (f: Finding) => void;
  onExport: () => void;
  onBack: () => void;
}) {
  // The safe answer has focus when the question appears.
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  const warnings = _warnings(props.state);
  const groups = warningGroups(props.template, warnings);
  return (
    <div role="alertdialog" aria-labelledby="export-confirm-q" className="export-confirm">
      <p>尚有 {warnings.length} 条警告（按定稿检查），请核对（点击一项转到该处）：</p>
      {groups.map((g) => (
        <section key={g.section} className="export-group" aria-label={g.label}>
          <h3>{g.label}</h3>
          <ul>
            {g.findings.map((f, i) => (
              <li key={`${f.rule}:${i}`}>
                <button type="button" className="export-item" onClick={() => props.onFinding(f)}>
                  {f.rule} {f.message}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {props.errors > 0 && <p>另有 {props.errors} 个错误，导出时会被拒绝。</p>}
      <p id="export-confirm-q" className="export-question">
        仍要导出吗？
      </p>
      <button type="button" onClick={props.onExport}>
        仍然导出
      </button>{' '}
      <button type="button" ref={back} onClick={props.onBack}>
        返回修改
      </button>
    </div>
  );
}
