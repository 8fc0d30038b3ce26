// Page layout per GB/T 9704-2012 computed from the constants in gbt9704.ts: column widths over
// the 版心, the title's trapezoid break, the signature's right indents. Pure and free of the docx
// package, so the .docx renderer and the HTML preview lay the page out with the same numbers.
import type { CellId, ResolvedGrid } from '../template/resolve';
import { cellText } from '../report/document';
import { computeColumnWidths, labelSize } from './columns';
import { SIGNATURE_RIGHT, SIZE, TABLE, TEXT_WIDTH, ems } from './gbt9704';

/**
 * 7.3.1: a title too long for one line breaks where the meaning allows (词意完整) into a trapezoid:
 * the organ and year above, the name of the report below. A title that fits stays one line.
 */
export function titleLines(title: string): string[] {
  if (ems(title) * SIZE.hao2 * 10 <= TEXT_WIDTH) return [title];
  const m = /^(.+?\d{4}年)(.+)$/.exec(title);
  return m ? [m[1]!, m[2]!] : [title];
}

/**
 * 7.3.5.2: 正文下空一行，署名右空二字；成文日期首字比署名首字右移二字，日期较长时署名右移、日期右空二字.
 * Right indents, in characters, that place the first characters of 署名 and 成文日期 that way.
 */
export function signatureIndents(organ: string, date: string): { organ: number; date: number } {
  const o = ems(organ);
  const d = ems(date);
  const dateRight = date ? Math.max(SIGNATURE_RIGHT, o - d) : SIGNATURE_RIGHT;
  const organRight = date ? dateRight + d + 2 - o : SIGNATURE_RIGHT;
  return { organ: organRight, date: dateRight };
}

/**
 * Column widths in twips over the whole 版心, from the grid's labels and numbers (columns.ts);
 * computed once per grid.
 */
export function columnWidths(grid: ResolvedGrid): number[] {
  let widths = _widths.get(grid);
  if (!widths) _widths.set(grid, (widths = computeColumnWidths(grid, anchorColumns(grid))));
  return [...widths];
}

const _widths = new WeakMap<ResolvedGrid, number[]>();

/**
 * Type size of a grid: 五号 at most, smaller when the longest number would not fit the narrowest
 * value column on one line (digits are half a character wide).
 */
export function gridFontSize(grid: ResolvedGrid, values: ReadonlyMap<CellId, number | null>, widths: number[]): number {
  const narrowest = Math.min(...widths.slice(grid.labelColumns));
  const longest = Math.max(1, ...grid.cells.map((c) => ems(cellText(values.get(c.id)))));
  const room = narrowest - 2 * TABLE.cellMarginX;
  // half-points: room (twips) / (longest ems × 10 twips per half-point), with 10 % slack for wider digits
  const fit = Math.floor(room / (longest * 10 * 1.1));
  return Math.max(TABLE.minSize, Math.min(TABLE.maxSize, fit));
}

/**
 * Type size of a grid's label cells: 小五 in a wide grid (三, 四), 五号 otherwise, whatever size the
 * numbers take, so labels keep the line breaks their column widths were chosen for.
 */
export function labelFontSize(grid: ResolvedGrid, _numbers?: number): number {
  return labelSize(grid);
}

/** Exact line height of a table cell in twips: single spacing, 1.35 × the type size. */
export function cellLineHeight(size: number): number {
  return Math.round(size * 10 * 1.35);
}

/**
 * Rows that stay on the page of the next row: title and header rows (never alone at a page
 * foot) and the rows of a small merged group (a parent row label spanning a few rows), whose label would otherwise
 * break across pages. The tallest groups (the 22-row outcome block of grid 三) may break, under repeated headers.
 */
export function keepWithNext(grid: ResolvedGrid): boolean[] {
  const keep = grid.rows.map((row) => row.role !== 'body');
  grid.rows.forEach((row, r) => {
    for (const item of row.items) {
      if (item.rowSpan > 1 && item.rowSpan <= TABLE.keepGroupRows) for (let k = r; k < r + item.rowSpan - 1; k++) keep[k] = true;
    }
  });
  keep[keep.length - 1] = false;
  return keep;
}

/** Grid column where each anchor starts, accounting for cells covered by row spans above. */
export function anchorColumns(grid: ResolvedGrid): number[][] {
  const covered: number[] = Array(grid.columnCount).fill(0); // rows still covered, per column
  return grid.rows.map((row) => {
    const starts: number[] = [];
    let col = 0;
    for (const item of row.items) {
      while (col < grid.columnCount && covered[col]! > 0) col++;
      starts.push(col);
      for (let c = col; c < col + item.colSpan; c++) covered[c] = Math.max(covered[c]!, item.rowSpan);
      col += item.colSpan;
    }
    for (let c = 0; c < grid.columnCount; c++) covered[c] = Math.max(0, covered[c]! - 1);
    return starts;
  });
}
