// The paginator on documents whose pages can be counted by hand from GB/T 9704's fixed geometry
// (22 lines of 28.95 pt in a 225 mm 版心; the title takes 2 × 35 pt and a line after it), and its
// rules: a paragraph never leaves one line alone at a page foot or head, a heading never ends a
// page, table rows are never split and each page a table continues on starts with its header
// rows, an attachment starts a page. paginate-truth.test.ts compares whole reports with
// LibreOffice.
import { describe, expect, it } from 'vitest';
import { composeDocument, paragraphBlock, type DocBlock } from '../../src/core';
import { paginate, titleBreaks, type Page, type PagePart } from '../../src/core/layout/paginate';
import { gridPlan } from '../../src/core/layout/paginate-grid';
import { nodeRegistry } from '../../src/node/templates';
import { readReport, seed002, template } from '../core/fixtures';

const han = (n: number) => '政'.repeat(n);
/** A paragraph of exactly `lines` full lines (25 characters after the indent, then 27 a line). */
const paragraph = (lines: number): DocBlock => paragraphBlock(han(25 + 27 * (lines - 1)));
const title: DocBlock = { kind: 'title', text: '示例区和平街道2024年政府信息公开工作年度报告' };
const heading = (text: string): DocBlock => ({ kind: 'heading', level: 1, text });

const linesOn = (page: Page) => page.parts.reduce((n, p) => n + (p.kind === 'lines' ? p.lines.length : 0), 0);
const kinds = (page: Page, blocks: DocBlock[]) => page.parts.map((p) => blocks[p.block]!.kind);

describe('paginate', () => {
  it('puts 18 body lines under a two-line title and 22 on every further page', () => {
    const blocks = [title, paragraph(18 + 22 + 5)];
    const pages = paginate(blocks);
    expect(pages.map(linesOn)).toEqual([18, 22, 5]);
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3]);
    const part = pages[1]!.parts[0] as Extract<PagePart, { kind: 'lines' }>;
    expect(part.from).toBe(18);
    expect(part.ends).toBe(false);
    expect((pages[2]!.parts[0] as Extract<PagePart, { kind: 'lines' }>).ends).toBe(true);
  });

  it('breaks a title too long for a line at the margin too, and counts its lines', () => {
    const long: DocBlock = { kind: 'title', text: '平潭综合实验区自然资源与生态环境局2024年政府信息公开工作年度报告' };
    expect(titleBreaks(long.text)).toEqual(['平潭综合实验区自然资源与生态环境局2024', '年', '政府信息公开工作年度报告']);
    // 3 × 35 pt + one line: 17 body lines are left on the first page.
    expect(paginate([long, paragraph(30)]).map(linesOn)).toEqual([17, 13]);
  });

  it('never leaves a paragraph’s first or last line alone on a page', () => {
    // 17 lines, then a paragraph of 4: one line would fit, the first two move together.
    let pages = paginate([title, paragraph(17), paragraph(4)]);
    expect(pages.map(linesOn)).toEqual([17, 4]);
    // 15 lines, then a paragraph of 4: three fit, but the last would be alone, so two go over.
    pages = paginate([title, paragraph(15), paragraph(4)]);
    expect(pages.map(linesOn)).toEqual([17, 2]);
    // 16 lines, then a paragraph of 4: two and two.
    pages = paginate([title, paragraph(16), paragraph(4)]);
    expect(pages.map(linesOn)).toEqual([18, 2]);
    // A paragraph of 3 cannot be split so: it moves whole.
    pages = paginate([title, paragraph(16), paragraph(3)]);
    expect(pages.map(linesOn)).toEqual([16, 3]);
    // A one-line paragraph fits in the last line.
    pages = paginate([title, paragraph(17), paragraph(1)]);
    expect(pages.map(linesOn)).toEqual([18]);
  });

  it('never ends a page with a heading', () => {
    const blocks = [title, paragraph(17), heading('二、主动公开政府信息情况'), paragraph(4)];
    const pages = paginate(blocks);
    expect(kinds(pages[0]!, blocks)).toEqual(['title', 'paragraph']);
    expect(kinds(pages[1]!, blocks)).toEqual(['heading', 'paragraph']);
    expect(pages.map(linesOn)).toEqual([17, 5]);
  });

  it('never splits a table row, and starts each page a table continues on with its header rows', () => {
    const report = seed002();
    report.narrative['overview.oversight'] = (report.narrative['overview.oversight'] ?? '') + '\n本段为分页测试而加。'.repeat(12);
    const blocks = composeDocument(template, report);
    const pages = paginate(blocks);
    blocks.forEach((block, b) => {
      if (block.kind !== 'grid') return;
      const plan = gridPlan(block.grid, block.values);
      const parts = pages.flatMap((p) => p.parts.filter((x): x is Extract<PagePart, { kind: 'rows' }> => x.kind === 'rows' && x.block === b));
      // Every row once, in order, each on one page.
      expect(parts.flatMap((p) => p.rows)).toEqual(plan.rows.map((_, r) => r));
      const head = plan.rows.flatMap((r, i) => (r.repeat ? [i] : []));
      parts.forEach((p, k) => expect(p.head).toEqual(k === 0 ? [] : head));
      // A row kept with the next is never the last on its page.
      for (const p of parts.slice(0, -1)) expect(plan.keep[p.rows.at(-1)!], `${block.grid.id} row ${p.rows.at(-1)}`).toBe(false);
    });
    expect(pages.some((p) => p.parts.some((x) => x.kind === 'rows' && x.head.length > 0))).toBe(true);
    // No page ends with a heading.
    for (const p of pages.slice(0, -1)) expect(blocks[p.parts.at(-1)!.block]!.kind).not.toBe('heading');
  });

  it('starts an attachment (the 统计表 of the 2008 format) on a page of its own', () => {
    const report = readReport('examples/seed-000.report.json');
    const blocks = composeDocument(nodeRegistry().get(report.template)!, report);
    const pages = paginate(blocks);
    const at = blocks.findIndex((b) => b.kind === 'heading' && b.pageBreak);
    expect(at).toBeGreaterThan(0);
    const page = pages.find((p) => p.parts.some((x) => x.block === at))!;
    expect(page.parts[0]!.block).toBe(at);
    // The signature before it ends the page before.
    expect(blocks[pages[pages.indexOf(page) - 1]!.parts.at(-1)!.block]!.kind).toBe('signature');
  });

  it('puts every block of a report on the pages, once and in order', () => {
    const blocks = composeDocument(template, seed002());
    const order = paginate(blocks).flatMap((p) => p.parts.map((x) => x.block));
    expect([...new Set(order)]).toEqual(blocks.map((_, i) => i));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
