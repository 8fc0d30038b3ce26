// The facts' schema (facts-schema.ts, with zod and the report schema under it) on demand: the
// first screen shows the fields without it and starts loading it once the browser is idle, so it
// is there before anyone types; a check that comes sooner waits for it.
type FactsSchemaModule = typeof import('./facts-schema');

let _module: FactsSchemaModule | undefined;
let _loading: Promise<FactsSchemaModule> | undefined;

/** The module, loaded once; a failed load is tried again by the next call. */
export function loadFactsSchema(): Promise<FactsSchemaModule> {
  _loading ??= import('./facts-schema').then(
    (m) => (_module = m),
    (e: unknown) => {
      _loading = undefined;
      throw e;
    },
  );
  return _loading;
}

/** The module when it has loaded (a check can then run at once), else undefined. */
export const loadedFactsSchema = (): FactsSchemaModule | undefined => _module;

/** Starts loading when the browser is next idle; returns the cancel. */
export function preloadFactsSchema(): () => void {
  const start = () => void loadFactsSchema().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(start, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(start, 0);
  return () => clearTimeout(id);
}
