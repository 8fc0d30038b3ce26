// A grid on paper, as the .docx sets it: its rows after the merged groups are planned (groups.ts:
// a group kept on one page, or cut with its label repeated), which rows stay with the next, and
// each row's height, from the widths, type sizes and line height of layout.ts: a cell takes as
// many lines as its text needs in its column width, a row is as tall as its tallest cell, and a
// label merged over several rows that needs more room than those rows have makes the last of them
// taller. Numbers never wrap: the .docx narrows one too long for its column.
import { cellText, type Run } from '../report/document';
import type { CellId, DisplayRow, ResolvedGrid } from '../template/resolve';
import { cellRoom } from './columns';
import { LINE, TABLE, TEXT_HEIGHT } from './gbt9704';
import { planGroups } from './groups';
import { anchorColumns, cellLineHeight, columnWidths, gridFontSize, labelFontSize } from './layout';
import { breakLines } from './paginate-lines';

/** The rule between rows (½ pt), in twips. */
export const ROW_RULE = 10;

export interface GridLayout {
  /** Height of each display row in twips. */
  rowHeights: number[];
  /** The lines of each cell's text, by display row and item, as the .docx breaks them. */
  lines: string[][][];
}

export interface GridPlan extends GridLayout {
  /** The display rows as the .docx has them (a cut group's label repeated on each piece). */
  rows: DisplayRow[];
  /** Per row: stays on the page of the next row. */
  keep: boolean[];
}

/** The lines a label takes in a column `width` twips wide at `size` half-points. */
export function cellLines(text: string, width: number, size: number, indent = 0): string[] {
  const runs: Run[] = [{ text }];
  return breakLines(runs, cellRoom(width, size), indent * 10).map((line) => line.map((r) => r.text).join(''));
}

/** Row heights and cell lines of `rows` (the grid's own, or as planned) in the grid's columns. */
export function gridLayout(grid: ResolvedGrid, values: ReadonlyMap<CellId, number | null>, rows: DisplayRow[] = grid.rows): GridLayout {
  const widths = columnWidths(grid);
  const size = gridFontSize(grid, values, widths);
  const labelSize = labelFontSize(grid, size);
  const starts = anchorColumns({ ...grid, rows });
  const frame = 2 * TABLE.cellMarginY + ROW_RULE;
  const rowHeights = rows.map(() => 0);
  const spanning: { first: number; last: number; height: number }[] = [];
  const lines = rows.map((row, r) =>
    row.items.map((item, i) => {
      const start = starts[r]![i]!;
      const width = widths.slice(start, start + item.colSpan).reduce((s, w) => s + w, 0);
      const cell = item.type === 'value' ? [cellText(values.get(item.id))] : cellLines(item.label, width, labelSize, item.indent ?? 0);
      const height = cell.length * cellLineHeight(item.type === 'value' ? size : labelSize) + frame;
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

/**
 * The grid as the .docx sets it: merged groups planned for pages whose room for body rows is the
 * 版心 less the repeated header rows and one line (a heading kept with the table), then laid out.
 */
export function gridPlan(grid: ResolvedGrid, values: ReadonlyMap<CellId, number | null>): GridPlan {
  const base = gridLayout(grid, values);
  const header = base.rowHeights.filter((_, r) => grid.rows[r]!.repeat).reduce((s, h) => s + h, 0);
  const plan = planGroups(grid, base.rowHeights, TEXT_HEIGHT - header - LINE);
  const laid = plan.rows === grid.rows ? base : gridLayout(grid, values, plan.rows);
  return { rows: plan.rows, keep: plan.keep, ...laid };
}
