// Pasting a block copied from Excel, WPS or a web table: tab-separated text → cell writes. Every
// pasted value is either written, or refused with the place and the value, or counted as falling
// outside the grid; none is dropped silently. Pure: no React, no DOM.
import { parseCellInput, type CellId, type CellKind } from '../../core';
import type { GridMatrix } from './grid-keys';
import { locate } from './grid-keys';

/**
 * Tab-separated text as spreadsheets put it on the clipboard: rows by newline (\n, \r\n or \r),
 * cells by tab, a quoted cell may hold tabs, newlines and doubled quotes. One trailing newline
 * (which spreadsheets add) does not make an extra row.
 */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quotedCell = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
    quotedCell = false;
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && cell === '' && !quotedCell) {
      // A quoted cell: read to the closing quote that is not doubled.
      const close = _closingQuote(text, i + 1);
      if (close > 0) {
        cell = text.slice(i + 1, close).replace(/""/g, '"');
        quotedCell = true;
        i = close + 1;
        continue;
      }
    }
    if (ch === '\t') endCell();
    else if (ch === '\n') endRow();
    else if (ch === '\r') {
      endRow();
      if (text[i + 1] === '\n') i++;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || quotedCell || row.length > 0) endRow();
  return rows;
}

/** Index of the quote closing a quoted cell opened before `from`, if the cell ends right after it. */
function _closingQuote(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] !== '"') continue;
    if (text[j + 1] === '"') {
      j++;
      continue;
    }
    const after = text[j + 1];
    return after === undefined || after === '\t' || after === '\n' || after === '\r' ? j : -1;
  }
  return -1;
}

export interface PastePlan {
  writes: { cell: CellId; value: number | null; raw: string }[];
  refusals: { cell: CellId; raw: string; reason: string }[];
  /** Computed totals the block reaches: not written; kept to compare with what the grid computes. */
  totals: { cell: CellId; raw: string }[];
  /** Values that fall outside the grid (below its last row or right of a row's last cell). */
  overflow: { row: number; column: number; raw: string }[];
}

/**
 * Lay a block over the grid from the anchor cell: block row r goes to the r-th value row below the
 * anchor, block column c to the c-th value cell right of it (a spanned cell takes one value).
 */
export function planPaste(matrix: GridMatrix, anchor: CellId, block: string[][], kindOf: (id: CellId) => CellKind): PastePlan {
  const plan: PastePlan = { writes: [], refusals: [], totals: [], overflow: [] };
  const start = locate(matrix, anchor);
  if (!start) throw new Error(`anchor ${anchor} is not in the grid`);
  block.forEach((values, r) => {
    values.forEach((raw, c) => {
      const target = matrix[start.row + r]?.[start.index + c];
      if (!target) {
        if (raw.trim() !== '') plan.overflow.push({ row: r + 1, column: c + 1, raw });
        return;
      }
      if (target.computed) {
        if (raw.trim() !== '') plan.totals.push({ cell: target.id, raw });
        return;
      }
      const parsed = parseCellInput(raw, kindOf(target.id));
      if (parsed.ok) plan.writes.push({ cell: target.id, value: parsed.value, raw });
      else plan.refusals.push({ cell: target.id, raw, reason: parsed.reason });
    });
  });
  return plan;
}
