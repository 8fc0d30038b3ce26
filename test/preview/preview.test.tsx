// @vitest-environment jsdom
// The preview draws the paginator's pages: one sheet per page of the .docx, each holding exactly
// the lines and rows paginate() put there, in order, with the page number; every block of
// composeDocument appears once across the sheets (a repeated header is the only repetition), the
// grids keep the spans the core resolved and the numbers of the report; a merged label cut by a
// page end continues as an empty cell. The zoom is a select, remembered for the session.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { cellText, composeDocument, createReport, parseReportText, titleText, type DocBlock, type Report } from '../../src/core';
import { paginate, type Page } from '../../src/core/layout/paginate';
import { createReportStore } from '../../src/store/report-store';
import { ReportPreview } from '../../src/ui/preview/ReportPreview';
import { PreviewSheets } from '../../src/ui/preview/PreviewSheets';
import { ReportViews } from '../../src/ui/preview/ReportViews';
import { columnWidths, signatureIndents, titleLines } from '../../src/core/layout/layout';
import { registry } from '../../src/ui/shell/templates';

const template = registry.get('gov-info-2021')!;
const parsed = parseReportText(readFileSync('examples/seed-002.report.json', 'utf8'), registry.get);
if (!parsed.ok) throw new Error('seed-002 does not parse');
// A finished report: a 成文日期, a collected fee (its sentence), a numbered narrative line (a bold lead).
const seed: Report = {
  ...parsed.report,
  dates: { ...parsed.report.dates, written: '2024-01-20' },
  fee: { status: 'collected', notices: 2, amount: 150.5, collectedAmount: 100 },
  narrative: { ...parsed.report.narrative, problems: '1.公开意识不强。要加强学习。\n（一）下一步工作\n继续努力。', other: '无其他需要报告的事项。' },
};

const squeeze = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');

/** The text a page holds, part by part, as the paginator says (repeated header rows left out). */
function pageText(page: Page, blocks: DocBlock[]): string {
  return page.parts
    .map((part) => {
      const block = blocks[part.block]!;
      if (part.kind === 'lines') return part.lines.map((l) => l.map((r) => r.text).join('')).join('');
      if (part.kind === 'rows' && block.kind === 'grid')
        return part.rows.map((r) => block.grid.rows[r]!.items.map((i) => (i.type === 'value' ? cellText(block.values.get(i.id)) : i.label)).join('')).join('');
      if (block.kind === 'title') return block.text;
      if (block.kind === 'signature') return block.organ + block.date;
      return '';
    })
    .join('');
}

/** The text of a sheet as drawn, without the repeated header rows and the page number. */
function sheetText(sheet: Element): string {
  const copy = sheet.cloneNode(true) as Element;
  copy.querySelectorAll('thead, .pv-folio').forEach((e) => e.remove());
  return squeeze(copy.textContent);
}

/** Everything the document says, block after block. */
function documentText(blocks: DocBlock[]): string {
  return squeeze(
    blocks
      .map((b) => {
        if (b.kind === 'title') return b.text;
        if (b.kind === 'heading') return b.text;
        if (b.kind === 'paragraph') return b.runs.map((r) => r.text).join('');
        if (b.kind === 'signature') return b.organ + b.date;
        return b.grid.rows.map((row) => row.items.map((i) => (i.type === 'value' ? cellText(b.values.get(i.id)) : i.label)).join('')).join('');
      })
      .join(''),
  );
}

beforeEach(() => sessionStorage.clear());
afterEach(cleanup);

