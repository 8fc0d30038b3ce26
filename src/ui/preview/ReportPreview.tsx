// The live preview: the finished report as HTML, drawn from exactly the blocks composeDocument
// gives the .docx renderer (title, preface, headings, paragraphs with bold leads, the grids with
// their merged cells, the 信息处理费 sentence, signature and 成文日期). Print CSS lays it out on A4
// as GB/T 9704 does, and 打印 prints the preview alone. It is mounted only while it is shown, and
// follows the store through useDeferredValue, so it never holds up typing.
import { memo, useDeferredValue, useMemo } from 'react';
import { cellText, composeDocument, type CellId, type DisplayRow, type DocBlock, type GridItem, type ResolvedGrid } from '../../core';
import type { ReportStore } from '../../store/report-store';
import { useSliceOf } from '../use-store';
import { TABLE } from '../../core/layout/gbt9704';
import { columnWidths, signatureIndents, titleLines } from '../../core/layout/layout';
import './preview.css';

function _cell(item: GridItem, values: ReadonlyMap<CellId, number | null>) {
  const span = { rowSpan: item.rowSpan > 1 ? item.rowSpan : undefined, colSpan: item.colSpan > 1 ? item.colSpan : undefined };
  if (item.type === 'value') {
    return (
      <td key={item.id} {...span} className="pv-num" data-cell={item.id}>
        {cellText(values.get(item.id))}
      </td>
    );
  }
  const left = item.role === 'row' && item.rowSpan === 1;
  return (
    <th key={item.key} {...span} className={`pv-cell-${item.role}${left ? ' pv-left' : ''}`} scope={item.role === 'row' ? 'row' : item.role === 'column' ? 'col' : undefined} style={item.indent ? { paddingLeft: `${item.indent}em` } : undefined}>
      {item.label}
    </th>
  );
}

/**
 * The rows of a grid in print sections: the header rows repeated on every page (`repeat`) form the
 * <thead>; the rest is cut at each block title into one <tbody> per block, so print CSS can keep a
 * small block (a 第二十条 block: title, header and value rows) on one page, and a block title and
 * its header rows with the rows that follow.
 */
export function gridSections(grid: ResolvedGrid): { head: DisplayRow[]; blocks: DisplayRow[][] } {
  let n = 0;
  while (n < grid.rows.length && grid.rows[n]!.repeat) n++;
  const head = grid.rows.slice(0, n);
  const blocks: DisplayRow[][] = [];
  for (const row of grid.rows.slice(n)) {
    if (row.role === 'title' || blocks.length === 0) blocks.push([row]);
    else blocks[blocks.length - 1]!.push(row);
  }
  return { head, blocks };
}

function _rows(rows: DisplayRow[], values: ReadonlyMap<CellId, number | null>) {
  return rows.map((row, r) => (
    <tr key={r} className={`pv-row-${row.role}`}>
      {row.items.map((item) => _cell(item, values))}
    </tr>
  ));
}

function PreviewGrid({ grid, values }: { grid: ResolvedGrid; values: ReadonlyMap<CellId, number | null> }) {
  const widths = columnWidths(grid);
  const total = widths.reduce((s, w) => s + w, 0);
  const { head, blocks } = gridSections(grid);
  return (
    <table className={`pv-grid${grid.columnCount > TABLE.denseColumns ? ' pv-dense' : ''}`} data-grid={grid.id} aria-label={grid.label}>
      <colgroup>
        {widths.map((w, i) => (
          <col key={i} style={{ width: `${((100 * w) / total).toFixed(3)}%` }} />
        ))}
      </colgroup>
      {head.length > 0 && <thead>{_rows(head, values)}</thead>}
      {blocks.map((rows, b) => (
        // A block short enough is kept whole on one page, as the .docx keeps merged row groups.
        <tbody key={b} className={rows.length <= TABLE.keepGroupRows ? 'pv-block pv-keep' : 'pv-block'}>
          {_rows(rows, values)}
        </tbody>
      ))}
    </table>
  );
}

function Block({ block }: { block: DocBlock }) {
  switch (block.kind) {
    case 'title': {
      const lines = titleLines(block.text);
      return (
        <h1 className="pv-title">
          {lines.map((l, i) => (
            <span key={i} className="pv-title-line">
              {l}
            </span>
          ))}
        </h1>
      );
    }
    case 'heading':
      return block.level === 1 ? <h2 className="pv-h1">{block.text}</h2> : <h3 className="pv-h2">{block.text}</h3>;
    case 'paragraph':
      return (
        <p className={block.level === 3 ? 'pv-p pv-p3' : 'pv-p'}>
          {block.runs.map((r, i) =>
            r.bold ? (
              <strong key={i} className="pv-lead">
                {r.text}
              </strong>
            ) : (
              <span key={i}>{r.text}</span>
            ),
          )}
        </p>
      );
    case 'grid':
      return <PreviewGrid grid={block.grid} values={block.values} />;
    case 'signature': {
      const indent = signatureIndents(block.organ, block.date);
      return (
        <div className="pv-signature">
          <p className="pv-organ" style={{ paddingRight: `${indent.organ}em` }}>
            {block.organ}
          </p>
          {block.date && (
            <p className="pv-date" style={{ paddingRight: `${indent.date}em` }}>
              {block.date}
            </p>
          )}
        </div>
      );
    }
  }
}

/** The page of blocks alone (no store): what the tests compare with composeDocument. */
export const PreviewPage = memo(function PreviewPage({ blocks }: { blocks: DocBlock[] }) {
  return (
    <article className="pv-page" lang="zh-CN" aria-label="报告预览">
      {blocks.map((b, i) => (
        <Block key={i} block={b} />
      ))}
    </article>
  );
});


export function ReportPreview({ store }: { store: ReportStore }) {
  const report = useSliceOf(store, (s) => s.report);
  const deferred = useDeferredValue(report);
  const blocks = useMemo(() => composeDocument(store.template, deferred), [store.template, deferred]);
  return (
    <div className="report-preview">
      <p className="pv-bar">
        <span>与导出的 Word 文档内容一致（A4，GB/T 9704 版式）。</span>
        <button type="button" onClick={() => window.print()}>
          打印
        </button>
        {deferred !== report && <span className="pv-pending">更新中…</span>}
      </p>
      <PreviewPage blocks={blocks} />
    </div>
  );
}
