// One entry point for the CLI and the app: the template is chosen by the grid the source prints,
// not by its year, so a 2022 report printed on the superseded 2019 grid imports into the 2019
// template (and the rule on templates used outside their years can say so). A source without
// any distinguishing label takes the template in force for the year it names.
import type { Template, TemplateRegistry } from '../core';
import { defaultHints } from './hints';
import { detectFormat, importSource } from './import-report';
import type { ImportOptions, ImportResult } from './notes';
import type { SourceDoc } from './source';

export interface AnyImportResult extends ImportResult {
  template: Template;
}

export function importAny(source: SourceDoc, registry: TemplateRegistry, options: ImportOptions = {}): AnyImportResult {
  const names = (id: string) => {
    const t = registry.get(id);
    return t ? `${t.spec.name}（${t.spec.basis}）` : id;
  };
  const hints = options.hints ?? defaultHints(names);
  const opts = { ...options, hints };
  const format = detectFormat(source, hints);
  const byGrid = format ? registry.get(hints.formats.find((f) => f.id === format.id)?.template ?? '') : undefined;
  if (byGrid) {
    const result = importSource(source, byGrid, opts);
    const { years } = byGrid.spec;
    const year = result.report.year;
    if (year < years.from || (years.to !== undefined && year > years.to)) {
      const quirks = new Set(result.report.source?.quirks ?? []);
      quirks.add('superseded-grid');
      if (result.report.source) result.report.source.quirks = [...quirks];
    }
    return { ...result, template: byGrid };
  }
  const newest = [...registry.all].sort((a, b) => b.spec.years.from - a.spec.years.from)[0]!;
  const first = importSource(source, newest, opts);
  const forYear = registry.forYear(first.report.year);
  if (!forYear || forYear === newest) return { ...first, template: newest };
  return { ...importSource(source, forYear, opts), template: forYear };
}
