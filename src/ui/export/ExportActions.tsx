// The export action of the app: 导出 Word 文档 and 导出草稿. The docx package is loaded with import()
// on the first export only, and the file is handed over through a Blob URL.
//
// 导出 Word 文档 checks the report as finished: it switches the store (and so the findings panel) to
// 按定稿检查 and reads the same findings and refused inputs the panel counts, so the two numbers
// are always equal. Errors and cells whose typed text was refused block it (listed, each leading to
// its cell or text field); open warnings are shown grouped by section and need 仍然导出. The lists
// follow the store while shown. 导出草稿 always exports, and says which refused inputs went out with
// their last accepted value (or blank).
//
// Everything it says drops below the buttons in one panel (`.export-panels`), so the toolbar keeps
// one row: the 已导出 message (× closes it, it goes after MESSAGE_MS, on the next export and when
// the store loads another report), the refusal and the 仍要导出吗？ question (Escape = 返回修改).
// Clicking an item of a list shrinks the list to one line, so it does not hide the place it leads
// to. While busy the buttons are aria-disabled, not disabled, so focus stays on them.
import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { LEVEL_NAMES, cellText, refusalLine, type Finding, type Place, type Template } from '../../core';
import type { ReportState, ReportStore } from '../../store/report-store';
import { goTo } from '../places';
import { exportFileName } from '../../render/docx/file-name';
import './export.css';

/** How many refusing errors are listed; the findings panel has them all. */
export const LISTED_ERRORS = 10;

/** How long the 已导出 message stays (unless it lists refused inputs or has focus). */
export const MESSAGE_MS = 10_000;

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What the export reads of the report store. */
export type ExportSource = Pick<ReportStore, 'template' | 'getReport' | 'getState' | 'subscribe' | 'setMode' | 'setView'>;

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

/** Scroll the window so that `el` is not hidden under `cover` (the export's panel over the page). */
export function revealBelow(el: Element | null, cover: Element | null, gap = 8): void {
  if (!el || !cover) return;
  const c = cover.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  const overlaps = r.bottom > c.top && r.top < c.bottom + gap && r.right > c.left && r.left < c.right;
  if (overlaps && c.height > 0) window.scrollBy?.(0, r.top - (c.bottom + gap));
}

const _placeKey = (p: Place) => (p.kind === 'cell' ? `cell:${p.cell}` : p.kind === 'text' ? `text:${p.slot}` : `fact:${p.field}`);

type Status = (
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'refused'; collapsed: boolean }
  | { kind: 'confirm'; collapsed: boolean }
  | { kind: 'done'; name: string; draft: boolean; errors: number; refused: { key: string; text: string; go: () => void }[] }
  | { kind: 'failed'; message: string }
) & {
  /** The store's `loads` when this was said: a report loaded since makes it stale (not shown). */
  loads: number;
};

export interface ExportActionsProps {
  store: ExportSource;
  /** Where the bytes go (tests capture them); a download by default. */
  save?: (bytes: Uint8Array, name: string) => void;
  /** How long the 已导出 message stays; MESSAGE_MS by default. */
  messageMs?: number;
}

