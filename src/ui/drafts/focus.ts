// Where the clerk is in the form, read from the DOM (focusin), and put back after a draft opens.
// The form names its elements: grid cells `cell-<cell id>`, sections `section-<section id>`.
import { cellDomId } from '../form/GridCell';
import type { DraftFocus } from '../../drafts/db';

const CELL_PREFIX = cellDomId('');

export interface FocusTracker {
  get(): DraftFocus;
  /** Focus and scroll to a saved place once the form has drawn it. */
  restore(focus: DraftFocus): void;
  dispose(): void;
}

export function focusOf(el: Element): DraftFocus | undefined {
  const id = el.id;
  if (!id) return undefined;
  const section = el.closest('section[id^="section-"]')?.id.slice('section-'.length);
  const where: DraftFocus = section ? { section } : {};
  if (id.startsWith(CELL_PREFIX)) return { ...where, cell: id.slice(CELL_PREFIX.length) };
  if (el.matches('input, textarea, select')) return { ...where, field: id };
  return undefined;
}

export function trackFocus(doc: Document = document): FocusTracker {
  let current: DraftFocus = {};
  const onFocus = (e: FocusEvent) => {
    const f = e.target instanceof Element ? focusOf(e.target) : undefined;
    if (f) current = f;
  };
  doc.addEventListener('focusin', onFocus);
  return {
    get: () => current,
    restore(focus) {
      current = { ...focus };
      // Once the form has drawn the opened report (it may mount only after the draft is open).
      let tries = 0;
      const attempt = () => {
        const el =
          (focus.cell && doc.getElementById(cellDomId(focus.cell))) ||
          (focus.field && doc.getElementById(focus.field)) ||
          undefined;
        if (el instanceof HTMLElement) {
          el.focus({ preventScroll: true });
          el.scrollIntoView?.({ block: 'center' });
        } else if (focus.section && doc.getElementById(`section-${focus.section}`)) {
          doc.getElementById(`section-${focus.section}`)?.scrollIntoView?.({ block: 'start' });
        } else if ((focus.cell || focus.field || focus.section) && ++tries < 50) {
          setTimeout(attempt, 20);
        }
      };
      setTimeout(attempt, 0);
    },
    dispose: () => doc.removeEventListener('focusin', onFocus),
  };
}
