// A set of loaded templates, looked up by id. Adapters supply the JSON (fs in Node, a Vite glob
// in the browser), so adding a template is adding a file under templates/.
import { loadTemplate, type Template } from './load';

export interface TemplateRegistry {
  all: Template[];
  get: (id: string) => Template | undefined;
  /** The template in force for a report year (the newest whose years include it). */
  forYear: (year: number) => Template | undefined;
}

export function createRegistry(jsons: unknown[]): TemplateRegistry {
  const all = jsons.map(loadTemplate);
  const byId = new Map(all.map((t) => [t.id, t]));
  return {
    all,
    get: (id) => byId.get(id),
    forYear: (year) =>
      all
        .filter((t) => t.spec.years.from <= year && (t.spec.years.to ?? Infinity) >= year)
        .sort((a, b) => b.spec.years.from - a.spec.years.from)[0],
  };
}
