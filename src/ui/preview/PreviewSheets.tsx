// The report on sheets of paper: each sheet holds exactly what that page of the exported .docx
// holds, as the headless paginator (core/layout/paginate.ts) computed it. Lines are drawn as the
// paginator broke them (no wrapping by the browser), table rows at the height it gave them, so
// neither the screen nor the printer can break a page anywhere else.
import { memo, type ReactNode } from 'react';
import { cellText, type CellId, type DisplayRow, type DocBlock, type GridItem } from '../../core';
import { TEXT_HEIGHT } from '../../core/layout/gbt9704';
import { anchorColumns, cellLineHeight, columnWidths, gridFontSize, labelFontSize, signatureIndents } from '../../core/layout/layout';
import { titleBreaks, type Page, type PagePart } from '../../core/layout/paginate';
import { gridPlan } from '../../core/layout/paginate-grid';
import type { LineRuns } from '../../core/layout/paginate-lines';

/** Twips (1/20 pt) as a CSS length. */
const pt = (twips: number) => `${twips / 20}pt`;

function Line({ runs, className }: { runs: LineRuns; className: string }) {
  return (
    <span className={className}>
      {runs.map((r, i) =>
        r.bold ? (
          <strong key={i} className="pv-lead">
            {r.text}
          </strong>
        ) : (
          <span key={i}>{r.text}</span>
        ),
      )}
    </span>
  );
}

function Lines({ part, block }: { part: Extract<PagePart, { kind: 'lines' }>; block: DocBlock }) {
  const lines = part.lines.map((runs, i) => {
    const first = part.from + i === 0;
    const last = part.ends && i === part.lines.length - 1;
    return <Line key={i} runs={runs} className={`pv-line${first ? ' pv-first' : ''}${last ? '' : ' pv-justify'}`} />;
  });
  const continued = part.from > 0 ? ' pv-continued' : '';
  if (block.kind === 'heading') return block.level === 1 ? <h2 className={`pv-h1${continued}`}>{lines}</h2> : <h3 className={`pv-h2${continued}`}>{lines}</h3>;
  const level = block.kind === 'paragraph' && block.level === 3 ? ' pv-p3' : '';
  return <p className={`pv-p${level}${continued}`}>{lines}</p>;
}

interface GridGeometry {
  /** The display rows as the .docx has them (a cut group's label repeated on each piece). */
  rows: DisplayRow[];
  widths: number[];
  starts: number[][];
  heights: number[];
  /** Each cell's text in the lines the .docx breaks it into (by row and item). */
  lines: string[][][];
  /** Type sizes of the numbers and the labels, in half-points, as the .docx sets them. */
  size: number;
  labelSize: number;
}

const _geometry = new WeakMap<DocBlock, GridGeometry>();

function geometryOf(block: Extract<DocBlock, { kind: 'grid' }>): GridGeometry {
  let g = _geometry.get(block);
  if (!g) {
    const widths = columnWidths(block.grid);
    const size = gridFontSize(block.grid, block.values, widths);
    const { rows, rowHeights: heights, lines } = gridPlan(block.grid, block.values);
    g = { rows, widths, starts: anchorColumns({ ...block.grid, rows }), heights, lines, size, labelSize: labelFontSize(block.grid, size) };
    _geometry.set(block, g);
  }
  return g;
}

/** Type size and exact line height of a cell, as CSS custom properties the grid's cells read. */
const _type = (prefix: string, size: number) => ({ [`--pv-${prefix}-size`]: `${size / 2}pt`, [`--pv-${prefix}-line`]: pt(cellLineHeight(size)) });

/** A cell's text in its lines; one line is plain text (a number, a short label). */
const _text = (lines: string[]) => (lines.length === 1 ? lines[0] : lines.map((l, i) => <span key={i} className="pv-cell-line">{l}</span>));

function _cell(item: GridItem, values: ReadonlyMap<CellId, number | null>, rowSpan: number, lines: string[]): ReactNode {
  const span = { rowSpan: rowSpan > 1 ? rowSpan : undefined, colSpan: item.colSpan > 1 ? item.colSpan : undefined };
  if (item.type === 'value') {
    return (
      <td key={item.id} {...span} className="pv-num" data-cell={item.id}>
        {cellText(values.get(item.id))}
      </td>
    );
  }
  const left = item.role === 'row' && item.rowSpan === 1;
  return (
    <th key={item.key} {...span} className={`pv-cell-${item.role}${left ? ' pv-left' : ''}`} scope={item.role === 'row' ? 'row' : item.role === 'column' ? 'col' : undefined} aria-label={lines.length > 1 ? item.label : undefined} style={item.indent ? { paddingLeft: `${item.indent}em` } : undefined}>
      {_text(lines)}
    </th>
  );
}

