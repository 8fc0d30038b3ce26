// Ruled tables of a PDF page from their drawn lines. Lines that touch form one table; the
// distinct heights of its horizontal lines and the distinct positions of its vertical lines make
// a grid, and two neighbouring grid cells are one cell wherever the line between them is not
// drawn: that gives exact row and column spans, as in the .docx the PDF was made from.
import type { SourceCell } from './source';
import { joinLine, linesOf, type Glyph } from './pdf-text';

/** An axis-parallel line in page coordinates (y down): `at` is y for 'h' and x for 'v'. */
export interface Rule {
  dir: 'h' | 'v';
  at: number;
  from: number;
  to: number;
}

export interface LatticeTable {
  top: number;
  /** Positions of the grid's vertical lines: a table broken by a page goes on where they match. */
  columns: number[];
  rows: SourceCell[][];
}

const TOL = 1.5;
/** Grid lines closer than this are one line drawn twice (double borders, cell-by-cell strokes). */
const MERGE = 3;

function _find(parent: number[], i: number): number {
  while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
  return i;
}
const _union = (parent: number[], a: number, b: number) => {
  parent[_find(parent, a)] = _find(parent, b);
};

/** Distinct positions, merging those within MERGE points. */
function _levels(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= MERGE) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** Grid positions widened to the ends of the crossing lines where those reach past the outermost one. */
function _edges(levels: number[], crossing: Rule[]): number[] {
  if (!levels.length || !crossing.length) return levels;
  const from = Math.min(...crossing.map((r) => r.from));
  const to = Math.max(...crossing.map((r) => r.to));
  const out = [...levels];
  if (from < out[0]! - MERGE * 2) out.unshift(from);
  if (to > out[out.length - 1]! + MERGE * 2) out.push(to);
  return out;
}

/** True when rules of direction `dir` at `at` cover most of the interval [a, b]. */
function _covered(rules: Rule[], at: number, a: number, b: number): boolean {
  const len = b - a;
  if (len <= 0) return true;
  let covered = 0;
  const pieces = rules
    .filter((r) => Math.abs(r.at - at) <= MERGE && r.to > a && r.from < b)
    .map((r) => [Math.max(a, r.from), Math.min(b, r.to)] as [number, number])
    .sort((x, y) => x[0] - y[0]);
  let end = a;
  for (const [s, e] of pieces) {
    if (e <= end) continue;
    covered += e - Math.max(s, end);
    end = e;
  }
  return covered >= len * 0.6;
}

/** Groups of rules that touch one another: one group per table. */
function _groups(rules: Rule[]): Rule[][] {
  const parent = rules.map((_, i) => i);
  const hs = rules.map((r, i) => ({ r, i })).filter((x) => x.r.dir === 'h');
  const vs = rules.map((r, i) => ({ r, i })).filter((x) => x.r.dir === 'v');
  for (const h of hs) {
    for (const v of vs) {
      if (v.r.at >= h.r.from - TOL && v.r.at <= h.r.to + TOL && h.r.at >= v.r.from - TOL && h.r.at <= v.r.to + TOL) _union(parent, h.i, v.i);
    }
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const root = _find(parent, i);
    groups.set(root, [...(groups.get(root) ?? []), r]);
  });
  return [...groups.values()];
}

function _table(rules: Rule[], glyphs: Glyph[], taken: Set<Glyph>): LatticeTable | null {
  const h = rules.filter((r) => r.dir === 'h');
  const v = rules.filter((r) => r.dir === 'v');
  // A table may leave its outer sides open (no left/right border, or no top/bottom rule): the
  // ends of the lines across it are then its edges.
  const ys = _edges(_levels(h.map((r) => r.at)), v);
  const xs = _edges(_levels(v.map((r) => r.at)), h);
  if (ys.length < 2 || xs.length < 2) return null;
  const R = ys.length - 1;
  const C = xs.length - 1;
  if (R * C < 2) return null; // one box round a paragraph is not a table
  const id = (r: number, c: number) => r * C + c;
  const parent = Array.from({ length: R * C }, (_, i) => i);
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      if (c + 1 < C && !_covered(v, xs[c + 1]!, ys[r]!, ys[r + 1]!)) _union(parent, id(r, c), id(r, c + 1));
      if (r + 1 < R && !_covered(h, ys[r + 1]!, xs[c]!, xs[c + 1]!)) _union(parent, id(r, c), id(r + 1, c));
    }
  }
  const boxes = new Map<number, { r0: number; c0: number; r1: number; c1: number; glyphs: Glyph[] }>();
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const root = _find(parent, id(r, c));
      const b = boxes.get(root);
      if (!b) boxes.set(root, { r0: r, c0: c, r1: r, c1: c, glyphs: [] });
      else Object.assign(b, { r0: Math.min(b.r0, r), c0: Math.min(b.c0, c), r1: Math.max(b.r1, r), c1: Math.max(b.c1, c) });
    }
  }
  const _index = (levels: number[], v: number) => {
    for (let k = 0; k + 1 < levels.length; k++) if (v >= levels[k]! && v < levels[k + 1]!) return k;
    return -1;
  };
  for (const g of glyphs) {
    if (taken.has(g)) continue;
    const cx = g.x + Math.min(g.w, g.size * 2) / 2; // the first characters decide: a long item may overrun its cell
    const cy = g.y - g.size * 0.35;
    const r = _index(ys, cy);
    const c = _index(xs, cx);
    if (r < 0 || c < 0) continue;
    boxes.get(_find(parent, id(r, c)))!.glyphs.push(g);
    taken.add(g);
  }
  const byStart = new Map<number, typeof boxes extends Map<number, infer B> ? B : never>();
  for (const b of boxes.values()) byStart.set(id(b.r0, b.c0), b);
  const rows: SourceCell[][] = [];
  for (let r = 0; r < R; r++) {
    const row: SourceCell[] = [];
    for (const b of [...boxes.values()].filter((x) => x.r0 <= r && x.r1 >= r).sort((a, b2) => a.c0 - b2.c0)) {
      const span = b.c1 - b.c0 + 1;
      if (r === b.r0) row.push({ text: linesOf(b.glyphs).map(joinLine).join(''), col: b.c0, span });
      else row.push({ text: '', col: b.c0, span, covered: true });
    }
    rows.push(row);
  }
  // Drop rows that are empty layout (a sliver between double lines holding no text).
  const kept = rows.filter((row, r) => ys[r + 1]! - ys[r]! > 4 || row.some((c) => c.text));
  return { top: ys[0]!, columns: xs, rows: kept };
}

/** Ruled tables on a page, and the glyphs outside them. */
export function layoutTables(rules: Rule[], glyphs: Glyph[]): { tables: LatticeTable[]; rest: Glyph[] } {
  const taken = new Set<Glyph>();
  const tables: LatticeTable[] = [];
  for (const group of _groups(rules)) {
    const t = _table(group, glyphs, taken);
    if (t && t.rows.some((row) => row.some((c) => c.text))) tables.push(t);
  }
  return { tables, rest: glyphs.filter((g) => !taken.has(g)) };
}
