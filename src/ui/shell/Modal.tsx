// A modal dialog: the native <dialog> opened with showModal(), so the page behind is inert (no
// click, no Tab, no screen reader), Escape closes it, and focus goes back to what opened it.
// Mounted only while open: closing is unmounting. Where showModal() is missing (jsdom), it is
// shown with the `open` attribute instead.
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import './app.css';

export interface ModalProps {
  /** The id of the dialog's heading (its accessible name). */
  labelledBy: string;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}

export function Modal({ labelledBy, onClose, className, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });

  useLayoutEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      // Back to the button that opened it (if it is still there), wherever the dialog left focus.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal${className ? ` ${className}` : ''}`}
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        // Escape: the native dialog would close itself; React owns whether it is shown.
        e.preventDefault();
        closeRef.current();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          closeRef.current();
        }
      }}
    >
      {children}
    </dialog>
  );
}

/** The close button of a modal's heading row. */
export function ModalClose({ onClose, label = '关闭' }: { onClose: () => void; label?: string }) {
  return (
    <button type="button" className="modal-close" onClick={onClose}>
      {label}
    </button>
  );
}
