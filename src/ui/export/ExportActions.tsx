// 导出 Word 文档 and 导出草稿 in the toolbar: the buttons are drawn with the first screen; what they
// do (ExportPanel.tsx: the check as finished, the lists, the .docx) is fetched when the page is idle
// after the first paint, or on the first press. A press that waits for it shows on its button
// (aria-busy) and is acted on once it is here; a fetch that fails says so in the panel's place.
// While an export is under way the buttons are aria-disabled, not disabled, so focus stays on them.
import { useRef, useState } from 'react';
import type { ReportStore } from '../../store/report-store';
import { loadFailure, onDemand, useOnDemand } from '../on-demand';
import './export.css';

/** What the export reads of the report store. */
export type ExportSource = Pick<ReportStore, 'template' | 'getReport' | 'getState' | 'subscribe' | 'setMode' | 'setView' | 'whenChecked'>;

export interface ExportActionsProps {
  store: ExportSource;
  /** Where the bytes go (tests capture them); a download (download.ts) by default. */
  save?: ((bytes: Uint8Array, name: string) => void) | undefined;
  /** How long the 已导出 message stays; ExportPanel's MESSAGE_MS by default. */
  messageMs?: number;
}

/** A press of one of the buttons; `n` counts presses, so each is acted on once. */
export interface ExportRequest {
  draft: boolean;
  n: number;
}

const panelModule = onDemand(() => import('./ExportPanel'));

export function ExportActions({ store, save, messageMs }: ExportActionsProps) {
  const [panel, load] = useOnDemand(panelModule);
  const [request, setRequest] = useState<ExportRequest | null>(null);
  // The button pressed while the panel's code is being fetched.
  const [waiting, setWaiting] = useState<boolean | null>(null);
  const [working, setWorking] = useState(false);
  const [pressed, setPressed] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const finalButton = useRef<HTMLButtonElement>(null);

  async function press(draft: boolean) {
    if (working || waiting !== null) return;
    setFailed(null);
    setPressed(draft);
    if (!panel) {
      setWaiting(draft);
      try {
        await load();
      } catch (e) {
        setFailed(loadFailure('导出功能', e));
        return;
      } finally {
        setWaiting(null);
      }
    }
    setRequest((r) => ({ draft, n: (r?.n ?? 0) + 1 }));
  }

  // The pressed button is busy until its export is made or refused; meanwhile both ignore presses.
  const props = (draft: boolean) => ({
    'aria-disabled': working || waiting !== null || undefined,
    'aria-busy': waiting === draft || (working && pressed === draft) || undefined,
    onClick: () => void press(draft),
  });
  const Panel = panel?.ExportPanel;
  return (
    <div className="export-actions" role="group" aria-label="导出">
      <button type="button" ref={finalButton} {...props(false)}>
        导出 Word 文档
      </button>
      <button type="button" {...props(true)}>
        导出草稿
      </button>
      {Panel ? (
        <Panel store={store} save={save} messageMs={messageMs} request={request} finalButton={finalButton} onWorking={setWorking} />
      ) : (
        <div className="export-panels">
          <div aria-live="polite" className="export-status">
            {failed && (
              <div className="export-message export-error">
                <p role="alert">{failed}</p>
                <button type="button" className="export-dismiss" aria-label="关闭提示" title="关闭提示" onClick={() => setFailed(null)}>
                  ×
                </button>
              </div>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
