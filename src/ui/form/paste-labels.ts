// A pasted block that carries its labels (the row labels in its first column, and/or the header
// row on top, as a spreadsheet user copies them) lands by label: each value goes to the cell of
// its row and column, not shifted by the label column. A label the grid does not have stops the
// paste before anything is written, naming the label and where it was. Pure: no React, no DOM.
import { parseCellInput, type CellId, type CellKind, type ResolvedGrid, type ValueCell } from '../../core';
import { planPaste, type PastePlan } from './clipboard';
import { locate, type GridMatrix } from './grid-keys';

export type LabelledPaste = { ok: true; plan: PastePlan; byLabel: { rows: boolean; header: boolean } } | { ok: false; problems: string[] };

/** A label as compared: no blanks, numbering (一、 （二） 1. (3)), brackets or punctuation. */
export function labelKey(label: string): string {
  return label
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^(?:[（(]?[一二三四五六七八九十\d]+[）)、.．])+/u, '')
    .replace(/[（）()「」“”"'、，,。.：:；;·-]/gu, '');
}

const _hasText = (s: string) => /\p{Script=Han}/u.test(s);
const _isLabel = (s: string) => s.trim() !== '' && _hasText(s) && !parseCellInput(s, 'count').ok;

/** Row and column labels of a grid's value cells (the innermost header of each). */
function _labels(grid: ResolvedGrid) {
  const headers = new Map<string, { role: string; label: string }>();
  const cells = new Map<CellId, ValueCell>();
  for (const row of grid.rows)
    for (const item of row.items) {
      if (item.type === 'header') headers.set(item.key, item);
      else cells.set(item.id, item);
    }
  const last = (id: CellId, role: string) => {
    const keys = cells.get(id)?.headers ?? [];
    const found = keys.map((k) => headers.get(k)).filter((h) => h?.role === role);
    return found.length ? labelKey(found[found.length - 1]!.label) : '';
  };
  return { row: (id: CellId) => last(id, 'row'), column: (id: CellId) => last(id, 'column') };
}

/** The only index whose key equals `key`, else the only one containing it or contained in it. */
function _match(keys: string[], key: string): number {
  const exact = keys.flatMap((k, i) => (k === key ? [i] : []));
  if (exact.length === 1) return exact[0]!;
  const near = keys.flatMap((k, i) => (k && (k.includes(key) || key.includes(k)) ? [i] : []));
  return near.length === 1 ? near[0]! : -1;
}

/**
 * The plan for a block with labels, or null when the block carries none (the plain paste applies).
 * `block` as parseClipboard gives it; `anchor` the cell pasted into.
 */
export function planLabelledPaste(grid: ResolvedGrid, matrix: GridMatrix, anchor: CellId, block: string[][], kindOf: (id: CellId) => CellKind): LabelledPaste | null {
  const start = locate(matrix, anchor);
  if (!start || block.length === 0) return null;
  const filled = (row: string[]) => row.filter((s) => s.trim() !== '');
  const header = block.length > 1 && filled(block[0]!).length > 0 && filled(block[0]!).every(_isLabel);
  const body = header ? block.slice(1) : block;
  // Leading label cells of a row (a group label, then the row's own; blank under a merged group).
  const width = Math.max(1, grid.labelColumns);
  const lead = (row: string[]) => {
    let n = 0;
    while (n < width && n < row.length && (row[n]!.trim() === '' || _isLabel(row[n]!))) n++;
    return filled(row.slice(0, n)).length ? n : 0;
  };
  const rowsLabelled = body.some((r) => lead(r) > 0) && body.every((r) => filled(r).length === 0 || lead(r) > 0);
  if (!header && !rowsLabelled) return null;

  const labels = _labels(grid);
  const rowKeys = matrix.map((cells) => (cells[0] ? labels.row(cells[0].id) : ''));
  const problems: string[] = [];
  const plan: PastePlan = { writes: [], refusals: [], totals: [], overflow: [] };
  body.forEach((values, r) => {
    if (filled(values).length === 0) return;
    const skip = rowsLabelled ? lead(values) : 0;
    let row = start.row + r;
    if (rowsLabelled) {
      const label = filled(values.slice(0, skip)).pop()!.trim();
      row = _match(rowKeys, labelKey(label));
      if (row < 0) return void problems.push(`第${r + 1 + (header ? 1 : 0)}行的行标签“${label}”在本表中找不到`);
    }
    const cells = matrix[row] ?? [];
    const colKeys = cells.map((c) => labels.column(c.id));
    values.forEach((raw, j) => {
      if (j < skip) return;
      // Columns by the header above this value when there is one, else from the anchor's column on.
      let index = start.index + (j - skip);
      if (header) {
        const label = block[0]![j]?.trim() ?? '';
        if (!label) return;
        index = _match(colKeys, labelKey(label));
        if (index < 0) return void problems.push(`表头“${label}”在本表中找不到对应的列`);
      }
      const target = cells[index];
      if (!target) {
        if (raw.trim() !== '') plan.overflow.push({ row: r + 1, column: j + 1, raw });
        return;
      }
      const one = planPaste(matrix, target.id, [[raw]], kindOf);
      plan.writes.push(...one.writes);
      plan.refusals.push(...one.refusals);
      plan.totals.push(...one.totals);
    });
  });
  if (problems.length) return { ok: false, problems: [...new Set(problems)] };
  return { ok: true, plan, byLabel: { rows: rowsLabelled, header } };
}
