// Merged row groups across pages. Word and LibreOffice leave the continuation of a vertically
// merged cell blank on the next page, so a group's label (a merged cell spanning its rows) would be
// missing above the rows that continue there. A group that fits on a page is kept on one page (each of its
// rows kept with the next); a group taller than a page is cut into pieces that each fit, at the
// boundaries of its inner groups where possible, and every piece carries the label again.
import type { DisplayRow, GridItem, ResolvedGrid } from '../template/resolve';
import { anchorColumns } from './layout';

export interface GroupPlan {
  /** The display rows, a group too tall for a page cut into pieces that each repeat its label. */
  rows: DisplayRow[];
  /** Per row: stays on the page of the next row. */
  keep: boolean[];
}

interface Group {
  row: number;
  index: number;
  item: GridItem;
  start: number;
}

/**
 * The plan for a grid whose rows are `heights` twips tall, on pages with `room` twips for body
 * rows (the 版心 less the repeated header rows). Title and header rows always stay with the next.
 */
export function planGroups(grid: ResolvedGrid, heights: readonly number[], room: number): GroupPlan {
  const starts = anchorColumns(grid);
  const keep = grid.rows.map((row) => row.role !== 'body');
  const groups: Group[] = grid.rows.flatMap((row, r) =>
    row.items.flatMap((item, index) => (item.type === 'header' && item.rowSpan > 1 ? [{ row: r, index, item, start: starts[r]![index]! }] : [])),
  );
  const height = (from: number, to: number) => heights.slice(from, to).reduce((s, h) => s + h, 0);
  // Where a piece may not begin: inside a smaller group that fits on a page.
  const inside = (k: number, outer: Group) =>
    groups.some((g) => g !== outer && g.row < k && k < g.row + g.item.rowSpan && height(g.row, g.row + g.item.rowSpan) <= room);
  const cuts = new Map<Group, number[]>();
  for (const g of groups) {
    const end = g.row + g.item.rowSpan;
    if (height(g.row, end) <= room) {
      for (let k = g.row; k < end - 1; k++) keep[k] = true;
      continue;
    }
    const pieces = [g.row];
    let used = 0;
    let lastCut = g.row;
    for (let k = g.row; k < end; k++) {
      if (k > lastCut && !inside(k, g)) lastCut = k;
      if (used + heights[k]! > room && lastCut > pieces.at(-1)!) {
        pieces.push(lastCut);
        used = height(lastCut, k);
      }
      used += heights[k]!;
    }
    cuts.set(g, pieces);
    pieces.forEach((from, p) => {
      const to = pieces[p + 1] ?? end;
      for (let k = from; k < to - 1; k++) keep[k] = true;
    });
  }
  keep[keep.length - 1] = false;
  if (cuts.size === 0) return { rows: grid.rows, keep };
  // Each row's items with their start columns; the pieces replace or join them, in column order.
  const placed = grid.rows.map((row, r) => row.items.map((item, i) => ({ item, start: starts[r]![i]! })));
  for (const [g, pieces] of cuts) {
    const end = g.row + g.item.rowSpan;
    pieces.forEach((from, p) => {
      const piece = { ...g.item, rowSpan: (pieces[p + 1] ?? end) - from } as GridItem;
      if (p === 0) placed[from]![g.index]!.item = piece;
      else placed[from]!.push({ item: piece, start: g.start });
    });
  }
  const rows = grid.rows.map((row, r) => ({ ...row, items: placed[r]!.sort((a, b) => a.start - b.start).map((p) => p.item) }));
  return { rows, keep };
}