describe('the preview’s sheets', () => {
  it('draws each page of the paginator on its own sheet: the same text, in order, numbered', () => {
    const blocks = composeDocument(template, seed);
    const pages = paginate(blocks);
    render(<PreviewSheets blocks={blocks} pages={pages} />);
    const sheets = [...document.querySelector('article.pv-sheets[aria-label="报告预览"]')!.querySelectorAll('.pv-page')];
    expect(sheets).toHaveLength(pages.length);
    expect(pages.length).toBeGreaterThan(4);
    pages.forEach((page, i) => {
      expect(sheetText(sheets[i]!)).toBe(squeeze(pageText(page, blocks)));
      expect(sheets[i]!.querySelector('.pv-folio')!.textContent).toBe(`— ${i + 1} —`);
      expect(sheets[i]!.querySelector('.pv-folio')!.className).toContain(i % 2 ? 'pv-folio-even' : 'pv-folio-odd');
    });
    // Across the sheets, the whole document once: nothing lost, nothing twice.
    expect(sheets.map(sheetText).join('')).toBe(documentText(blocks));
    // Every value cell once, with its number; bold leads, the fee sentence and the date are there.
    expect(document.querySelectorAll('td[data-cell]')).toHaveLength(template.cells.size);
    for (const [id, v] of blocks.flatMap((b) => (b.kind === 'grid' ? [...b.values] : []))) {
      const td = document.querySelector(`[data-cell="${id}"]`);
      if (td) expect(td.textContent).toBe(cellText(v));
    }
    expect([...document.querySelectorAll('strong')].map((s) => s.textContent).join('')).toContain('1.公开意识不强。');
    expect(document.body.textContent).toContain('150.5');
    expect(document.querySelector('.pv-date')).toHaveTextContent('2024年1月20日');
  });

  it('draws lines as the paginator broke them: the first indented, all but a paragraph’s last justified', () => {
    const blocks = composeDocument(template, seed);
    const pages = paginate(blocks);
    render(<PreviewSheets blocks={blocks} pages={pages} />);
    const drawn = [...document.querySelectorAll('.pv-line')];
    const expected = pages.flatMap((p) => p.parts.flatMap((part) => (part.kind === 'lines' ? part.lines.map((l, i) => ({ text: l.map((r) => r.text).join(''), first: part.from + i === 0, last: part.ends && i === part.lines.length - 1 })) : [])));
    expect(drawn.map((l) => l.textContent)).toEqual(expected.map((l) => l.text));
    expected.forEach((l, i) => {
      expect(drawn[i]!.classList.contains('pv-first')).toBe(l.first);
      expect(drawn[i]!.classList.contains('pv-justify')).toBe(!l.last);
    });
  });

  it('repeats a grid’s header rows on the pages it continues on, with the rows the .docx has there', () => {
    const report = structuredClone(seed);
    // Enough text before 三 that it continues on a next page.
    report.narrative['overview.oversight'] = (report.narrative['overview.oversight'] ?? '') + '\n本段为分页测试而加。'.repeat(12);
    const blocks = composeDocument(template, report);
    const pages = paginate(blocks);
    const index = blocks.findIndex((b) => b.kind === 'grid' && b.grid.id === 'applications');
    const pieces = pages.flatMap((p) => p.parts.filter((part) => part.kind === 'rows' && part.block === index));
    expect(pieces.length).toBeGreaterThan(1);
    render(<PreviewSheets blocks={blocks} pages={pages} />);
    const tables = [...document.querySelectorAll('table[data-grid="applications"]')];
    expect(tables).toHaveLength(pieces.length);
    const grid = template.grid('applications');
    const headRows = grid.rows.filter((r) => r.repeat).length;
    expect(tables[0]!.querySelector('thead')).toBeNull();
    expect(tables[0]!.getAttribute('aria-label')).toBe(grid.label);
    tables.forEach((table, i) => {
      if (i > 0) expect(table.querySelectorAll('thead tr')).toHaveLength(headRows);
      // A merged group is never cut by a page here: the .docx keeps it on one page.
      expect(table.querySelector('.pv-merged-cont')).toBeNull();
      expect(table.querySelectorAll('tbody tr')).toHaveLength((pieces[i] as { rows: number[] }).rows.length);
      // The rows have the heights the paginator counted with.
      expect([...table.querySelectorAll('tr')].every((tr) => /pt$/.test((tr as HTMLElement).style.height))).toBe(true);
    });
  });

  it('draws a merged label cut by a page end as Word does: its rows on the first page, an empty cell on the next', () => {
    const blocks = composeDocument(template, seed);
    const index = blocks.findIndex((b) => b.kind === 'grid' && b.grid.id === 'applications');
    const grid = template.grid('applications');
    const head = grid.rows.flatMap((r, i) => (r.repeat ? [i] : []));
    const all = grid.rows.map((_, i) => i);
    // Cut inside 三、本年度办理结果 (rows 5–26) and inside （三）不予公开 (rows 7–14), at row 10.
    const pages: Page[] = [
      { number: 1, parts: [{ kind: 'rows', block: index, head: [], rows: all.slice(0, 10) }] },
      { number: 2, parts: [{ kind: 'rows', block: index, head, rows: all.slice(10) }] },
    ];
    render(<PreviewSheets blocks={blocks} pages={pages} />);
    const [first, second] = [...document.querySelectorAll('table[data-grid="applications"]')];
    const outcome = [...first!.querySelectorAll('th')].find((th) => squeeze(th.textContent) === '三、本年度办理结果')!;
    expect(outcome.getAttribute('rowspan')).toBe('5'); // rows 5–9
    const cont = [...second!.querySelector('tbody tr')!.querySelectorAll('.pv-merged-cont')];
    expect(cont.map((c) => c.getAttribute('rowspan'))).toEqual(['17', '5']); // rows 10–26, rows 10–14
    expect(cont.every((c) => c.textContent === '')).toBe(true);
    // Every row of the second table fills the width: 10 columns, counting the spans from above.
    const firstRow = second!.querySelector('tbody tr')!;
    expect([...firstRow.children].reduce((n, c) => n + Number(c.getAttribute('colspan') ?? 1), 0)).toBe(grid.columnCount);
  });

  it('lays out columns and title with the .docx layout (core/layout)', () => {
    render(<ReportPreview store={createReportStore(template, seed)} />);
    for (const g of template.spec.sections.flatMap((s) => s.grids ?? [])) {
      const widths = columnWidths(template.grid(g));
      const total = widths.reduce((a, b) => a + b, 0);
      const cols = [...document.querySelectorAll(`table[data-grid="${g}"]`)[0]!.querySelectorAll('col')].map((c) => parseFloat((c as HTMLElement).style.width));
      expect(cols).toEqual(widths.map((w) => Number(((100 * w) / total).toFixed(3))));
    }
    expect([...document.querySelectorAll('.pv-title-line')].map((l) => l.textContent)).toEqual(titleLines(titleText(template, seed)));
    // The date's first character is two characters right of the organ's (organ 10 characters, date 6.5).
    const s = signatureIndents('原州区三营镇人民政府', '2024年1月20日');
    expect(s.organ + 10 - (s.date + 6.5)).toBe(2);
  });
});

