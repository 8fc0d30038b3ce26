// Which reading of each row is certain. A row whose separators leave one reading is certain as
// printed. A digit run with several readings is settled by the template's sums (row totals and
// column totals, using the rows already settled): exactly one reading must satisfy every sum that
// can be evaluated. When the published sums themselves are broken, one reading may still be the
// only one that satisfies the row's own sums or the only one that satisfies the columns'; it is
// taken only when both views do not disagree. Anything else stays uncertain: never a guess.
import type { CellId, Equation, Template } from '../core';
import type { Printed } from './split-run';
import type { RowReading } from './walk-grid';

export interface Settled {
  reading: RowReading;
  /** The values read, cell by cell; null when the row stays uncertain. */
  values: Printed[] | null;
  /** How the values were chosen. */
  how: 'printed' | 'sums' | 'sums-broken' | 'placed' | 'uncertain';
  /** The readings the sums leave (all of them when no sum could be evaluated). */
  remaining: Printed[][];
}

function _equations(template: Template): Equation[] {
  return template.equations.filter((e) => e.items.every((t) => t.from === 'this'));
}

type Lookup = (id: CellId) => number | null | undefined;
type Check = (values: Lookup) => boolean | undefined;

/** An equation as a check: undefined when a cell it needs is unknown or blank. */
function _check(eq: Equation): Check {
  return (values) => {
    const total = values(eq.total);
    if (total === undefined || total === null) return undefined;
    let sum = 0;
    for (const t of eq.items) {
      const v = values(t.cell);
      if (v === undefined || v === null) return undefined;
      sum += t.weight * v;
    }
    return Math.abs(sum - total) < 1e-9;
  };
}

export function settleRows(readings: RowReading[], template: Template, known: Map<CellId, number | null>): Settled[] {
  const eqs = _equations(template);
  const result = readings.map((reading): Settled => ({ reading, values: null, how: 'uncertain', remaining: reading.candidates }));
  const accept = (s: Settled, values: Printed[], how: Settled['how']) => {
    s.values = values;
    s.how = how;
    s.reading.cells.forEach((id, i) => known.set(id, values[i]!));
  };
  for (const s of result) {
    if (!s.reading.parentRow && s.reading.forced && s.reading.candidates.length === 1) accept(s, s.reading.candidates[0]!, 'printed');
  }
  const open = () => result.filter((s) => s.how === 'uncertain' && !s.reading.parentRow && !s.reading.spill && (s.reading.candidates.length > 1 || (s.reading.candidates.length === 1 && !s.reading.forced)));
  const relevant = (s: Settled) => {
    const mine = new Set(s.reading.cells);
    const touching = eqs.filter((e) => mine.has(e.total) || e.items.some((t) => mine.has(t.cell)));
    const inRow = (e: Equation) => [e.total, ...e.items.map((t) => t.cell)].every((id) => mine.has(id));
    return { row: touching.filter(inRow).map(_check), column: touching.filter((e) => !inRow(e)).map(_check) };
  };
  const passing = (s: Settled, checks: Check[]) => {
    const ok: Printed[][] = [];
    let evaluated = false;
    const at = new Map(s.reading.cells.map((id, i) => [id, i]));
    for (const cand of s.reading.candidates) {
      const values: Lookup = (id) => {
        const i = at.get(id);
        return i === undefined ? known.get(id) : cand[i];
      };
      const verdicts = checks.map((c) => c(values));
      if (verdicts.some((v) => v !== undefined)) evaluated = true;
      if (verdicts.every((v) => v !== false)) ok.push(cand);
    }
    return evaluated ? ok : null;
  };
  // Rows placed from one run printed after one label: read together when the sums confirm every one.
  for (const group of new Set(result.flatMap((s) => (s.reading.spill ? [s.reading.spill] : [])))) {
    const members = result.filter((s) => s.reading.spill === group);
    const before = new Map(members.flatMap((s) => s.reading.cells.map((id) => [id, known.get(id)] as const)));
    members.forEach((s) => s.reading.cells.forEach((id, i) => known.set(id, s.reading.candidates[0]![i]!)));
    const checks = members.map((s) => {
      const { row, column } = relevant(s);
      return { byRow: passing(s, row), all: passing(s, [...row, ...column]) };
    });
    if (members.length === group.readings.length && checks.every((c) => c.byRow?.length === 1 && c.all?.length === 1)) {
      members.forEach((s) => accept(s, s.reading.candidates[0]!, 'placed'));
      continue;
    }
    before.forEach((v, id) => (v === undefined ? known.delete(id) : known.set(id, v)));
    // A sum that fails leaves no reading; sums that cannot be evaluated leave the placement unconfirmed.
    if (checks.some((c) => c.all?.length === 0)) members.forEach((s) => (s.remaining = []));
  }
  // Settle what the sums decide, again and again: each settled row may decide another.
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of open()) {
      const { row, column } = relevant(s);
      const all = passing(s, [...row, ...column]);
      if (all?.length) s.remaining = all;
      if (all && all.length === 1) {
        accept(s, all[0]!, 'sums');
        changed = true;
      }
    }
  }
  for (const s of open()) {
    if (!s.reading.runTogether) continue;
    const { row, column } = relevant(s);
    if (passing(s, [...row, ...column])?.length !== 0) continue; // several readings remain
    const byRow = passing(s, row) ?? [];
    const byColumn = passing(s, column) ?? [];
    const union = new Map([...byRow, ...byColumn].map((c) => [c.join(','), c]));
    if (union.size === 1) accept(s, [...union.values()][0]!, 'sums-broken');
  }
  return result;
}
