// Keyboard movement in a grid of value cells, as in a spreadsheet: arrows, Enter, Home/End and
// Ctrl+Home/End move between input cells; computed totals are skipped. Pure: no React, no DOM.
import type { CellId, ResolvedGrid } from '../../core';

export interface MatrixCell {
  id: CellId;
  /** First grid column the cell covers (0-based, counting label columns). */
  col: number;
  span: number;
  computed: boolean;
}

/** Body rows of a grid that hold value cells, each cell with its grid column. */
export type GridMatrix = MatrixCell[][];

export function gridMatrix(grid: ResolvedGrid): GridMatrix {
  // Columns still covered by a row header from above: column index → rows left.
  const covered: number[] = new Array(grid.columnCount).fill(0);
  const matrix: GridMatrix = [];
  for (const row of grid.rows) {
    let col = 0;
    const cells: MatrixCell[] = [];
    const next = covered.map((n) => Math.max(0, n - 1));
    for (const item of row.items) {
      while (col < grid.columnCount && covered[col]! > 0) col++;
      if (item.type === 'value') cells.push({ id: item.id, col, span: item.colSpan, computed: item.computed });
      if (item.rowSpan > 1) for (let c = col; c < col + item.colSpan; c++) next[c] = item.rowSpan - 1;
      col += item.colSpan;
    }
    covered.splice(0, covered.length, ...next);
    if (cells.length) matrix.push(cells);
  }
  return matrix;
}

export type MoveKey = 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'first' | 'last';

export function locate(matrix: GridMatrix, id: CellId): { row: number; index: number } | null {
  for (let row = 0; row < matrix.length; row++) {
    const index = matrix[row]!.findIndex((c) => c.id === id);
    if (index >= 0) return { row, index };
  }
  return null;
}

const _inputs = (row: MatrixCell[] | undefined) => (row ?? []).filter((c) => !c.computed);

/** The input cell a key moves to from `at`, or null when there is none in that direction. */
export function nextCell(matrix: GridMatrix, at: CellId, key: MoveKey): CellId | null {
  const pos = locate(matrix, at);
  if (!pos) return null;
  const row = matrix[pos.row]!;
  const here = row[pos.index]!;
  switch (key) {
    case 'left':
      return row.slice(0, pos.index).reverse().find((c) => !c.computed)?.id ?? null;
    case 'right':
      return row.slice(pos.index + 1).find((c) => !c.computed)?.id ?? null;
    case 'home':
      return _inputs(row)[0]?.id ?? null;
    case 'end':
      return _inputs(row).at(-1)?.id ?? null;
    case 'first':
      return matrix.flatMap(_inputs)[0]?.id ?? null;
    case 'last':
      return matrix.flatMap(_inputs).at(-1)?.id ?? null;
    case 'up':
    case 'down': {
      const step = key === 'up' ? -1 : 1;
      for (let r = pos.row + step; r >= 0 && r < matrix.length; r += step) {
        const target = matrix[r]!.find((c) => !c.computed && c.col <= here.col && here.col < c.col + c.span);
        if (target) return target.id;
      }
      return null;
    }
  }
}

/** The movement a keyboard event asks for, given where the caret is in the cell's text. */
export function moveKeyOf(
  e: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean },
  caret: { start: number | null; end: number | null; length: number },
): MoveKey | null {
  if (e.altKey) return null;
  const ctrl = e.ctrlKey || e.metaKey;
  const all = caret.start === 0 && caret.end === caret.length;
  switch (e.key) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'Enter':
      return e.shiftKey ? 'up' : 'down';
    // Left and Right stay in the text until the caret reaches its edge (or the text is selected).
    case 'ArrowLeft':
      return !e.shiftKey && (ctrl || all || (caret.start === 0 && caret.end === 0)) ? 'left' : null;
    case 'ArrowRight':
      return !e.shiftKey && (ctrl || all || (caret.start === caret.length && caret.end === caret.length)) ? 'right' : null;
    case 'Home':
      return ctrl ? 'first' : null;
    case 'End':
      return ctrl ? 'last' : null;
    default:
      return null;
  }
}
