// A template grid as a native table: header cells with the spans resolved by the core, one input
// per value cell, computed totals as outputs. Pasting a block from a spreadsheet goes through the
// pure planPaste; what could not be pasted is listed below the table with place and value.
import { memo, useCallback, useMemo, useState } from 'react';
import { computeCell, parseCellInput, type ResolvedGrid, type Template } from '../../core';
import { blankCells, cellLabel, type ReportState } from '../../store/report-store';
import { planPaste, parseClipboard } from './clipboard';
import { gridMatrix } from './grid-keys';
import { planLabelledPaste } from './paste-labels';
import { InputCell, TotalCell } from './GridCell';
import { domId } from '../places';
import { useSlice, useStore } from '../use-store';

const headerId = (grid: string, key: string) => `h-${grid}-${key}`;

/** Totals of a grid kept as printed by an imported source: how many, and how many differ from the sum. */
export function printedTotals(template: Template, grid: ResolvedGrid, state: ReportState): { kept: number; differ: number } {
  const printed = state.report.printed ?? {};
  let kept = 0;
  let differ = 0;
  for (const c of grid.cells) {
    const p = printed[c.id];
    if (!c.computed || p === undefined) continue;
    kept++;
    // The sum of the items, as the values now stand (nested totals as they are shown).
    if (computeCell(template, c.id, (id) => state.values.get(id) ?? null) !== p) differ++;
  }
  return { kept, differ };
}

/** "本表空白填0": its own subscription, so a keystroke that fills a blank does not re-render the grid. */
const FillGridZeros = memo(function FillGridZeros({ grid }: { grid: ResolvedGrid }) {
  const store = useStore();
  const ids = useMemo(() => grid.cells.map((c) => c.id), [grid]);
  const blanks = useSlice((s) => blankCells(store.template, s, ids).length);
  if (blanks === 0) return null;
  return (
    <p className="grid-actions">
      <button type="button" onClick={() => store.fillBlanks(ids)}>
        本表空白单元格填0（{blanks} 格）
      </button>
    </p>
  );
});

function GridTableBody({ grid }: { grid: ResolvedGrid }) {
  const store = useStore();
  const matrix = useMemo(() => gridMatrix(grid), [grid]);
  const [pasteNotes, setPasteNotes] = useState<string[]>([]);

  const onPasteBlock = useCallback(
    (anchor: string, text: string): boolean => {
      const block = parseClipboard(text);
      const kindOf = (id: string) => store.template.cells.get(id)?.kind ?? 'count';
      // A block copied with its row labels or header row lands by label; labels the grid does not have stop it whole.
      const labelled = planLabelledPaste(grid, matrix, anchor, block, kindOf);
      if (labelled && !labelled.ok) {
        setPasteNotes([`没有粘贴任何数值：复制的标签与本表不一致（${labelled.problems.join('；')}）。请核对复制的区域，或只复制数字后粘贴到对应单元格`]);
        return true;
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
      setPasteNotes(notes);
      return true;
    },
    [grid, matrix, store],
  );

  const refusals = useSlice((s) => s.refusals);
  const printed = useSlice((s) => {
    const { kept, differ } = printedTotals(store.template, grid, s);
    return kept ? `${kept}/${differ}` : '';
  });
  const [kept, differ] = printed.split('/').map(Number);
  const dropPrinted = () =>
    store.update((r) => {
      const rest = Object.fromEntries(Object.entries(r.printed ?? {}).filter(([id]) => store.template.cells.get(id)?.grid !== grid.id));
      return { ...r, printed: Object.keys(rest).length ? rest : undefined };
    });
  const mine = grid.cells.map((c) => refusals.get(c.id)).filter((r) => r !== undefined);

  return (
    <div className="grid-wrap">
      <table className="grid" id={`grid-${grid.id}`} aria-label={grid.label}>
        <tbody>
          {grid.rows.map((row, r) => (
            <tr key={r} className={`row-${row.role}`}>
              {row.items.map((item) => {
                if (item.type === 'header') {
                  const scope = item.role === 'row' ? 'row' : item.role === 'column' ? 'col' : undefined;
                  return (
                    <th key={item.key} id={headerId(grid.id, item.key)} className={`th-${item.role}`} rowSpan={item.rowSpan > 1 ? item.rowSpan : undefined} colSpan={item.colSpan > 1 ? item.colSpan : undefined} scope={scope} style={item.indent ? { paddingLeft: `${item.indent + 0.3}em` } : undefined}>
                      {item.label}
                    </th>
                  );
                }
                return (
                  <td key={item.id} colSpan={item.colSpan > 1 ? item.colSpan : undefined} headers={item.headers.map((k) => headerId(grid.id, k)).join(' ')} className={item.computed ? 'td-total' : 'td-input'}>
                    {item.computed ? <TotalCell cell={item} /> : <InputCell cell={item} matrix={matrix} onPasteBlock={onPasteBlock} />}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <FillGridZeros grid={grid} />
      {printed && (
        <p className="printed-note">
          本表有 {kept} 个合计沿用导入文件中印出的数字{differ ? `，其中 ${differ} 个与各项之和不符` : ''}。
          <button type="button" onClick={dropPrinted}>
            改用自动合计
          </button>
        </p>
      )}
      {(mine.length > 0 || pasteNotes.length > 0) && (
        <div className="grid-notes" role="status">
          {pasteNotes.length > 0 && (
            <p className="paste-notes">
              {pasteNotes.join('；')}
              <button type="button" className="link" onClick={() => setPasteNotes([])}>
                知道了
              </button>
            </p>
          )}
          {mine.length > 0 && (
            <ul className="refusals">
              {mine.map((r) => (
                <li key={r.cell} id={domId.refusal(r.cell)}>
                  {r.label}：{r.reason}（未保存，表中仍为 {store.getState().report.values[r.cell] ?? '空白'}）
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

export const GridTable = memo(GridTableBody);
