// @vitest-environment jsdom
// The preview draws exactly composeDocument's blocks: the same texts in the same order, the bold
// leads, the grids with the spans the core resolved and the numbers of the report.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { cellText, composeDocument, createReport, parseReportText, titleText, type DocBlock, type Report } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { PreviewPage, ReportPreview, gridSections } from '../../src/ui/preview/ReportPreview';
import { ReportViews } from '../../src/ui/preview/ReportViews';
import { columnWidths, signatureIndents, titleLines } from '../../src/core/layout/layout';
import { TABLE } from '../../src/core/layout/gbt9704';
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

afterEach(cleanup);

/** Compare one block with the element drawn for it. */
function expectBlock(el: Element, block: DocBlock) {
  switch (block.kind) {
    case 'title':
      expect(el.tagName).toBe('H1');
      expect(el.textContent).toBe(block.text);
      break;
    case 'heading':
      expect(el.tagName).toBe(block.level === 1 ? 'H2' : 'H3');
      expect(el.textContent).toBe(block.text);
      break;
    case 'paragraph':
      expect(el.tagName).toBe('P');
      expect(el.textContent).toBe(block.runs.map((r) => r.text).join(''));
      expect([...el.querySelectorAll('strong')].map((s) => s.textContent)).toEqual(block.runs.filter((r) => r.bold).map((r) => r.text));
      break;
    case 'grid': {
      expect(el.tagName).toBe('TABLE');
      expect(el.getAttribute('data-grid')).toBe(block.grid.id);
      const rows = [...el.querySelectorAll('tr')];
      expect(rows).toHaveLength(block.grid.rows.length);
      block.grid.rows.forEach((row, r) => {
        const cells = [...rows[r]!.children];
        expect(cells).toHaveLength(row.items.length);
        row.items.forEach((item, i) => {
          const td = cells[i]!;
          expect(td.getAttribute('rowspan')).toBe(item.rowSpan > 1 ? String(item.rowSpan) : null);
          expect(td.getAttribute('colspan')).toBe(item.colSpan > 1 ? String(item.colSpan) : null);
          expect(td.textContent).toBe(item.type === 'value' ? cellText(block.values.get(item.id)) : item.label);
        });
      });
      break;
    }
    case 'signature':
      expect(el.textContent).toBe(block.organ + block.date);
      break;
  }
}

describe('ReportPreview', () => {
  it('draws exactly the blocks of composeDocument, in order, with the grids’ spans and numbers', () => {
    const blocks = composeDocument(template, seed);
    render(<PreviewPage blocks={blocks} />);
    const page = screen.getByRole('article', { name: '报告预览' });
    expect(page.children).toHaveLength(blocks.length);
    blocks.forEach((b, i) => expectBlock(page.children[i]!, b));
    // What the checks above rely on is really there: three grids, bold leads, the fee sentence, a date.
    expect(blocks.filter((b) => b.kind === 'grid')).toHaveLength(3);
    expect(page.querySelectorAll('strong').length).toBeGreaterThan(0);
    expect(page.textContent).toContain('150.5');
    expect(page.querySelector('.pv-date')).toHaveTextContent('2024年1月20日');
    // Every value the report holds (and every computed total) appears in its cell.
    for (const [id, v] of composeDocument(template, seed).flatMap((b) => (b.kind === 'grid' ? [...b.values] : []))) {
      const td = page.querySelector(`[data-cell="${id}"]`);
      if (td) expect(td.textContent).toBe(cellText(v));
    }
    expect(page.querySelectorAll('td[data-cell]')).toHaveLength(template.cells.size);
  });

  it('lays out columns and title with the .docx layout (src/docx/layout.ts)', () => {
    render(<ReportPreview store={createReportStore(template, seed)} />);
    for (const g of template.spec.sections.flatMap((s) => s.grids ?? [])) {
      const widths = columnWidths(template.grid(g));
      const total = widths.reduce((a, b) => a + b, 0);
      const cols = [...document.querySelectorAll(`table[data-grid="${g}"] col`)].map((c) => (c as HTMLElement).style.width);
      expect(cols).toEqual(widths.map((w) => `${((100 * w) / total).toFixed(3)}%`));
    }
    expect([...document.querySelectorAll('.pv-title-line')].map((l) => l.textContent)).toEqual(titleLines(titleText(template, seed)));
    // The date's first character is two characters right of the organ's (organ 10 characters, date 6.5).
    const s = signatureIndents('原州区三营镇人民政府', '2024年1月20日');
    expect(s.organ + 10 - (s.date + 6.5)).toBe(2);
  });

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

  it('is a tab beside the form, mounted only while shown; 打印 prints', async () => {
    const store = createReportStore(template, seed);
    const user = userEvent.setup();
    render(<ReportViews store={store} />);
    expect(screen.queryByRole('article', { name: '报告预览' })).toBeNull();
    await user.click(screen.getByRole('tab', { name: '预览' }));
    expect(screen.getByRole('tab', { name: '预览' })).toHaveAttribute('aria-selected', 'true');
    // The preview loads on first use.
    expect(await screen.findByRole('article', { name: '报告预览' })).toHaveTextContent('原州区三营镇2023年政府信息公开工作年度报告');
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
  it('cuts each grid into print sections: repeated header rows in <thead>, one <tbody> per block, short blocks kept whole', () => {
    render(<PreviewPage blocks={composeDocument(template, seed)} />);
    for (const g of template.grids) {
      const table = document.querySelector(`table[data-grid="${g.id}"]`)!;
      const { head, blocks } = gridSections(g);
      // Every row once, in order.
      expect([...head, ...blocks.flat()]).toEqual(g.rows);
      expect(table.querySelectorAll('thead tr')).toHaveLength(g.rows.filter((r) => r.repeat).length);
      const bodies = [...table.querySelectorAll('tbody')];
      expect(bodies.map((b) => b.rows.length)).toEqual(blocks.map((b) => b.length));
      bodies.forEach((b, i) => expect(b.classList.contains('pv-keep')).toBe(blocks[i]!.length <= TABLE.keepGroupRows));
    }
    // The 第二十条 grid: four blocks, each starting with its title row and kept whole.
    const article = document.querySelector('table[data-grid="article-20"]')!;
    const bodies = [...article.querySelectorAll('tbody')];
    expect(bodies).toHaveLength(4);
    for (const b of bodies) {
      expect(b.rows[0]!.className).toBe('pv-row-title');
      expect(b.className).toBe('pv-block pv-keep');
    }
    // Grid 三 repeats its header rows on every page.
    expect(document.querySelectorAll('table[data-grid="applications"] thead tr').length).toBeGreaterThan(0);
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
    expect(copy!.querySelector('article.pv-page')).toHaveTextContent('原州区三营镇2023年政府信息公开工作年度报告');
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
