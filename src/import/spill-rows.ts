// Rows whose numbers stand after another row's. Text taken from a PDF (a viewer's select-all,
// plain `pdftotext`) prints a table cell by cell in the order the PDF draws it: a one-line label
// stays beside its numbers, but a label wrapped over several lines is set apart, with the other
// wrapped labels, and its numbers follow the numbers of the row above. A row label is then
// followed by the numbers of several rows: exactly as many as that row and the rows after it that
// have no numbers of their own. Those numbers are placed in template order, one row each, but only
// as a candidate: the sums of the table must confirm every row (settle-rows.ts) before any is read.
import { cellId, type BlockSpec, type RowNode, type Template } from '../core';
import { splits, tokenize } from './split-run';
import type { RowReading } from './walk-grid';

/** Rows placed together from one run of numbers: read all or none. */
export interface SpillGroup {
  readings: RowReading[];
  /** The run as printed, for the notes. */
  run: string;
}

const _leafRows = (rows: RowNode[]): RowNode[] => rows.flatMap((r) => (r.children ? _leafRows(r.children) : [r]));

const _leafColumns = (nodes: BlockSpec['columns']): string[] => nodes.flatMap((n) => (n.children ? _leafColumns(n.children) : [n.id]));

const _hasNumbers = (r: RowReading | undefined) => !!r && r.stray === undefined && !!tokenize(r.valueText)?.length;

/**
 * Split runs holding the numbers of several rows. `readings` are one grid's rows in text order;
 * the result replaces the readings of the rows placed (a label found alone, or not found).
 */
export function spillRows(readings: RowReading[], template: Template, blocks: BlockSpec[]): RowReading[] {
  let out = readings;
  for (const block of blocks) {
    const leaves = _leafColumns(block.columns);
    const order = _leafRows(block.rows);
    for (const r of out.filter((x) => x.block === block && !x.parentRow && x.stray === undefined)) {
      const byRow = new Map(out.filter((x) => x.block === block && !x.parentRow).map((x) => [x.row.id, x]));
      const n = r.cells.length;
      const tokens = tokenize(r.valueText);
      if (!tokens || tokens.length <= n || tokens.length % n !== 0 || tokens.some((t) => t.kind === 'blank')) continue;
      const at = order.findIndex((row) => row.id === r.row.id);
      const rows = order.slice(at + 1, at + tokens.length / n);
      const after = order[at + tokens.length / n];
      // Every row placed has no numbers of its own, and the row after them has: nothing else fits.
      if (rows.length !== tokens.length / n - 1 || rows.some((row) => _hasNumbers(byRow.get(row.id)))) continue;
      if (after && !_hasNumbers(byRow.get(after.id))) continue;
      const run = r.valueText.trim();
      const group: SpillGroup = { readings: [], run };
      const place = (reading: RowReading, i: number): RowReading | null => {
        const chunk = tokens.slice(i * n, (i + 1) * n);
        // One number per cell, each of a kind the cell allows (a fraction only in an amount …).
        const values = splits(chunk, reading.kinds);
        if (values?.length !== 1) return null;
        const valueText = chunk.map((t) => (t.kind === 'digits' ? `${t.negative ? '-' : ''}${t.text}${t.fraction ? `.${t.fraction}` : ''}` : t.text)).join(' ');
        const placed: RowReading = { ...reading, stray: undefined, valueText, candidates: values, forced: false, spill: group };
        group.readings.push(placed);
        return placed;
      };
      const first = place(r, 0);
      if (!first) continue;
      const replaced = new Map<RowReading, RowReading>([[r, first]]);
      const added: RowReading[] = [];
      const fits = rows.every((row, i) => {
        const own = byRow.get(row.id);
        const cells = leaves.map((leaf) => cellId(r.grid.id, row.id, leaf));
        const kinds = cells.map((id) => template.cells.get(id)?.kind ?? 'count');
        const placed = place(own ?? { ...r, row, cells, kinds, printed: '', exact: true, alias: false }, i + 1);
        if (placed && own) replaced.set(own, placed);
        else if (placed) added.push(placed);
        return !!placed;
      });
      if (fits) out = [...out.map((x) => replaced.get(x) ?? x), ...added];
    }
  }
  return out;
}
