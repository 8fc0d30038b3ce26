// The county 汇总: the units' grids summed cell by cell (exact, in 0.0001 units), with how many
// units stand behind each total; and the county's own published report compared with that sum
// (parent = Σ children), each difference with the units behind it.
import { computeValues, createReport, fromUnits, toUnits, type Report, type Template } from '../core';

export interface SumPart {
  id: string;
  organ: string;
  report: Report;
}

export interface CountySum {
  report: Report;
  /** For each cell (input and computed), how many units hold a number there. */
  behind: Record<string, number>;
  /** The computed values of the sum (what the grids show). */
  values: Map<string, number | null>;
}

export interface SumOptions {
  organ?: string;
  year?: number;
  /** The level of the new report; the county government's by default. */
  level?: string;
}

/** The level id a county's own report has (a template names its levels; this one is the county government). */
export const COUNTY_LEVEL = 'county-government';

function _sumFee(parts: SumPart[]): Report['fee'] {
  const fees = parts.map((p) => p.report.fee);
  const total = (get: (f: Report['fee']) => number | null) => {
    const known = fees.map(get).filter((v): v is number => v != null);
    return known.length ? fromUnits(known.reduce((s, v) => s + toUnits(v), 0)) : null;
  };
  const status = fees.some((f) => f.status === 'collected') ? 'collected' : fees.length && fees.every((f) => f.status === 'none') ? 'none' : null;
  return { status, notices: total((f) => f.notices), amount: total((f) => f.amount), collectedAmount: total((f) => f.collectedAmount) };
}

/** Σ of the parts' grids, as a new report of the same template (values of input cells; totals computed). */
export function sumReports(template: Template, parts: SumPart[], options: SumOptions = {}): CountySum {
  const year = options.year ?? parts[0]?.report.year ?? new Date().getFullYear();
  const report = createReport(template, year);
  const level = options.level ?? COUNTY_LEVEL;
  report.organ = { name: options.organ ?? '', level: template.spec.organLevels.some((l) => l.id === level) ? level : null };
  const partValues = parts.map((p) => computeValues(template, p.report));
  const behind: Record<string, number> = {};
  for (const cell of template.cells.values()) {
    let units = 0;
    let n = 0;
    for (const values of partValues) {
      const v = values.get(cell.id);
      if (v == null) continue;
      units += toUnits(v);
      n++;
    }
    behind[cell.id] = n;
    if (!cell.computed && n > 0) report.values[cell.id] = fromUnits(units);
  }
  report.fee = _sumFee(parts);
  return { report, behind, values: computeValues(template, report) };
}

export interface Difference {
  cell: string;
  parent: number | null;
  sum: number | null;
  /** parent − Σ children (blank counts as 0). */
  diff: number;
  /** The children holding a number other than 0 in this cell: the ones to look at. */
  units: { id: string; organ: string; value: number }[];
}

/** The cells where the parent's report differs from the sum of its children's (a blank and 0 are not told apart). */
export function compareWithParts(template: Template, parent: Report, parts: SumPart[]): Difference[] {
  const mine = computeValues(template, parent);
  const { values } = sumReports(template, parts);
  const partValues = parts.map((p) => ({ part: p, values: computeValues(template, p.report) }));
  const out: Difference[] = [];
  for (const cell of template.cells.values()) {
    const p = mine.get(cell.id) ?? null;
    const s = values.get(cell.id) ?? null;
    const diff = toUnits(p ?? 0) - toUnits(s ?? 0);
    if (diff === 0) continue;
    const units = partValues
      .map(({ part, values: v }) => ({ id: part.id, organ: part.organ, value: v.get(cell.id) ?? 0 }))
      .filter((u) => u.value !== 0);
    out.push({ cell: cell.id, parent: p, sum: s, diff: fromUnits(diff), units });
  }
  return out;
}
