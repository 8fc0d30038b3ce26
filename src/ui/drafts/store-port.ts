// The drafts session's view of the form's report store: the report, the refused cell text, the
// error count, and where the clerk is (from the focus tracker).
import type { ReportStore } from '../../store/report-store';
import type { FocusTracker } from './focus';
import type { EditorPort } from '../../drafts/session';

export function storePort(store: ReportStore, focus: Pick<FocusTracker, 'get' | 'restore'>): EditorPort {
  let seen: unknown;
  let refusals: Readonly<Record<string, string>> = {};
  return {
    getReport: () => store.getState().report,
    getFocus: () => focus.get(),
    getRefusals() {
      const map = store.getState().refusals;
      if (map !== seen) {
        seen = map;
        refusals = Object.fromEntries([...map.values()].map((r) => [r.cell, r.raw]));
      }
      return refusals;
    },
    subscribe: (listener) => store.subscribe(listener),
    load(report, where, refused) {
      store.load(report);
      for (const [cell, raw] of Object.entries(refused)) {
        const c = store.template.cells.get(cell);
        if (c && !c.computed) store.typeCell(cell, raw);
      }
      focus.restore(where);
    },
    errors: () => store.getState().findings.filter((f) => f.level === 'error').length,
  };
}
