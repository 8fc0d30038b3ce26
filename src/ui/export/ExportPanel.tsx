// What 导出 Word 文档 and 导出草稿 do, fetched by the toolbar's buttons (ExportActions.tsx) on idle or
// on the first click. The docx package is loaded with import() on the first export only, and the
// file is handed over through a Blob URL.
//
// 导出 Word 文档 checks the report as finished: it switches the store (and so the findings panel) to
// 按定稿检查, waits for the rules to have checked the report as it is, and reads the same findings and
// refused inputs the panel counts, so the two numbers are always equal (a report the rules could
// not check, their code not fetched, is no finished document). Errors and cells whose typed
// text was refused block it (listed, each leading to its cell or text field); open warnings are
// shown grouped by section and need 仍然导出. The lists follow the store while shown. 导出草稿 always
// exports, and says which refused inputs went out with their last accepted value (or blank).
//
// Everything it says drops below the buttons in one panel (`.export-panels`), so the toolbar keeps
// one row: the 已导出 message (× closes it, it goes after MESSAGE_MS, on the next export and when
// the store loads another report), the refusal and the 仍要导出吗？ question (Escape = 返回修改).
// Clicking an item of a list shrinks the list to one line, so it does not hide the place it leads
// to. While working the buttons are aria-disabled, not disabled, so focus stays on them.
import { useContext, useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { RULES_STATE_TEXT, cellText, refusalLine, type Place } from '../../core';
import type { ExportActionsProps, ExportRequest } from './ExportActions';
import { downloadBytes } from './download';
import { goTo, revealBelow } from '../places';
import { exportFileName } from '../../render/docx/file-name';
import { Confirm, ItemList, Refused, placeKey } from './ExportLists';
import { DraftsContext } from '../drafts/context';

/** How long the 已导出 message stays (unless it lists refused inputs or has focus). */
export const MESSAGE_MS = 10_000;

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

export interface ExportPanelProps extends Pick<ExportActionsProps, 'store' | 'save'> {
  messageMs?: number | undefined;
  /** The last press of a button: each `n` is acted on once. */
  request: ExportRequest | null;
  /** 导出 Word 文档, where focus goes back to. */
  finalButton: RefObject<HTMLButtonElement | null>;
  /** Whether an export is under way (the buttons ignore presses meanwhile). */
  onWorking: (working: boolean) => void;
}

export function ExportPanel({ store, save = downloadBytes, messageMs = MESSAGE_MS, request, finalButton, onWorking }: ExportPanelProps) {
  const drafts = useContext(DraftsContext);
  const [raw, setStatus] = useState<Status>({ kind: 'idle', loads: 0 });
  // Whatever was said about another report is not shown once the store loads a new one.
  const loads = useSyncExternalStore(store.subscribe, () => store.getState().loads);
  const status: Status = raw.kind === 'busy' || raw.loads === loads ? raw : { kind: 'idle', loads };
  const open = status.kind === 'refused' || status.kind === 'confirm';
  // The lists follow the store while shown; otherwise a keystroke does not render this component.
  const state = useSyncExternalStore(store.subscribe, () => (open ? store.getState() : null));
  const panels = useRef<HTMLDivElement>(null);
  const message = useRef<HTMLDivElement>(null);
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

  // From a press until what comes of it is said (the buttons ignore presses meanwhile).
  const running = useRef(false);
  const start = () => {
    running.current = true;
    onWorking(true);
  };
  /** Said in the same update as the buttons taking presses again. */
  const end = (next: DistributiveOmit<Status, 'loads'>) => {
    running.current = false;
    onWorking(false);
    say(next);
  };

  async function run(draft: boolean, acceptWarnings = false) {
    if (running.current) return;
    start();
    try {
      if (!draft) store.setMode('final');
      // The findings are read below: the rules may still be checking the report (just loaded, just
      // switched to 按定稿检查, or still being fetched after the first paint).
      await store.whenChecked();
    } catch (e) {
      return end({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
    if (!draft) {
      const { verdict, rules } = store.getState();
      // Unchecked (the rules could not be fetched), a report is no finished document.
      if (rules === 'failed') return end({ kind: 'failed', message: `${RULES_STATE_TEXT.failed}正式文档须经检查才能导出，现在可以先导出草稿。` });
      if (!verdict.exportable) return end({ kind: 'refused', collapsed: false });
      if (!acceptWarnings && verdict.counts.warnings > 0) return end({ kind: 'confirm', collapsed: false });
    }
    const now = store.getState();
    const report = store.getReport();
    // The draft it comes from: another may be opened while the document is being made.
    const draftId = drafts?.session.getState().draftId;
    const errors = now.verdict.shown.errors;
    // What a draft carries instead of each refused input: the cell's last accepted value (or blank),
    // the field's previous content.
    const refused = now.verdict.refused.map((r) => ({
      key: placeKey(r.place),
      text: `${refusalLine(r)}（草稿中为 ${r.place.kind === 'cell' ? cellText(now.values.get(r.place.cell)) || '空白' : '原来的内容'}）`,
      go: () => goPlace(r.place),
    }));
    say({ kind: 'busy' });
    try {
      const { renderDocx } = await import('../../render/docx/render-docx');
      const bytes = await renderDocx(store.template, report, { draft });
      const name = exportFileName(store.template, report, draft);
      save(bytes, name);
      end({ kind: 'done', name, draft, errors, refused });
      // The reports list shows it (已定稿 / 已导出 with the date and this name); the file is out whatever happens to this note.
      await drafts?.session.markExported({ name, final: !draft, report, draftId }).catch(() => undefined);
    } catch (e) {
      end({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
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
  // A press of a toolbar button, acted on once (also when it came before this module was here).
  const taken = useRef(0);
  useEffect(() => {
    if (!request || request.n === taken.current) return;
    taken.current = request.n;
    void run(request.draft);
  });

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
    // Below the buttons, over the page: the toolbar keeps one row.
    <div className="export-panels" ref={panels} onKeyDown={onKeyDown}>
      <div aria-live="polite" className="export-status">
        {said && (
          <div className={status.kind === 'failed' ? 'export-message export-error' : 'export-message'} ref={message}>
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
  );
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