/**
 * The rows of one page's piece of a grid. A merged label cut by the page end spans only the rows
 * on this page; on the next page its place is an empty cell, as Word and LibreOffice draw it.
 */
function GridRows({ values, rows, geometry, first }: { values: ReadonlyMap<CellId, number | null>; rows: number[]; geometry: GridGeometry; first: boolean }) {
  const all = geometry.rows;
  const end = rows.at(-1)!;
  return rows.map((r, k) => {
    const cells: { start: number; node: ReactNode }[] = all[r]!.items.map((item, i) => ({
      start: geometry.starts[r]![i]!,
      node: _cell(item, values, Math.min(item.rowSpan, end - r + 1), geometry.lines[r]![i]!),
    }));
    if (k === 0 && !first) {
      // Labels merged from rows on an earlier page.
      for (let above = 0; above < r; above++) {
        all[above]!.items.forEach((item, i) => {
          if (above + item.rowSpan <= r) return;
          const start = geometry.starts[above]![i]!;
          const span = Math.min(above + item.rowSpan, end + 1) - r;
          cells.push({ start, node: <td key={`cont-${above}-${i}`} className="pv-merged-cont" rowSpan={span > 1 ? span : undefined} colSpan={item.colSpan > 1 ? item.colSpan : undefined} /> });
        });
      }
      cells.sort((a, b) => a.start - b.start);
    }
    return (
      <tr key={r} className={`pv-row-${all[r]!.role}`} style={{ height: pt(geometry.heights[r]!) }}>
        {cells.map((c) => c.node)}
      </tr>
    );
  });
}

function Rows({ part, block }: { part: Extract<PagePart, { kind: 'rows' }>; block: Extract<DocBlock, { kind: 'grid' }> }) {
  const geometry = geometryOf(block);
  const total = geometry.widths.reduce((s, w) => s + w, 0);
  const first = part.rows[0] === 0;
  return (
    <table className="pv-grid" data-grid={block.grid.id} aria-label={first ? block.grid.label : undefined} style={{ ..._type('num', geometry.size), ..._type('label', geometry.labelSize) }}>
      <colgroup>
        {geometry.widths.map((w, i) => (
          <col key={i} style={{ width: `${((100 * w) / total).toFixed(3)}%` }} />
        ))}
      </colgroup>
      {part.head.length > 0 && (
        <thead>
          <GridRows values={block.values} rows={part.head} geometry={geometry} first />
        </thead>
      )}
      <tbody>
        <GridRows values={block.values} rows={part.rows} geometry={geometry} first={first} />
      </tbody>
    </table>
  );
}

function Part({ part, blocks }: { part: PagePart; blocks: readonly DocBlock[] }) {
  const block = blocks[part.block]!;
  if (part.kind === 'lines') return <Lines part={part} block={block} />;
  if (part.kind === 'rows' && block.kind === 'grid') return <Rows part={part} block={block} />;
  if (block.kind === 'title') {
    return (
      <h1 className="pv-title">
        {titleBreaks(block.text).map((l, i) => (
          <span key={i} className="pv-title-line">
            {l}
          </span>
        ))}
      </h1>
    );
  }
  if (block.kind === 'signature') {
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
  return null;
}

/** One sheet: the 版心 with the page's parts, and the page number where the .docx footer prints it. */
const Sheet = memo(function Sheet({ page, blocks }: { page: Page; blocks: readonly DocBlock[] }) {
  const side = page.number % 2 ? 'odd' : 'even';
  return (
    <section className="pv-page" data-page={page.number} aria-label={`第 ${page.number} 页`}>
      <div className="pv-body" style={{ height: pt(TEXT_HEIGHT) }}>
        {page.parts.map((part, i) => (
          <Part key={i} part={part} blocks={blocks} />
        ))}
      </div>
      <div className={`pv-folio pv-folio-${side}`} aria-hidden="true">
        — {page.number} —
      </div>
    </section>
  );
});

/** The sheets of the report (no store): what the tests compare with the paginator. */
export const PreviewSheets = memo(function PreviewSheets({ blocks, pages }: { blocks: readonly DocBlock[]; pages: readonly Page[] }) {
  return (
    <article className="pv-sheets" lang="zh-CN" aria-label="报告预览">
      {pages.map((page) => (
        <Sheet key={page.number} page={page} blocks={blocks} />
      ))}
    </article>
  );
});
