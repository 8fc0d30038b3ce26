// 撤销 / 重做 over the report's one history, as buttons and as Ctrl+Z / Ctrl+Y anywhere on the
// page but in a text box (which keeps the browser's own undo) or a dialog.
import { useEffect } from 'react';
import type { ReportStore } from '../../store/report-store';
import { useSliceOf } from '../use-store';
import { undoKey, type KeyPlace } from './undo-keys';

function placeOf(target: EventTarget | null): KeyPlace {
  if (!(target instanceof Element)) return 'page';
  if (target.closest('dialog')) return 'dialog';
  if (target.classList.contains('cell-input')) return 'cell';
  if (target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && target.type !== 'button' && target.type !== 'checkbox' && target.type !== 'radio')) return 'text';
  if (target instanceof HTMLElement && target.isContentEditable) return 'text';
  return 'page';
}

export function UndoButtons({ store }: { store: ReportStore }) {
  // Any change of the state may change what can be undone: read both on every notification.
  const canUndo = useSliceOf(store, () => store.canUndo());
  const canRedo = useSliceOf(store, () => store.canRedo());
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = undoKey(e, placeOf(e.target));
      if (!action) return;
      e.preventDefault();
      if (action === 'undo') store.undo();
      else store.redo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  return (
    <>
      <button type="button" disabled={!canUndo} title="撤销上一步修改（Ctrl+Z）" onClick={() => store.undo()}>
        撤销
      </button>
      <button type="button" disabled={!canRedo} title="重做撤销的修改（Ctrl+Y）" onClick={() => store.redo()}>
        重做
      </button>
    </>
  );
}
