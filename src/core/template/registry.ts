// A set of loaded templates, looked up by id. Adapters supply the JSON (fs in Node, a Vite glob
// in the browser), so adding a template is adding a file under templates/.
import { loadTemplate, type Template } from './load';

export interface TemplateRegistry {
  all: Template[];
  get: (id: string) => Template | undefined;
  /** The template in force for a report year (the newest whose years include it). */
  forYear: (year: number) => Template | undefined;
}

const _inForce = (templates: Template[], year: number) =>
  templates
    .filter((t) => t.spec.years.from <= year && (t.spec.years.to ?? Infinity) >= year)
    .sort((a, b) => b.spec.years.from - a.spec.years.from)[0];

export function createRegistry(jsons: unknown[]): TemplateRegistry {
  const all = jsons.map(loadTemplate);
  const byId = new Map(all.map((t) => [t.id, t]));
  return {
    all,
    get: (id) => byId.get(id),
    forYear: (year) => _inForce(all, year),
  };
}

/** A template known by its id before its JSON is loaded (with import(), in the browser). */
export interface TemplateSource {
  id: string;
  load: () => Promise<unknown>;
}

/**
 * A registry that holds some templates from the start and loads the others when asked (the app
 * ships only the current one in its first screen's code). `all`, `get` and `forYear` answer from
 * the templates loaded so far: a template not yet loaded is not found, and never another is taken
 * for it. Whoever may meet a report of any template (opening a file or a draft, importing,
 * starting another year) first awaits `load(id)` or `loadAll()`.
 */
export interface LoadingRegistry extends TemplateRegistry {
  /** The template with this id, loaded once; undefined for an id no source has. */
  load: (id: string) => Promise<Template | undefined>;
  /** Every template loaded; resolves to this registry, complete from then on. */
  loadAll: () => Promise<TemplateRegistry>;
}

/** `read` turns a template's JSON into a Template: loadTemplate, or resolveTemplate for files validated when built. */
export function createLoadingRegistry(loaded: unknown[], sources: TemplateSource[], read: (json: unknown) => Template): LoadingRegistry {
  const byId = new Map<string, Template>();
  for (const t of loaded.map(read)) byId.set(t.id, t);
  const pending = new Map<string, Promise<Template | undefined>>();
  const load = (id: string): Promise<Template | undefined> => {
    const have = byId.get(id);
    if (have) return Promise.resolve(have);
    const source = sources.find((s) => s.id === id);
    if (!source) return Promise.resolve(undefined);
    let p = pending.get(id);
    if (!p) {
      p = source.load().then((json) => {
        const t = read(json);
        if (t.id !== id) throw new Error(`模板文件 ${id} 中的 id 是 ${t.id}`);
        byId.set(id, t);
        return t;
      });
      // A failed load (a chunk the network lost) is tried again on the next request.
      p.catch(() => pending.delete(id));
      pending.set(id, p);
    }
    return p;
  };
  const registry: LoadingRegistry = {
    get all() {
      return [...byId.values()];
    },
    get: (id) => byId.get(id),
    forYear: (year) => _inForce([...byId.values()], year),
    load,
    loadAll: async () => {
      await Promise.all(sources.map((s) => load(s.id)));
      return registry;
    },
  };
  return registry;
}
