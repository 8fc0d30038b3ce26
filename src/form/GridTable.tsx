// A template grid as a native table: header cells with the spans resolved by the core, one input
// per value cell, computed totals as outputs. Pasting a block from a spreadsheet goes through the
// pure planPaste; what could not be pasted is listed below the table with place and value.
import { memo, useCallback, useMemo, useState } from 'react';
import { parseCellInput, type ResolvedGrid } from '../core';
import { placeOf } from '../store/report-store';
import { planPaste, parseClipboard } from './clipboard';
import { gridMatrix } from './grid-keys';
import { InputCell, TotalCell, refusalDomId } from './GridCell';
import { useSlice, useStore } from './use-store';

const headerId = (grid: string, key: string) => `h-${grid}-${key}`;

function GridTableBody({ grid }: { grid: ResolvedGrid }) {
  const store = useStore();
  const matrix = useMemo(() => gridMatrix(grid), [grid]);
  const [pasteNotes, setPasteNotes] = useState<string[]>([]);

  const onPasteBlock = useCallback(
    (anchor: string, text: string): boolean => {
      const block = parseClipboard(text);
      const kindOf = (id: string) => store.template.cells.get(id)?.kind ?? 'count';
      const plan = planPaste(matrix, anchor, block, kindOf);
      store.setValues(plan.writes.map(({ cell, value }) => ({ cell, value })));
      // Refused values stay visible in their cells, as if typed there.
      for (const r of plan.refusals) store.typeCell(r.cell, r.raw);
      const values = store.getState().values;
      const notes: string[] = [`已粘贴 ${plan.writes.length} 个数值`];
      if (plan.refusals.length) notes.push(`${plan.refusals.length} 个未接受（见下方）`);
      for (const t of plan.totals) {
        const computed = values.get(t.cell) ?? null;
        const parsed = parseCellInput(t.raw, kindOf(t.cell));
        if (computed === null || !parsed.ok || parsed.value !== computed) {
          notes.push(`${placeOf(store.template, t.cell)} 是自动合计，未粘贴：粘贴的是“${t.raw}”，合计为 ${computed ?? '空白'}`);
        }
      }
      if (plan.overflow.length) {
        notes.push(`超出表格范围、未粘贴的 ${plan.overflow.length} 个值：${plan.overflow.map((o) => `第${o.row}行第${o.column}列“${o.raw}”`).join('、')}`);
      }
      setPasteNotes(notes);
      return true;
    },
    [matrix, store],
  );

  const refusals = useSlice((s) => s.refusals);
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
                    <th key={item.key} id={headerId(grid.id, item.key)} className={`th-${item.role}`} rowSpan={item.rowSpan > 1 ? item.rowSpan : undefined} colSpan={item.colSpan > 1 ? item.colSpan : undefined} scope={scope}>
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
                <li key={r.cell} id={refusalDomId(r.cell)}>
                  {r.place}：{r.reason}（未保存，表中仍为 {store.getState().report.values[r.cell] ?? '空白'}）
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
