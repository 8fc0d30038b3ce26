// Column widths of a grid over the 版心, chosen from its labels and the GB/T 9704 type sizes:
// every value column holds a nine-digit number on one line (at the smallest table type at
// worst), and no header or row label wraps into an orphan (商业企/业: a last line of one or two
// characters under a longer one). Widths are counted in characters of the label type per line,
// the way a fixed-width CJK face fills a cell.
import type { ResolvedGrid } from '../template/resolve';
import { TABLE, TEXT_WIDTH, ems } from './gbt9704';
import { breakLines } from './paginate-lines';

/** What a cell's line loses besides its margins: LibreOffice takes about the ½ pt rule out too. */
const RULE = 10;
/** Widths are chosen so that a label breaks the same way whether the rule takes nothing or twice that. */
const RULE_UNCERTAINTY = 10;

/** Characters of the label type `size` that fit in one line of a cell `width` twips wide, in tenths. */
export function cellRoom(width: number, size: number, rule = RULE): number {
  return Math.floor(((width - 2 * TABLE.cellMarginX - rule) * 10) / (size * 10));
}

/** The lines a label takes in a cell, as LibreOffice and Word break Chinese text. */
export function labelLines(label: string, width: number, size: number, indent = 0): string[] {
  return breakLines([{ text: label }], cellRoom(width, size), indent * 10).map((line) => line.map((r) => r.text).join(''));
}

/**
 * An orphan: a wrapped label whose last line is shorter than three characters and shorter
 * than its first (结果/维持, broken evenly, is not one; 商业企/业 is).
 */
export function isOrphaned(lines: readonly string[]): boolean {
  if (lines.length < 2) return false;
  const last = [...lines.at(-1)!].length;
  return last < Math.min(3, [...lines[0]!].length);
}

/** Room left for digits a little wider than half a character in the face that replaces the official one. */
export const DIGIT_SLACK = 1.1;

/** Width of a value column that holds nine digits on one line at the smallest table type (digits are ½ character). */
export const NINE_DIGITS_WIDTH = Math.ceil(9 * 0.5 * TABLE.minSize * 10 * DIGIT_SLACK) + 2 * TABLE.cellMarginX;

/** Type size of a grid's labels: 小五 in a wide grid (三, 四), 五号 otherwise, whatever the numbers need. */
export function labelSize(grid: ResolvedGrid): number {
  return grid.columnCount > TABLE.denseColumns ? TABLE.denseLabelSize : TABLE.maxSize;
}

/** A label of the grid where it sits, with its line count and orphan flag per room (tenths of a character), filled on demand. */
interface Placed {
  label: string;
  indent: number;
  row: number;
  rowSpan: number;
  start: number;
  colSpan: number;
  lines: Int16Array;
  orphaned: Int8Array;
}

function _labels(grid: ResolvedGrid, starts: number[][], maxRoom: number): Placed[] {
  return grid.rows.flatMap((row, r) =>
    row.items.flatMap((item, i) =>
      item.type === 'header' && item.label
        ? [{ label: item.label, indent: item.indent ?? 0, row: r, rowSpan: item.rowSpan, start: starts[r]![i]!, colSpan: item.colSpan, lines: new Int16Array(maxRoom + 1), orphaned: new Int8Array(maxRoom + 1) }]
        : [],
    ),
  );
}

/** Lines and orphan flag of a label at a room, computed once. */
function _fit(p: Placed, room: number): { lines: number; orphaned: boolean } {
  const at = Math.max(0, Math.min(room, p.lines.length - 1));
  if (p.lines[at] === 0) {
    const lines = breakLines([{ text: p.label }], at, p.indent * 10).map((line) => line.map((r) => r.text).join(''));
    p.lines[at] = lines.length;
    p.orphaned[at] = isOrphaned(lines) ? 1 : 0;
  }
  return { lines: p.lines[at]!, orphaned: p.orphaned[at] === 1 };
}

const _sum = (xs: readonly number[], from = 0, to = xs.length) => {
  let s = 0;
  for (let i = from; i < to; i++) s += xs[i]!;
  return s;
};

/** What makes widths worse, most important first: orphans, value columns short of nine digits, extra label lines, distance from the usual share. */
type Score = [orphans: number, short: number, extraLines: number, offShare: number];

/** Orphaned at a width, whatever the rule takes within its uncertainty. */
const _orphanedAt = (p: Placed, width: number, size: number) =>
  _fit(p, cellRoom(width, size, RULE - RULE_UNCERTAINTY)).orphaned || _fit(p, cellRoom(width, size, RULE + RULE_UNCERTAINTY)).orphaned;

function _score(labels: Placed[], w: number[], size: number, rows: number, valueFrom: number, share: number): Score {
  let orphans = 0;
  const extra = new Int16Array(rows);
  for (const p of labels) {
    const width = _sum(w, p.start, p.start + p.colSpan);
    const fit = _fit(p, cellRoom(width, size));
    if (_orphanedAt(p, width, size)) orphans++;
    const last = p.row + p.rowSpan - 1;
    extra[last] = Math.max(extra[last]!, fit.lines - p.rowSpan);
  }
  const narrowest = Math.min(...w.slice(valueFrom));
  return [orphans, Math.max(0, NINE_DIGITS_WIDTH - narrowest), _sum(Array.from(extra)), Math.abs(narrowest - share)];
}

