// Text rules run on every keystroke, over texts that mostly did not change since the last check:
// remember each result per configuration (a rule object of a loaded template, stable for the
// session) and text, keeping a bounded number of texts per configuration.
export function memoByText<C extends object, T>(fn: (text: string, config: C) => T, limit = 64): (text: string, config: C) => T {
  const caches = new WeakMap<C, Map<string, T>>();
  return (text, config) => {
    let cache = caches.get(config);
    if (!cache) caches.set(config, (cache = new Map()));
    if (cache.has(text)) return cache.get(text)!;
    const value = fn(text, config);
    if (cache.size >= limit) cache.delete(cache.keys().next().value!);
    cache.set(text, value);
    return value;
  };
}
