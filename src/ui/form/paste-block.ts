// A block pasted into a grid: planned by label (./paste-labels) or by position (./clipboard),
// written as one step to undo, and described in the notes under the table — what was pasted, what
// was refused, totals not pasted, values beyond the grid. Loaded on the first paste.
import { parseCellInput, type CellId, type ResolvedGrid } from '../../core';
import { cellLabel, type ReportStore } from '../../store/report-store';
import { planPaste, parseClipboard } from './clipboard';
import type { GridMatrix } from './grid-keys';
import { planLabelledPaste } from './paste-labels';

/** Pastes `text` at `anchor` into `grid`; the notes to show under the table. */
export function pasteBlock(store: ReportStore, grid: ResolvedGrid, matrix: GridMatrix, anchor: CellId, text: string): string[] {
  const block = parseClipboard(text);
  const kindOf = (id: string) => store.template.cells.get(id)?.kind ?? 'count';
  // A block copied with its row labels or header row lands by label; labels the grid does not have stop it whole.
  const labelled = planLabelledPaste(grid, matrix, anchor, block, kindOf);
  if (labelled && !labelled.ok) {
    return [`没有粘贴任何数值：复制的标签与本表不一致（${labelled.problems.join('；')}）。请核对复制的区域，或只复制数字后粘贴到对应单元格`];
  }
  const plan = labelled ? labelled.plan : planPaste(matrix, anchor, block, kindOf);
  // Refused values stay visible in their cells, as if typed there; the paste is one step to undo.
  store.setValues(
    plan.writes.map(({ cell, value }) => ({ cell, value })),
    plan.refusals.map(({ cell, raw }) => ({ cell, raw })),
  );
  const values = store.getState().values;
  const notes: string[] = [`已粘贴 ${plan.writes.length} 个数值${labelled ? `（按${[labelled.byLabel.rows ? '行标签' : '', labelled.byLabel.header ? '表头' : ''].filter(Boolean).join('和')}对应）` : ''}`];
  if (plan.refusals.length) notes.push(`${plan.refusals.length} 个未接受（见下方）`);
  for (const t of plan.totals) {
    const computed = values.get(t.cell) ?? null;
    const parsed = parseCellInput(t.raw, kindOf(t.cell));
    if (computed === null || !parsed.ok || parsed.value !== computed) {
      notes.push(`${cellLabel(store.template, t.cell)} 是自动合计，未粘贴：粘贴的是“${t.raw}”，合计为 ${computed ?? '空白'}`);
    }
  }
  if (plan.overflow.length) {
    notes.push(`超出表格范围、未粘贴的 ${plan.overflow.length} 个值：${plan.overflow.map((o) => `第${o.row}行第${o.column}列“${o.raw}”`).join('、')}`);
  }
  return notes;
}
