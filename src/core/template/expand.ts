// Expands "for each row / column" equations of the template (sums and rules) into concrete cell
// equations. A sum defines both a computed cell and the check of a printed total (XBRL-style).
import type { GridSpec, TermSpec } from './schema';
import { cellId, type CellId, type ResolvedGrid } from './resolve';

export interface Term {
  cell: CellId;
  /** The id used in the template (row id for each=column, column id for each=row). */
  ref: string;
  weight: number;
  from: 'this' | 'previous';
}

export interface Along {
  grid: string;
  each: 'row' | 'column';
  over?: string[] | undefined;
}

export interface Instance {
  /** The row (each=row) or column (each=column) this instance holds in. */
  at: string;
  /** Builds a term of this instance from a template term. */
  term: (spec: TermSpec) => Term;
}

export function toTerm(spec: TermSpec): { ref: string; weight: number; from: 'this' | 'previous' } {
  return typeof spec === 'string'
    ? { ref: spec, weight: 1, from: 'this' }
    : { ref: spec.ref, weight: spec.weight ?? 1, from: spec.from ?? 'this' };
}

/** Every row or column of the grid in which all `refs` name existing cells. */
export function expandAlong(grid: ResolvedGrid, along: Along, refs: string[]): Instance[] {
  const ids = new Set(grid.cells.map((c) => c.id));
  const candidates = along.over ?? (along.each === 'row' ? grid.rowIds : grid.columnIds);
  const at = (a: string, ref: string) => (along.each === 'row' ? cellId(grid.id, a, ref) : cellId(grid.id, ref, a));
  return candidates
    .filter((a) => refs.every((ref) => ids.has(at(a, ref))))
    .map((a) => ({
      at: a,
      term: (spec) => {
        const t = toTerm(spec);
        return { ...t, cell: at(a, t.ref) };
      },
    }));
}

export type { GridSpec };
