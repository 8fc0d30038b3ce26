// React's view of the report store: one subscription per slice. A selector must return a value
// that stays identical (===) while its slice is unchanged, so only the affected parts re-render.
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { CellId } from '../core';
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

/**
 * A slice of one cell's own part of the state (its values, refused text, findings, printed total):
 * asked again only when the store says that cell changed (`subscribeCell`), so a keystroke asks
 * the few cells it changed, not all 200.
 */
export function useCellSlice<T>(id: CellId, select: (state: ReportState) => T): T {
  const store = useStore();
  const subscribe = useCallback((listener: () => void) => store.subscribeCell(id, listener), [store, id]);
  return useSyncExternalStore(subscribe, () => select(store.getState()));
}

/** The same, for a store passed by hand (outside the form's provider, e.g. a toolbar). */
export function useSliceOf<T>(store: ReportStore, select: (state: ReportState) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}

/**
 * The same, but a change is taken after the browser has painted the frame of the keystroke
 * (requestAnimationFrame, then a task): the typed cell and its totals show first, and what this
 * component shows follows one frame later. For the findings panel, whose repaint (many lines of
 * Chinese text) would otherwise add a frame to every keystroke (scripts/bench/form-typing.bench.ts).
 * Where there are no frames (jsdom, a hidden tab), it follows at once.
 */
export function useSliceAfterPaint<T>(select: (state: ReportState) => T): T {
  const store = useStore();
  const subscribe = useCallback(
    (notify: () => void) => {
      let pending = false;
      const later = () => {
        if (pending) return;
        if (_atOnce()) return notify();
        pending = true;
        requestAnimationFrame(() =>
          setTimeout(() => {
            pending = false;
            notify();
          }, AFTER_PAINT_MS),
        );
      };
      return store.subscribe(later);
    },
    [store],
  );
  return useSyncExternalStore(subscribe, () => select(store.getState()));
}

/** How long after the keystroke's frame the panel follows: past that frame's raster and presentation. */
const AFTER_PAINT_MS = 80;

/** No frames to wait for: jsdom (component tests), or a page that is not shown. */
function _atOnce(): boolean {
  return typeof requestAnimationFrame !== 'function' || typeof document === 'undefined' || document.visibilityState !== 'visible' || /jsdom/.test(navigator.userAgent);
}