export function ExportActions({ store, save = downloadBytes, messageMs = MESSAGE_MS }: ExportActionsProps) {
  const [raw, setStatus] = useState<Status>({ kind: 'idle', loads: 0 });
  // Whatever was said about another report is not shown once the store loads a new one.
  const loads = useSyncExternalStore(store.subscribe, () => store.getState().loads);
  const status: Status = raw.kind === 'busy' || raw.loads === loads ? raw : { kind: 'idle', loads };
  const open = status.kind === 'refused' || status.kind === 'confirm';
  // The lists follow the store while shown; otherwise a keystroke does not render this component.
  const state = useSyncExternalStore(store.subscribe, () => (open ? store.getState() : null));
  const finalButton = useRef<HTMLButtonElement>(null);
  const panels = useRef<HTMLDivElement>(null);
  const message = useRef<HTMLDivElement>(null);
  const busy = raw.kind === 'busy';
  const say = (next: DistributiveOmit<Status, 'loads'>) => setStatus({ ...next, loads: store.getState().loads } as Status);

  // The 已导出 message goes by itself after a while, unless it lists refused inputs or has focus.
  const fades = status.kind === 'done' && status.refused.length === 0;
  useEffect(() => {
    if (!fades) return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      if (message.current?.contains(document.activeElement)) timer = setTimeout(tick, messageMs);
      else setStatus((s) => (s === raw ? { kind: 'idle', loads: s.loads } : s));
    };
    timer = setTimeout(tick, messageMs);
    return () => clearTimeout(timer);
  }, [fades, raw, messageMs]);

  /** A list item was clicked: the list shrinks to one line, then focus goes to the item's place, not hidden by it. */
  const leadTo = (go: () => unknown) => {
    if (raw.kind === 'refused' || raw.kind === 'confirm') flushSync(() => setStatus({ ...raw, collapsed: true }));
    go();
    revealBelow(document.activeElement, panels.current);
  };
  const goPlace = (place: Place | null | undefined) => leadTo(() => goTo(store, place));
  const expand = (collapsed: boolean) => (raw.kind === 'refused' || raw.kind === 'confirm') && setStatus({ ...raw, collapsed });

  async function run(draft: boolean, acceptWarnings = false) {
    if (busy) return;
    if (!draft) {
      store.setMode('final');
      const { verdict } = store.getState();
      if (!verdict.exportable) return say({ kind: 'refused', collapsed: false });
      if (!acceptWarnings && verdict.counts.warnings > 0) return say({ kind: 'confirm', collapsed: false });
    }
    const now = store.getState();
    const report = store.getReport();
    const errors = now.verdict.counts.errors;
    // What a draft carries instead of each refused input: the cell's last accepted value (or blank),
    // the field's previous content.
    const refused = now.verdict.refused.map((r) => ({
      key: _placeKey(r.place),
      text: `${refusalLine(r)}（草稿中为 ${r.place.kind === 'cell' ? cellText(now.values.get(r.place.cell)) || '空白' : '原来的内容'}）`,
      go: () => goPlace(r.place),
    }));
    say({ kind: 'busy' });
    try {
      const { renderDocx } = await import('../../render/docx/render-docx');
      const bytes = await renderDocx(store.template, report, { draft });
      const name = exportFileName(store.template, report, draft);
      save(bytes, name);
      say({ kind: 'done', name, draft, errors, refused });
    } catch (e) {
      say({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Close what is shown; focus goes back to 导出 Word 文档 when it was inside (not left on <body>). */
  const close = () => {
    const inside = panels.current?.contains(document.activeElement);
    setStatus({ kind: 'idle', loads });
    if (inside || document.activeElement === document.body) finalButton.current?.focus();
  };
  /** 仍然导出: the question goes, focus to 导出 Word 文档 (it stays there through the export). */
  const exportAnyway = () => {
    finalButton.current?.focus();
    void run(false, true);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape' || status.kind === 'idle' || status.kind === 'busy') return;
    e.preventDefault();
    e.stopPropagation();
    close();
  };
  const busyProps = { 'aria-disabled': busy || undefined };
  let said: ReactNode = null;
  if (status.kind === 'busy') said = <p>正在生成 Word 文档……</p>;
  if (status.kind === 'done')
    said = (
      <p>
        已导出“{status.name}”{status.draft && status.errors > 0 ? `（草稿，尚有 ${status.errors} 个错误）` : ''}
      </p>
    );
  if (status.kind === 'failed') said = <p role="alert">导出失败：{status.message}</p>;
  return (
    <div className="export-actions" role="group" aria-label="导出">
      <button type="button" ref={finalButton} onClick={() => void run(false)} {...busyProps}>
        导出 Word 文档
      </button>
      <button type="button" onClick={() => void run(true)} {...busyProps}>
        导出草稿
      </button>
      {/* Below the buttons, over the page: the toolbar keeps one row. */}
      <div className="export-panels" ref={panels} onKeyDown={onKeyDown}>
        <div aria-live="polite" className="export-status">
          {said && (
            <div className="export-message" ref={message}>
              {said}
              {status.kind !== 'busy' && (
                <button type="button" className="export-dismiss" aria-label="关闭提示" title="关闭提示" onClick={close}>
                  ×
                </button>
              )}
            </div>
          )}
        </div>
        {status.kind === 'done' && status.refused.length > 0 && (
          <div className="export-note" role="note">
            <p>以下 {status.refused.length} 处输入未被接受，草稿中是其上次接受的数值（没有则为空白）：</p>
            <ItemList items={status.refused} />
          </div>
        )}
        {status.kind === 'refused' && state && (
          <Refused state={state} collapsed={status.collapsed} onExpand={expand} onPlace={goPlace} onClose={close} />
        )}
        {status.kind === 'confirm' && state && (
          <Confirm
            template={store.template}
            state={state}
            errors={state.verdict.counts.errors}
            collapsed={status.collapsed}
            onExpand={expand}
            onPlace={goPlace}
            onExport={exportAnyway}
            onBack={close}
          />
        )}
      </div>
    </div>
  );
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** 显示列表 / 收起列表: the list of a shrunk box. */
/** Places the clerk can jump to: each item a button leading to its cell or field. */
function ItemList({ items }: { items: readonly { key: string; text: string; go: () => void }[] }) {
  return (
    <ul>
      {items.map((it) => (
        <li key={it.key}>
          <button type="button" className="export-item" onClick={it.go}>
            {it.text}
          </button>
        </li>
      ))}
    </ul>
  );
}

function ExpandButton({ collapsed, count, onExpand }: { collapsed: boolean; count: number; onExpand: (collapsed: boolean) => void }) {
  return (
    <button type="button" className="export-expand" aria-expanded={!collapsed} onClick={() => onExpand(!collapsed)}>
      {collapsed ? `显示列表（${count}）` : '收起列表'}
    </button>
  );
}

function Refused(props: {
  state: ReportState;
  collapsed: boolean;
  onExpand: (collapsed: boolean) => void;
  onPlace: (place: Place | null | undefined) => void;
  onClose: () => void;
}) {
  const { state, collapsed, onExpand, onPlace, onClose } = props;
  // The verdict's one count (error findings and refused inputs), as the findings panel shows it.
  const { verdict } = state;
  const count = verdict.counts.errors;
  const items = [
    ...verdict.refused.map((r) => ({ key: _placeKey(r.place), text: refusalLine(r), go: () => onPlace(r.place) })),
    ...verdict.errors.map((f, i) => ({ key: `${f.rule}:${i}`, text: `${f.rule} ${f.message}`, go: () => onPlace(f.place) })),
  ];
  const listed = items.slice(0, LISTED_ERRORS);
  return (
    <div role="alert" className={collapsed ? 'export-refused export-collapsed' : 'export-refused'}>
      {count > 0 ? (
        <p>有 {count} 个{LEVEL_NAMES.error}，不能导出正式文档。{collapsed ? '' : '请先改正（点击一项转到该处），或导出草稿：'}</p>
      ) : (
        <p>错误已全部改正，可以再次导出 Word 文档。</p>
      )}
      {count > 0 && !collapsed && (
        <ItemList items={listed} />
      )}
      {count > LISTED_ERRORS && !collapsed && <p>另有 {count - LISTED_ERRORS} 个错误，见检查结果。</p>}
      <div className="export-buttons">
        {count > 0 && (collapsed || listed.length > 0) && <ExpandButton collapsed={collapsed} count={listed.length} onExpand={onExpand} />}
        <button type="button" onClick={onClose}>
          关闭
        </button>
      </div>
    </div>
  );
}

function Confirm(props: {
  template: Template;
  state: ReportState;
  errors: number;
  collapsed: boolean;
  onExpand: (collapsed: boolean) => void;
  onPlace: (place: Place | null | undefined) => void;
  onExport: () => void;
  onBack: () => void;
}) {
  // The safe answer has focus when the question appears; Escape means it too.
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  const warnings = props.state.verdict.warnings;
  const groups = warningGroups(props.template, warnings);
  return (
    <div role="alertdialog" aria-labelledby="export-confirm-q" className={props.collapsed ? 'export-confirm export-collapsed' : 'export-confirm'}>
      <p>
        尚有 {warnings.length} 条{LEVEL_NAMES.warning}（按定稿检查）{props.collapsed ? '。' : '，请核对（点击一项转到该处）：'}
      </p>
      {!props.collapsed &&
        groups.map((g) => (
          <section key={g.section} className="export-group" aria-label={g.label}>
            <h3>{g.label}</h3>
            <ItemList items={g.findings.map((f, i) => ({ key: `${f.rule}:${i}`, text: `${f.rule} ${f.message}`, go: () => props.onPlace(f.place) }))} />
          </section>
        ))}
      {props.errors > 0 && <p>另有 {props.errors} 个错误，导出时会被拒绝。</p>}
      <p id="export-confirm-q" className="export-question">
        仍要导出吗？
      </p>
      <div className="export-buttons">
        <button type="button" onClick={props.onExport}>
          仍然导出
        </button>
        <button type="button" ref={back} onClick={props.onBack}>
          返回修改
        </button>
        <ExpandButton collapsed={props.collapsed} count={warnings.length} onExpand={props.onExpand} />
      </div>
    </div>
  );
}
