// React's view of the report store: one subscription per slice. A selector must return a value
// that stays identical (===) while its slice is unchanged, so only the affected parts re-render.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ReportState, ReportStore } from '../store/report-store';

export const StoreContext = createContext<ReportStore | null>(null);

export function useStore(): ReportStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('ReportForm parts need a StoreContext');
  return store;
}

export function useSlice<T>(select: (state: ReportState) => T): T {
  return useSliceOf(useStore(), select);
}

/** The same, for a store passed by hand (outside the form's provider, e.g. a toolbar). */
export function useSliceOf<T>(store: ReportStore, select: (state: ReportState) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
