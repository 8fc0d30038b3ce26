// Column widths from the labels (no orphan, room for nine digits), the labels' weight and size,
// and merged groups across pages, checked on the grids of every template and on the .docx XML.
// LibreOffice's own layout of the same is checked in tables-libreoffice.test.ts.
import { describe, expect, it } from 'vitest';
import { computeValues, type ResolvedGrid } from '../../src/core';
import { isOrphaned, labelLines, numberScale } from '../../src/core/layout/columns';
import { TABLE, TEXT_HEIGHT, TEXT_WIDTH, SIZE } from '../../src/core/layout/gbt9704';
import { planGroups } from '../../src/core/layout/groups';
import { anchorColumns, columnWidths, gridFontSize, labelFontSize } from '../../src/core/layout/layout';
import { gridLayout } from '../../src/core/layout/paginate-grid';
import { nodeRegistry } from '../../src/node/templates';
import { renderDocx } from '../../src/render/docx/render-docx';
import { busy, template } from '../core/fixtures';
import { parts, tables } from './docx-parts';

const templates = ['gov-info-2021', 'gov-info-2019', 'gov-info-2008'].map((id) => nodeRegistry().get(id)!);
const grids = templates.flatMap((t) => t.grids.map((g) => ({ name: `${t.spec.id} ${g.id}`, grid: g })));

/** Every label with the width of the columns it spans. */
function labelsOf(grid: ResolvedGrid) {
  const widths = columnWidths(grid);
  const starts = anchorColumns(grid);
  return grid.rows.flatMap((row, r) =>
    row.items.flatMap((item, i) => {
      if (item.type !== 'header') return [];
      const width = widths.slice(starts[r]![i]!, starts[r]![i]! + item.colSpan).reduce((s, w) => s + w, 0);
      return [{ label: item.label, indent: item.indent ?? 0, width }];
    }),
  );
}

describe('an orphan', () => {
  it('is a wrapped label whose last line has one or two characters under a longer line', () => {
    expect(isOrphaned(['商业企', '业'])).toBe(true);
    expect(isOrphaned(['7.属于行政执法', '案卷'])).toBe(true);
    expect(isOrphaned(['结果', '维持'])).toBe(false);
    expect(isOrphaned(['社会公', '益组织'])).toBe(false);
    expect(isOrphaned(['总计'])).toBe(false);
  });
});

describe('column widths', () => {
  it.each(grids)('$name: whole twips filling the 版心, every column at least two characters of label type', ({ grid }) => {
    const widths = columnWidths(grid);
    expect(widths).toHaveLength(grid.columnCount);
    expect(widths.every((w) => Number.isInteger(w))).toBe(true);
    expect(widths.reduce((s, w) => s + w, 0)).toBe(TEXT_WIDTH);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(2 * labelFontSize(grid) * 10 + 2 * TABLE.cellMarginX);
  });

  it.each(grids)('$name: no header or row label wraps into an orphan', ({ grid }) => {
    const size = labelFontSize(grid);
    for (const { label, indent, width } of labelsOf(grid)) {
      const lines = labelLines(label, width, size, indent);
      expect(isOrphaned(lines), `${lines.join(' / ')} in ${width} twips`).toBe(false);
    }
  });

  it('the labels of 三 wrap as the official wording reads best: 商业企业 and 三、本年度办理结果 whole or evenly', () => {
    const g = template.grid('applications');
    const lines = (label: string) => labelLines(label, labelsOf(g).find((l) => l.label === label)!.width, labelFontSize(g));
    expect(lines('商业企业')).not.toEqual(['商业企', '业']);
    expect(lines('三、本年度办理结果').every((l) => [...l].length >= 3)).toBe(true);
    expect(lines('（三）不予公开').at(-1)!.length).toBeGreaterThanOrEqual(3);
  });

  it.each(grids)('$name: a nine-digit number fits every value column on one line; in narrow grids without narrowing', ({ grid }) => {
    const widths = columnWidths(grid);
    const values = new Map(grid.cells.map((c) => [c.id, 123456789 as number | null]));
    const size = gridFontSize(grid, values, widths);
    for (const w of widths.slice(grid.labelColumns)) {
      const scale = numberScale('123456789', w, size);
      expect((9 * 0.5 * size * 10 * scale) / 100, `${w} twips`).toBeLessThanOrEqual(w - 2 * TABLE.cellMarginX);
      if (grid.columnCount <= TABLE.denseColumns) expect(scale).toBe(100);
    }
  });
});

