// The drafts session's view of the form's report store: the report, the refused cell text, the
// error count (the store's verdict) and where the clerk is (the store's whereabouts).
import type { ReportStore } from '../../store/report-store';
import type { EditorPort } from '../../drafts/session';

export function storePort(store: ReportStore): EditorPort {
  let seen: unknown;
  let refusals: Readonly<Record<string, string>> = {};
  return {
    getReport: () => store.getState().report,
    getFocus: () => store.getState().focus,
    getRefusals() {
      const map = store.getState().refusals;
      if (map !== seen) {
        seen = map;
        refusals = Object.fromEntries([...map.values()].map((r) => [r.cell, r.raw]));
      }
      return refusals;
    },
    subscribe: (listener) => store.subscribe(listener),
    // The form goes back to `where` once it has drawn the report (ReportForm, on the store's load).
    load(report, where, refused) {
      store.load(report, where);
      for (const [cell, raw] of Object.entries(refused)) {
        const c = store.template.cells.get(cell);
        if (c && !c.computed) store.typeCell(cell, raw);
      }
    },
    errors: () => store.errors(),
  };
}
