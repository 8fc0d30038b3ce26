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
 * The same, but a change is taken once typing pauses: QUIET_MS after the last change, and at the
 * latest MAX_WAIT_MS after the first one not yet taken. The typed cell and its totals show in the
 * keystroke's own frame; what this component shows follows when the clerk stops. For the findings
 * panel, whose repaint (many lines of Chinese text) would otherwise be a frame of its own after
 * every key, landing on the next key (scripts/bench/form-typing.bench.ts). Where there are no
 * frames (jsdom, a hidden tab), it follows at once.
 */
export function useSliceAfterPaint<T>(select: (state: ReportState) => T): T {
  const store = useStore();
  const subscribe = useCallback(
    (notify: () => void) => {
      let first = 0;
      let last = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      // One timer per pause, not per keystroke: it looks again at when the last change came.
      const check = () => {
        const now = performance.now();
        const wait = Math.min(last + QUIET_MS, first + MAX_WAIT_MS) - now;
        if (wait > 0) {
          timer = setTimeout(check, wait);
          return;
        }
        timer = undefined;
        notify();
      };
      const later = () => {
        if (_atOnce()) return notify();
        last = performance.now();
        if (timer !== undefined) return;
        first = last;
        timer = setTimeout(check, QUIET_MS);
      };
      const unsubscribe = store.subscribe(later);
      return () => {
        unsubscribe();
        if (timer !== undefined) clearTimeout(timer);
      };
    },
    [store],
  );
  return useSyncExternalStore(subscribe, () => select(store.getState()));
}

/** A pause in typing: this long with no change. */
const QUIET_MS = 200;
/** Typing without a pause still shows its changes this often. */
const MAX_WAIT_MS = 1000;

/** No frames to wait for: jsdom (component tests), or a page that is not shown. */
function _atOnce(): boolean {
  return typeof requestAnimationFrame !== 'function' || typeof document === 'undefined' || document.visibilityState !== 'visible' || /jsdom/.test(navigator.userAgent);
}