describe('numbers', () => {
  it('a nine-digit number is set smaller, and where even the smallest type is too wide, narrowed to fit', () => {
    const appeals = template.grid('appeals');
    const widths = columnWidths(appeals);
    const values = new Map(appeals.cells.map((c) => [c.id, 123456789 as number | null]));
    const size = gridFontSize(appeals, values, widths);
    expect(size).toBe(TABLE.minSize);
    const scale = numberScale('123456789', Math.min(...widths), size);
    expect(scale).toBeLessThan(100);
    // narrowed, the digits (half a character each) fit inside the cell margins
    expect((9 * 0.5 * size * 10 * scale) / 100).toBeLessThanOrEqual(Math.min(...widths) - 2 * TABLE.cellMarginX);
    expect(numberScale('213', Math.min(...widths), SIZE.hao5)).toBe(100);
  });

  it('in the .docx: labels in the regular weight at a fixed size, a narrowed number scaled with w:w', async () => {
    const r = busy();
    r.values['appeals:cases:review.upheld'] = 123456789;
    const xml = parts(await renderDocx(template, r)).get('word/document.xml')!;
    const tablesXml = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tablesXml).toHaveLength(template.grids.length);
    for (const t of tablesXml) expect(t).not.toContain('<w:b/>');
    const appeals = tablesXml[template.grids.findIndex((g) => g.id === 'appeals')]!;
    expect(appeals).toMatch(/<w:w w:val="\d{2}"\/><w:sz w:val="14"\/><w:szCs w:val="14"\/><\/w:rPr><w:t xml:space="preserve">123456789<\/w:t>/);
    // labels of 四 stay 小五 while its numbers shrink to 7 pt
    expect(appeals).toMatch(/<w:sz w:val="18"\/><w:szCs w:val="18"\/><\/w:rPr><w:t xml:space="preserve">结果维持<\/w:t>/);
  });
});

describe('merged groups across pages', () => {
  const grid = template.grid('applications');
  const heights = gridLayout(grid, computeValues(template, busy())).rowHeights;
  const group = (g: ResolvedGrid, label: string) => {
    const r = g.rows.findIndex((row) => row.items.some((i) => i.type === 'header' && i.label === label));
    const item = g.rows[r]!.items.find((i) => i.type === 'header' && i.label === label)!;
    return { row: r, span: item.rowSpan };
  };

  it('a group that fits on a page stays on one page: each of its rows is kept with the next', () => {
    const plan = planGroups(grid, heights, TEXT_HEIGHT);
    expect(plan.rows).toBe(grid.rows);
    const outcome = group(grid, '三、本年度办理结果');
    expect(outcome.span).toBe(22);
    for (let k = outcome.row; k < outcome.row + outcome.span - 1; k++) expect(plan.keep[k], `row ${k}`).toBe(true);
    expect(plan.keep[outcome.row + outcome.span - 1]).toBe(false);
    expect(plan.keep.at(-1)).toBe(false);
  });

  it('a group taller than a page is cut between its inner groups, each piece carrying the label', () => {
    const room = 4000;
    const plan = planGroups(grid, heights, room);
    const cut = { ...grid, rows: plan.rows };
    const pieces = plan.rows.flatMap((row, r) => row.items.filter((i) => i.type === 'header' && i.label === '三、本年度办理结果').map((i) => ({ r, span: i.rowSpan })));
    expect(pieces.length).toBeGreaterThan(1);
    const outcome = group(grid, '三、本年度办理结果');
    expect(pieces.reduce((s, p) => s + p.span, 0)).toBe(outcome.span);
    for (const p of pieces) {
      // each piece fits on a page, unless it is a single inner group taller than one
      expect(heights.slice(p.r, p.r + p.span).reduce((s, h) => s + h, 0)).toBeLessThanOrEqual(room);
      // no inner group is cut: a piece starts where no inner group is open
      for (const inner of ['（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']) {
        const g = group(grid, inner);
        expect(p.r <= g.row || p.r >= g.row + g.span, `${inner} cut at row ${p.r}`).toBe(true);
      }
      // rows inside a piece are kept together; the piece's last row is not kept
      for (let k = p.r; k < p.r + p.span - 1; k++) expect(plan.keep[k]).toBe(true);
    }
    // every row still covers the full width once, the label sitting in column 0
    const starts = anchorColumns(cut);
    cut.rows.forEach((row, r) => expect(row.items.length).toBe(starts[r]!.length));
    for (const p of pieces) expect(starts[p.r]![0]).toBe(0);
    const covered = cut.rows.map(() => 0);
    cut.rows.forEach((row, r) => row.items.forEach((i) => { for (let k = r; k < r + i.rowSpan; k++) covered[k]! += i.colSpan; }));
    expect(covered.every((c) => c === grid.columnCount)).toBe(true);
  });

  it('in the .docx: the rows of 三 under 三、本年度办理结果 carry keepNext, continuation cells too', async () => {
    const xml = parts(await renderDocx(template, busy())).get('word/document.xml')!;
    const t = tables(xml)[template.grids.indexOf(grid)]!;
    const raw = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)][template.grids.indexOf(grid)]![0];
    const rows = [...raw.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    const outcome = group(grid, '三、本年度办理结果');
    expect(t.rows[outcome.row]!.cells[0]!.vMerge).toBe('restart');
    for (let k = outcome.row; k < outcome.row + outcome.span - 1; k++) {
      const paragraphs = [...rows[k]!.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
      for (const p of paragraphs) expect(p, `row ${k}`).toContain('<w:keepNext/>');
    }
  });
});
