// What changed between two versions of a draft's content, as a short list of edits, so the page
// sends the save worker a few cells instead of the whole report on every keystroke (postMessage
// copies its message on the page's main thread). The report store never changes an object in
// place: an object that is the same object is the same content, and only the objects on the path
// to a change are compared key by key. Pure: no DOM, no IndexedDB.

/** The error a receiver of edits answers when it does not hold the content they start from. */
export const STALE_BASE = 'StaleBase';

/** One edit: the value at `path` becomes `value`, or the key at `path` is removed. */
export type Edit = { path: readonly string[]; value: unknown } | { path: readonly string[]; remove: true };

const _plain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

const _has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The edits that turn `before` into `after`; arrays and other values are replaced whole. */
export function diff(before: unknown, after: unknown): Edit[] {
  const edits: Edit[] = [];
  const walk = (a: unknown, b: unknown, path: string[]) => {
    if (a === b) return;
    if (!_plain(a) || !_plain(b)) {
      edits.push({ path, value: b });
      return;
    }
    for (const k of Object.keys(b)) {
      if (!_has(a, k)) edits.push({ path: [...path, k], value: b[k] });
      else if (a[k] !== b[k]) walk(a[k], b[k], [...path, k]);
    }
    for (const k of Object.keys(a)) if (!_has(b, k)) edits.push({ path: [...path, k], remove: true });
  };
  walk(before, after, []);
  return edits;
}

/** `base` with `edits` applied; `base` is left as it was (the objects on each path are copied once). */
export function apply<T>(base: T, edits: readonly Edit[]): T {
  const fresh = new Set<object>();
  const own = (o: unknown): Record<string, unknown> => {
    if (fresh.has(o as object)) return o as Record<string, unknown>;
    const copy = Array.isArray(o) ? ([...o] as unknown as Record<string, unknown>) : { ...(o as Record<string, unknown>) };
    fresh.add(copy);
    return copy;
  };
  let root: unknown = base;
  for (const edit of edits) {
    if (edit.path.length === 0) {
      if ('remove' in edit) throw new Error('an edit cannot remove the whole content');
      root = edit.value;
      continue;
    }
    root = own(root);
    let parent = root as Record<string, unknown>;
    for (const k of edit.path.slice(0, -1)) {
      const child = own(parent[k]);
      parent[k] = child;
      parent = child;
    }
    const last = edit.path.at(-1)!;
    if ('remove' in edit) delete parent[last];
    else parent[last] = edit.value;
  }
  return root as T;
}
