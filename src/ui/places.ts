// The one module that knows how places of the report are named in the DOM and moves focus to
// them. Everything that leads the clerk somewhere (findings panel, export lists, a reopened
// draft) goes through goTo / restoreWhereabouts; the form's components take their ids from here.
import { flushSync } from 'react-dom';
import type { FactField, Place, Whereabouts } from '../core';
import type { ReportStore } from '../store/report-store';

const FACT_IDS: Record<FactField, string> = {
  name: 'fact-organ',
  titleName: 'fact-title-name',
  level: 'fact-level',
  year: 'fact-year',
  written: 'fact-written',
  deadline: 'fact-deadline',
  office: 'fact-office',
  phone: 'fact-phone',
  email: 'fact-email',
  website: 'fact-website',
};

const CELL = 'cell-';
const SECTION = 'section-';

export const domId = {
  cell: (id: string) => `${CELL}${id}`,
  /** The line under a grid saying why a cell's text was refused. */
  refusal: (id: string) => `refusal-${id}`,
  text: (slot: string) => `text-${slot}`,
  fact: (field: FactField) => FACT_IDS[field],
  /** A field of the 信息处理费 statement (status, notices, amount, collectedAmount). */
  fee: (field: string) => `fee-${field}`,
  section: (id: string) => `${SECTION}${id}`,
  sectionHeading: (id: string) => `${SECTION}${id}-h`,
  viewTab: (view: string) => `view-tab-${view}`,
  viewPanel: (view: string) => `view-${view}`,
};

export function placeDomId(place: Place): string {
  switch (place.kind) {
    case 'cell':
      return domId.cell(place.cell);
    case 'text':
      return domId.text(place.slot);
    case 'fact':
      return domId.fact(place.field);
  }
}

/** Where a focused element of the form is: its section, and its cell or (any other field) its id. */
export function whereaboutsOf(el: Element): Whereabouts {
  const section = el.closest(`section[id^="${SECTION}"]`)?.id.slice(SECTION.length);
  const where: Whereabouts = section ? { section } : {};
  if (el.id.startsWith(CELL)) return { ...where, cell: el.id.slice(CELL.length) };
  if (el.id && el.matches('input, textarea, select')) return { ...where, field: el.id };
  return where;
}

type Views = Pick<ReportStore, 'setView'>;

/** Focus the element with this id, showing 填写 first when it sits in a hidden tab. */
function focusElement(store: Views, id: string): boolean {
  let el = document.getElementById(id);
  if (!el || el.closest('[hidden]')) {
    flushSync(() => store.setView('form'));
    el = document.getElementById(id);
  }
  if (!el) return false;
  el.scrollIntoView?.({ block: 'center' });
  el.focus();
  return document.activeElement === el;
}

/** Lead the clerk to a place: its field gets focus (a computed total is scrolled to). */
export function goTo(store: Views, place: Place | null | undefined): boolean {
  return place ? focusElement(store, placeDomId(place)) : false;
}

/**
 * After a report is opened: back to where the clerk was (the cell or field, else the section), in
 * the tab shown. Runs in an effect, so it never switches tabs (that would render during a render).
 */
export function restoreWhereabouts(where: Whereabouts): void {
  const id = where.cell ? domId.cell(where.cell) : where.field;
  const el = id ? document.getElementById(id) : null;
  if (el && !el.closest('[hidden]')) {
    el.scrollIntoView?.({ block: 'center' });
    el.focus();
    return;
  }
  if (where.section) document.getElementById(domId.section(where.section))?.scrollIntoView?.({ block: 'start' });
}

/** Scroll the window so that `el` is not hidden under `cover` (the export's panel over the page). */
export function revealBelow(el: Element | null, cover: Element | null, gap = 8): void {
  if (!el || !cover) return;
  const c = cover.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  const overlaps = r.bottom > c.top && r.top < c.bottom + gap && r.right > c.left && r.left < c.right;
  if (overlaps && c.height > 0) window.scrollBy?.(0, r.top - (c.bottom + gap));
}
