// A grid of the template as a Word table: fixed column widths over the 版心 (core/layout), header
// rows repeated on each page, rows that never split, merged cells as the resolved grid gives them.
import type { CellId, GridItem, ResolvedGrid } from '../../core';
import { cellText } from '../../core';
import { FONT, TABLE, TEXT_WIDTH } from '../../core/layout/gbt9704';
import type { GroupPlan } from '../../core/layout/groups';
import { gridPlan } from '../../core/layout/paginate-grid';
import { numberScale } from '../../core/layout/columns';
import { anchorColumns, columnWidths, gridFontSize, labelFontSize } from '../../core/layout/layout';
import type { Markup } from './markup';
import type { Justification, ParagraphStyle } from './shapes';

/** A merged cell still covering rows below: its width and span, and its paragraph's alignment. */
interface Covering {
  width: number;
  colSpan: number;
  rowsLeft: number;
  jc: Justification;
}

/**
 * Merged groups kept on one page, or cut where taller than a page under the repeated header rows:
 * the preview's plan (gridPlan), so the .docx and the preview break the same. Labels keep their
 * size and numbers stay on one line, so the plan depends on the grid and the numbers' type size
 * only, and is made once for each.
 */
function _plan(grid: ResolvedGrid, values: ReadonlyMap<CellId, number | null>, size: number): GroupPlan {
  const bySize = _plans.get(grid) ?? new Map<number, GroupPlan>();
  _plans.set(grid, bySize);
  let plan = bySize.get(size);
  if (!plan) {
    const { rows, keep } = gridPlan(grid, values);
    plan = { rows, keep };
    bySize.set(size, plan);
  }
  return plan;
}

const _plans = new WeakMap<ResolvedGrid, Map<number, GroupPlan>>();

export function gridTable(markup: Markup, grid: ResolvedGrid, values: ReadonlyMap<CellId, number | null>): string {
  const widths = columnWidths(grid);
  const size = gridFontSize(grid, values, widths);
  const labelSize = labelFontSize(grid);
  const plan = _plan(grid, values, size);
  const starts = anchorColumns({ ...grid, rows: plan.rows });
  const keep = plan.keep;
  const covering: (Covering | null)[] = Array(grid.columnCount).fill(null);
  const rows = plan.rows.map((displayRow, r) => {
    const items = new Map<number, GridItem>(displayRow.items.map((item, i) => [starts[r]![i]!, item]));
    let cells = '';
    for (let col = 0; col < grid.columnCount; ) {
      const above = covering[col];
      if (above) {
        cells += markup.cell({ width: above.width, colSpan: above.colSpan, merge: 'continue' }, markup.paragraph({ keepNext: keep[r]!, jc: above.jc }, ''));
        if (--above.rowsLeft === 0) covering[col] = null;
        col += above.colSpan;
        continue;
      }
      const item = items.get(col);
      if (!item) throw new Error(`${grid.id}: row ${r} leaves column ${col} empty`);
      const width = widths.slice(col, col + item.colSpan).reduce((s, w) => s + w, 0);
      const isValue = item.type === 'value';
      const cellSize = isValue ? size : labelSize;
      const text = isValue ? cellText(values.get(item.id)) : item.label;
      // Labels in the regular weight, as the official template sets them; a number too long for its column even at the smallest type is narrowed.
      const scale = isValue ? numberScale(text, width, cellSize) : 100;
      const jc: Justification = !isValue && item.role === 'row' && item.rowSpan === 1 ? 'left' : 'center';
      const style: ParagraphStyle = {
        keepNext: keep[r]!,
        // Single spacing at 1.35 × the type size, exact, so the body's 22-line pitch does not apply.
        spacing: { line: Math.round(cellSize * 10 * 1.35), before: 0, after: 0 },
        // An indicator list shows nesting by indentation, one character per level.
        ...(!isValue && item.indent ? { indent: { left: Math.round(item.indent * cellSize * 10) } } : {}),
        jc,
      };
      const content = markup.paragraph(style, text ? markup.run({ font: FONT.table, size: cellSize, scale }, text) : '');
      cells += markup.cell({ width, colSpan: item.colSpan, ...(item.rowSpan > 1 ? { merge: 'restart' as const } : {}) }, content);
      if (item.rowSpan > 1) covering[col] = { width, colSpan: item.colSpan, rowsLeft: item.rowSpan - 1, jc };
      col += item.colSpan;
    }
    return markup.row(displayRow.repeat, cells);
  });
  return markup.table({ width: TEXT_WIDTH, columns: widths, marginX: TABLE.cellMarginX, marginY: TABLE.cellMarginY }, rows.join(''));
}