const _better = (a: Score, b: Score) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
};

/**
 * The widths. Value columns: about the same width each, a column whose own label would be
 * orphaned moved to the nearest width where it is not. Label columns: the outer ones in steps of
 * half a character, the innermost takes what is left. Of all these, the widths with the fewest
 * orphans, then value columns nearest nine digits, then the fewest extra label lines, then value
 * columns nearest the usual share (the label columns 45 % of the 版心 at least).
 */
export function computeColumnWidths(grid: ResolvedGrid, starts: number[][]): number[] {
  const labelCount = grid.labelColumns;
  const valueCount = grid.columnCount - labelCount;
  if (labelCount === 0) return spread(TEXT_WIDTH, Array(valueCount).fill(1));
  const size = labelSize(grid);
  const em = size * 10;
  const labels = _labels(grid, starts, Math.ceil((TEXT_WIDTH * 10) / em));
  const shareOfLabels = Math.max(TEXT_WIDTH - valueCount * TABLE.maxValueWidth, Math.round(TEXT_WIDTH * TABLE.labelShare));
  const share = Math.floor((TEXT_WIDTH - shareOfLabels) / valueCount);
  const narrowest = 2 * em + 2 * TABLE.cellMarginX;
  // LibreOffice sets closing punctuation at the start of a line two characters wide ((三/）不…),
  // so label columns hold three characters at least.
  const narrowestLabel = 3 * em + 2 * TABLE.cellMarginX + RULE + RULE_UNCERTAINTY;
  const ownLabels = Array.from({ length: grid.columnCount }, (_, col) => labels.filter((l) => l.start === col && l.colSpan === 1));
  const own = (col: number) => ownLabels[col]!;
  const clean = (col: number, w: number) => !own(col).some((l) => _orphanedAt(l, w, size));
  /** The width nearest above `t` (else below) at which none of the column's own labels is orphaned. */
  const snap = (col: number, t: number) => {
    for (let w = t; w <= t + 3 * em; w += em / 10) if (clean(col, w)) return w;
    for (let w = t - em / 10; w >= narrowest; w -= em / 10) if (clean(col, w)) return w;
    return t;
  };
  /** An outer label column's candidates: half-character steps up to where its own labels stand on one line, none orphaned. */
  const outerChoices = Array.from({ length: labelCount - 1 }, (_, col) => {
    const longest = Math.max(2, ...own(col).map((l) => ems(l.label) + l.indent));
    const out: number[] = [];
    for (let w = narrowestLabel; w <= Math.ceil(longest * em) + 2 * TABLE.cellMarginX + RULE; w += em / 2) if (clean(col, w)) out.push(w);
    return out;
  });
  let best: number[] = [];
  let bestScore: Score = [Infinity, Infinity, Infinity, Infinity];
  let bestTarget = narrowest;
  const tryTarget = (t: number) => {
    const values = Array.from({ length: valueCount }, (_, k) => snap(labelCount + k, t));
    const labelWidth = TEXT_WIDTH - _sum(values);
    const split = (outer: number[]) => {
      const left = labelWidth - _sum(outer);
      if (outer.length < labelCount - 1) {
        for (const w of outerChoices[outer.length]!) if (left - w >= (labelCount - outer.length - 1) * narrowestLabel) split([...outer, w]);
        return;
      }
      const w = [...outer, left, ...values];
      const score = _score(labels, w, size, grid.rows.length, labelCount, share);
      if (_better(score, bestScore)) [best, bestScore, bestTarget] = [w, score, t];
    };
    if (labelWidth >= labelCount * narrowestLabel) split([]);
  };
  // Value widths in steps of half a character, then in tenths around the best of them.
  for (let t = narrowest; t <= Math.max(share, TABLE.maxValueWidth); t += em / 2) tryTarget(t);
  const coarse = bestTarget;
  for (let t = coarse - em / 2; t <= coarse + em / 2; t += em / 10) tryTarget(t);
  return best.length ? best : spread(TEXT_WIDTH, Array(grid.columnCount).fill(1));
}

/** Split a width by weights into whole twips that add up exactly. */
export function spread(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const out = weights.map((w) => Math.floor((total * w) / sum));
  out[out.length - 1]! += total - out.reduce((s, w) => s + w, 0);
  return out;
}

/**
 * Horizontal scale (percent) that keeps a number on one line of a cell `width` twips wide at
 * `size` half-points: 100 when it fits, less for a number too long even at the smallest type
 * (nine digits in a column of 四, fifteen columns wide).
 */
export function numberScale(text: string, width: number, size: number): number {
  const need = ems(text) * size * 10 * DIGIT_SLACK;
  const room = width - 2 * TABLE.cellMarginX;
  return need <= room ? 100 : Math.floor((100 * room) / need);
}
