// A template grid as a native table: header cells with the spans resolved by the core, one input
// per value cell, computed totals as outputs. Pasting a block from a spreadsheet goes through the
// pure planPaste (./paste-block); what could not be pasted is listed below the table with place and value.
import { memo, useCallback, useMemo, useState } from 'react';
import { computeCell, type ResolvedGrid, type Template } from '../../core';
import { blankCells, type ReportState } from '../../store/report-store';
import { gridMatrix } from './grid-keys';
import { InputCell, TotalCell } from './GridCell';
import { domId } from '../places';
import { loadFailure } from '../on-demand';
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
      // The paste's planning loads on the first paste (the first screen does not carry it); the
      // block is this cell's, so the browser's own paste is stopped now (GridCell).
      void import('./paste-block').then(
        ({ pasteBlock }) => setPasteNotes(pasteBlock(store, grid, matrix, anchor, text)),
        (e: unknown) => setPasteNotes([`没有粘贴任何数值：${loadFailure('粘贴', e)}`]),
      );
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
