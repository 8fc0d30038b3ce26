// Asking the 填写 / 预览 tabs (ReportViews) for a view from elsewhere in the app, and moving focus
// to an element of the form even while the preview is shown: the export's lists of errors and
// warnings lead to their cell or text field this way.
export type View = 'form' | 'preview';

/** A document event whose detail is the view to show; ReportViews renders it synchronously. */
export const SHOW_VIEW_EVENT = 'nianbao:show-view';

export function showView(view: View): void {
  document.dispatchEvent(new CustomEvent<View>(SHOW_VIEW_EVENT, { detail: view }));
}

/**
 * Focus the element with this DOM id (a grid cell's input, a text field), switching to 填写 first
 * when it sits in a hidden tab. Returns whether focus landed on it.
 */
export function focusInForm(domId: string | null): boolean {
  if (!domId) return false;
  let el = document.getElementById(domId);
  if (!el || el.closest('[hidden]')) {
    showView('form');
    el = document.getElementById(domId);
  }
  if (!el) return false;
  el.scrollIntoView?.({ block: 'center' });
  el.focus();
  return document.activeElement === el;
}