describe('ReportPreview', () => {
  it('follows the store: a number typed in the form appears in the preview', async () => {
    const store = createReportStore(template, createReport(template, 2024));
    render(<ReportPreview store={store} />);
    const id = 'applications:new:natural-person';
    expect(document.querySelector(`[data-cell="${id}"]`)).toHaveTextContent(/^$/);
    await act(async () => {
      store.typeCell(id, '42');
    });
    expect(document.querySelector(`[data-cell="${id}"]`)).toHaveTextContent(/^42$/);
    expect(document.querySelector('[data-cell="applications:new:total"]')).toHaveTextContent(/^42$/);
  });

  it('zooms from a select reached by keyboard, and remembers the choice for the session', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<ReportPreview store={createReportStore(template, seed)} />);
    const select = screen.getByRole('combobox', { name: '缩放' });
    expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['适合宽度', '75%', '100%', '125%']);
    expect(select).toHaveValue('fit');
    select.focus();
    await user.selectOptions(select, '125%');
    expect((document.querySelector('.pv-zoomed') as HTMLElement).style.zoom).toBe('1.25');
    unmount();
    render(<ReportPreview store={createReportStore(template, seed)} />);
    expect(screen.getByRole('combobox', { name: '缩放' })).toHaveValue('1.25');
    expect((document.querySelector('.pv-zoomed') as HTMLElement).style.zoom).toBe('1.25');
  });

  it('is a tab beside the form, mounted only while shown; 打印 prints', async () => {
    const store = createReportStore(template, seed);
    const user = userEvent.setup();
    render(<ReportViews store={store} />);
    expect(screen.queryByRole('article', { name: '报告预览' })).toBeNull();
    await user.click(screen.getByRole('tab', { name: '预览' }));
    expect(screen.getByRole('tab', { name: '预览' })).toHaveAttribute('aria-selected', 'true');
    // The preview loads on first use.
    expect(squeeze((await screen.findByRole('article', { name: '报告预览' }, { timeout: 10_000 })).textContent)).toContain('原州区三营镇2023年政府信息公开工作年度报告');
    expect(document.getElementById('view-form')).not.toBeVisible();
    let printed = 0;
    window.print = () => void printed++;
    await user.click(screen.getByRole('button', { name: '打印' }));
    expect(printed).toBe(1);
    await user.keyboard('{ArrowLeft}');
    await user.click(screen.getByRole('tab', { name: '填写' }));
    expect(screen.queryByRole('article', { name: '报告预览' })).toBeNull();
    expect(document.getElementById('view-form')).toBeVisible();
  });

  it('printing from 填写 prints the report: a copy of the preview is mounted from beforeprint to afterprint', async () => {
    render(<ReportViews store={createReportStore(template, seed)} />);
    expect(document.getElementById('view-form')).toBeVisible();
    expect(document.querySelector('.report-preview')).toBeNull();
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    const copy = document.querySelector('.print-copy');
    expect(copy).not.toBeNull();
    expect(squeeze(copy!.querySelector('article.pv-sheets')!.textContent)).toContain('原州区三营镇2023年政府信息公开工作年度报告');
    expect(copy!.querySelectorAll('td[data-cell]')).toHaveLength(template.cells.size);
    act(() => {
      window.dispatchEvent(new Event('afterprint'));
    });
    expect(document.querySelector('.report-preview')).toBeNull();
    // While 预览 is shown, the preview itself prints: no second copy.
    await userEvent.setup().click(screen.getByRole('tab', { name: '预览' }));
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    expect(document.querySelectorAll('.report-preview')).toHaveLength(1);
    expect(document.querySelector('.print-copy')).toBeNull();
  });
});
