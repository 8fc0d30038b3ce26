// Heights of a grid's rows on paper, from the same widths, type sizes and line height the .docx
// gives its table (layout.ts): a cell takes as many lines as its text needs in its column width,
// a row is as tall as its tallest cell, and a label merged over several rows that needs more room
// than those rows have makes the last of them taller.
import { cellText, type Run } from '../report/document';
import type { CellId, ResolvedGrid } from '../template/resolve';
import { TABLE } from './gbt9704';
import { anchorColumns, cellLineHeight, columnWidths, gridFontSize, labelFontSize } from './layout';
import { breakLines } from './paginate-lines';

/** The rule between rows (the docx package's default table border, ½ pt), in twips. */
export const ROW_RULE = 10;

export interface GridLayout {
  /** Height of each display row in twips. */
  rowHeights: number[];
  /** The lines of each cell's text, by display row and item, as the .docx breaks them. */
  lines: string[][][];
}

/** The lines a cell's text takes in a column `width` twips wide at `size` half-points. */
export function cellLines(text: string, width: number, size: number, indent = 0): string[] {
  const em = size * 10; // twips per character
  const room = Math.floor(((width - 2 * TABLE.cellMarginX) * 10) / em);
  const runs: Run[] = [{ text }];
  return breakLines(runs, room, indent * 10).map((line) => line.map((r) => r.text).join(''));
}

export function gridLayout(grid: ResolvedGrid, values: ReadonlyMap<CellId, number | null>): GridLayout {
  const widths = columnWidths(grid);
  const size = gridFontSize(grid, values, widths);
  const labelSize = labelFontSize(grid, size);
  const starts = anchorColumns(grid);
  const frame = 2 * TABLE.cellMarginY + ROW_RULE;
  const rowHeights = grid.rows.map(() => 0);
  const spanning: { first: number; last: number; height: number }[] = [];
  const lines = grid.rows.map((row, r) =>
    row.items.map((item, i) => {
      const start = starts[r]![i]!;
      const width = widths.slice(start, start + item.colSpan).reduce((s, w) => s + w, 0);
      const cellSize = item.type === 'value' ? size : labelSize;
      const text = item.type === 'value' ? cellText(values.get(item.id)) : item.label;
      const indent = item.type === 'header' ? (item.indent ?? 0) : 0;
      const cell = cellLines(text, width, cellSize, indent);
      const height = cell.length * cellLineHeight(cellSize) + frame;
      if (item.rowSpan > 1) spanning.push({ first: r, last: r + item.rowSpan - 1, height });
      else rowHeights[r] = Math.max(rowHeights[r]!, height);
      return cell;
    }),
  );
  for (const s of spanning) {
    const have = rowHeights.slice(s.first, s.last + 1).reduce((a, h) => a + h, 0);
    if (s.height > have) rowHeights[s.last]! += s.height - have;
  }
  return { rowHeights, lines };
}
