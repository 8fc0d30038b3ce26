// Code a control of the first screen needs only once it is used (the import dialog, the export):
// its button is drawn at once, the code behind it is fetched on the first click, or earlier, when
// the page is idle after the first paint, so that a click rarely waits for it.
import { useCallback, useEffect, useState } from 'react';

/** Run when the page is idle (at the latest after `timeout` ms); returns the cancel. */
export function whenIdle(run: () => void, timeout = 5000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 1000);
  return () => clearTimeout(id);
}

/** A module fetched at most once; a failed fetch (offline, nothing cached) is tried again on the next need. */
export interface OnDemand<T> {
  /** The module, once fetched. */
  readonly current: T | undefined;
  load(): Promise<T>;
}

export function onDemand<T>(fetchModule: () => Promise<T>): OnDemand<T> {
  let pending: Promise<T> | null = null;
  let current: T | undefined;
  return {
    get current() {
      return current;
    },
    load() {
      pending ??= fetchModule().then(
        (m) => (current = m),
        (e: unknown) => {
          pending = null;
          throw e;
        },
      );
      return pending;
    },
  };
}

/**
 * The module for a component: undefined until fetched, fetched when the page is idle after the
 * component mounts, or by the returned `load` (a click) before that.
 */
export function useOnDemand<T>(module: OnDemand<T>): [T | undefined, () => Promise<T>] {
  const [current, setCurrent] = useState(() => module.current);
  const load = useCallback(
    () =>
      module.load().then((m) => {
        setCurrent(() => m);
        return m;
      }),
    [module],
  );
  useEffect(() => {
    if (current) return;
    // A failure here is said when the clerk clicks (the fetch is tried again then).
    return whenIdle(() => void load().catch(() => undefined));
  }, [current, load]);
  return [current, load];
}

/** What a control says when its code could not be fetched (offline before the app was kept on this computer). */
export function loadFailure(what: string, e: unknown): string {
  const reason = e instanceof Error ? e.message : String(e);
  return `${what}未能加载（${reason}）。可能是网络已断开，而本程序尚未完整保存到本机：请连上网络后刷新页面再试。`;
}
