// 导入已发布的报告 in the toolbar: the button is drawn with the first screen, the dialog behind it
// (ImportDialog.tsx: reading the file, what was read, creating the draft) is fetched on idle or on
// the first click. The file picker is inside the dialog, so the click that opens it is a gesture of
// its own. A file handed over by 打开文件 or a drop (import-request.ts) opens the dialog too.
import { useEffect, useState } from 'react';
import { onImportRequest, type ImportRequest } from './import-request';
import { loadFailure, onDemand, useOnDemand } from '../on-demand';
import type { ImportTarget } from './ImportDialog';
import './import.css';

const dialogModule = onDemand(() => import('./ImportDialog'));

/** Open: the dialog is shown, with a file to read first when one was handed over. */
type Open = { request?: ImportRequest } | null;

export function ImportButton({ store }: { store: ImportTarget }) {
  const [dialog, load] = useOnDemand(dialogModule);
  const [open, setOpen] = useState<Open>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(
    () =>
      onImportRequest((request) => {
        setOpen({ request });
        setFailed(null);
      }),
    [],
  );

  // Opened before the dialog's code is here: it is fetched, and the button says it is busy meanwhile.
  const waiting = !!open && !dialog;
  useEffect(() => {
    if (!waiting) return;
    let live = true;
    load().catch((e: unknown) => {
      if (!live) return;
      setOpen(null);
      setFailed(loadFailure('导入功能', e));
    });
    return () => {
      live = false;
    };
  }, [waiting, load]);

  const Dialog = dialog?.ImportDialog;
  return (
    <>
      <button
        type="button"
        className="import-open"
        aria-haspopup="dialog"
        aria-busy={waiting || undefined}
        onClick={() => {
          setFailed(null);
          setOpen((o) => o ?? {});
        }}
      >
        导入已发布的报告
      </button>
      {failed ? (
        <div role="alert" className="import-load-error">
          <p>{failed}</p>
          <button type="button" aria-label="关闭提示" title="关闭提示" onClick={() => setFailed(null)}>
            ×
          </button>
        </div>
      ) : null}
      {open && Dialog ? <Dialog store={store} request={open.request} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
