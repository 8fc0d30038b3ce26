// Where something in a report is: a grid cell, a text slot, or a field of the report's facts.
// Findings and refused inputs carry a Place; the app turns it into a DOM element (src/ui/places.ts),
// the CLI into words. Data only: no labels here.
import type { CellId } from './template/resolve';
import type { Template } from './template/load';

/** The facts of a report outside its sections, by the name the form and messages use. */
export const FACT_FIELDS = ['name', 'titleName', 'level', 'year', 'written', 'deadline', 'office', 'phone', 'email', 'website'] as const;
export type FactField = (typeof FACT_FIELDS)[number];

export type Place = { kind: 'cell'; cell: CellId } | { kind: 'text'; slot: string } | { kind: 'fact'; field: FactField };

export const isFactField = (s: string): s is FactField => (FACT_FIELDS as readonly string[]).includes(s);

/** A report path of a facts field ('organ.name', 'dates.written', 'year') → the field. */
export function factOfPath(path: string): FactField | null {
  const field = path.split('.').pop() ?? '';
  return isFactField(field) ? field : null;
}

/** What a finding needs to be placed (the fields checkReport fills). */
interface Placeable {
  rule: string;
  cells: readonly CellId[];
  text?: string;
  params: Record<string, string | number>;
}

/**
 * Where a finding leads: its first input cell, else its first cell, else its text slot, else the
 * facts field it names by `params.path` (e.g. 成文日期); a deadline finding leads to 成文日期.
 * Null for a finding about the report as a whole.
 */
export function placeOfFinding(template: Template, finding: Placeable): Place | null {
  const cell = finding.cells.find((c) => template.cells.get(c)?.computed === false) ?? finding.cells[0];
  if (cell) return { kind: 'cell', cell };
  if (finding.text) return { kind: 'text', slot: finding.text };
  const field = typeof finding.params.path === 'string' ? factOfPath(finding.params.path) : null;
  if (field) return { kind: 'fact', field };
  return template.rules.find((r) => r.id === finding.rule)?.kind === 'deadline' ? { kind: 'fact', field: 'written' } : null;
}

export function samePlace(a: Place | null | undefined, b: Place | null | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'cell') return b.kind === 'cell' && a.cell === b.cell;
  if (a.kind === 'text') return b.kind === 'text' && a.slot === b.slot;
  return b.kind === 'fact' && a.field === b.field;
}

/**
 * Where the clerk is in the form, as a draft keeps it: the section and the place last focused.
 * `cell` and `field` are the stored shape (drafts written before places existed keep working):
 * `field` is a facts field or a text slot's element id.
 */
export interface Whereabouts {
  section?: string;
  cell?: CellId;
  field?: string;
}
