// Effective values of every cell: typed values for input cells, and for computed cells the
// printed total (imported reports) or else the sum of their items. Pure and synchronous.
import type { CellId } from '../template/resolve';
import type { Template } from '../template/load';
import type { Report } from './schema';
import { fromUnits, toUnits } from './amount';

export type CellValues = ReadonlyMap<CellId, number | null>;

/** The value a sum computes from the given values; null when every item is blank. */
export function computeCell(template: Template, id: CellId, get: (id: CellId) => number | null): number | null {
  const eq = template.computedBy.get(id);
  if (!eq) return get(id);
  let units = 0;
  let any = false;
  for (const item of eq.items) {
    const v = get(item.cell);
    if (v === null) continue;
    any = true;
    units += item.weight * toUnits(v);
  }
  return any ? fromUnits(units) : null;
}

export function computeValues(template: Template, report: Pick<Report, 'values' | 'printed'>): Map<CellId, number | null> {
  const out = new Map<CellId, number | null>();
  const get = (id: CellId): number | null => {
    const known = out.get(id);
    if (known !== undefined) return known;
    const cell = template.cells.get(id);
    let v: number | null;
    if (!cell) v = null;
    else if (!cell.computed) v = report.values[id] ?? null;
    else v = report.printed?.[id] ?? computeCell(template, id, get);
    out.set(id, v);
    return v;
  };
  for (const id of template.cells.keys()) get(id);
  return out;
}

/** True when a cell and everything it is computed from hold a number (XBRL "binding"). */
export function isComplete(template: Template, report: Pick<Report, 'values' | 'printed'>, id: CellId): boolean {
  const cell = template.cells.get(id);
  if (!cell) return false;
  if (!cell.computed) return report.values[id] != null;
  if (report.printed?.[id] != null) return true;
  const eq = template.computedBy.get(id);
  return !!eq && eq.items.every((i) => isComplete(template, report, i.cell));
}
