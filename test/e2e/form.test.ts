// The authoring form in real Chromium, production build, strict CSP: typing, totals, findings,
// a refused value, a spreadsheet paste, and keyboard movement.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { checkReport, computeValues, parseReportText, type Report } from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';
import { guardPage, launch, serveDistCopy, type App } from '../helpers/browser';

const registry = nodeRegistry();
const template = registry.get('gov-info-2021')!;
const parsed = parseReportText(readFileSync('examples/seed-002.report.json', 'utf8'), registry.get);
if (!parsed.ok) throw new Error('seed-002 does not parse');
const seed = parsed.report;

let app: App;
let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;
let errors: string[];
beforeAll(async () => {
  app = await serveDistCopy();
  browser = await launch();
  page = await browser.context.newPage();
  errors = guardPage(page);
  await page.goto(app.url);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const cell = (id: string) => page.locator(`[id="cell-${id}"]`);
const A = (row: string, col: string) => `applications:${row}:${col}`;

it('types counts and computes totals', async () => {
  await cell(A('new', 'commercial')).fill('5');
  await cell(A('new', 'research')).pressSequentially('1２');
  await expect.poll(() => cell(A('new', 'total')).textContent()).toBe('17');
  await cell(A('disclosed', 'commercial')).fill('4');
  await expect.poll(() => cell(A('outcome-total', 'commercial')).textContent()).toBe('4');
  expect(errors).toEqual([]);
});

it('keeps a refused value visible and explains it, and moves with the keyboard', async () => {
  await cell(A('carried-over', 'research')).fill('/');
  expect(await cell(A('carried-over', 'research')).inputValue()).toBe('/');
  expect(await cell(A('carried-over', 'research')).getAttribute('aria-invalid')).toBe('true');
  await expect.poll(() => page.locator(`[id="refusal-${A('carried-over', 'research')}"]`).textContent()).toContain('没有发生请填 0');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(`cell-${A('disclosed', 'research')}`);
  await page.keyboard.press('ArrowRight');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(`cell-${A('disclosed', 'public-interest')}`);
});

it('pastes a block from the system clipboard into the grid', async () => {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  await page.evaluate(() => navigator.clipboard.writeText('1\t2\t3\r\n4\t5\t6\r\n'));
  await cell('appeals:cases:review.upheld').click();
  await page.keyboard.press('Control+V');
  await expect.poll(() => cell('appeals:cases:review.total').textContent()).toBe('6');
  // The second row falls outside 四 (one row): reported, not lost.
  await expect.poll(() => page.locator('#grid-appeals ~ [role=status]').textContent()).toMatch(/超出表格范围.*“4”/);
  expect(await cell('appeals:cases:review.other').inputValue()).toBe('3');
  expect(await cell('appeals:cases:direct.upheld').inputValue()).toBe('');
  expect(errors).toEqual([]);
});

it('pastes a whole column of 三 and reports the R1 imbalance it makes, naming column and both sides', async () => {
  // 25 rows: 一 = 5, 二 = 0, the 21 outcomes (予以公开 4, the rest 0), （七）总计 as printed (4), 四 = 0.
  const column = ['5', '0', '4', ...Array(20).fill('0'), '4', '0'].join('\r\n');
  await page.evaluate((text) => navigator.clipboard.writeText(text), column);
  await cell(A('new', 'natural-person')).click();
  await page.keyboard.press('Control+V');
  await expect.poll(() => cell(A('outcome-total', 'natural-person')).textContent()).toBe('4');
  const panel = page.getByRole('complementary', { name: '检查结果' });
  await expect.poll(() => panel.getByRole('button', { name: /R1/ }).first().textContent()).toMatch(/自然人.*5.*4/);
  expect(await cell(A('new', 'natural-person')).getAttribute('data-level')).toBe('error');
  // The finding leads to its cell.
  await panel.getByRole('button', { name: /R1/ }).first().click();
  expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^cell-applications:.*:natural-person$/);
  expect(errors).toEqual([]);
});

it('takes the whole seed-002 report typed by keyboard alone (Tab between cells), checks clean, leads to a broken cell, and previews it', async () => {
  // A fresh context: no draft from the tests above.
  const context = await browser.browser!.newContext({ viewport: { width: 1400, height: 1000 } });
  const p = await context.newPage();
  const errs = guardPage(p);
  await p.goto(app.url);
  const at = () => p.evaluate(() => document.activeElement?.id ?? '');
  const c = (id: string) => p.locator(`[id="cell-${id}"]`);
  await c(template.inputCells[0]!.id).waitFor();
  // The facts, typed.
  await p.locator('#fact-organ').focus();
  await p.keyboard.type(seed.organ.name);
  await p.keyboard.press('Tab');
  await p.keyboard.type(seed.organ.titleName ?? '');
  await p.locator('#fact-year').focus();
  await p.keyboard.press('Control+A');
  await p.keyboard.type(String(seed.year));
  // Every input cell of every grid: the value (0 for the four blank 行政复议 cells), then Tab.
  for (const gridId of template.spec.sections.flatMap((s) => s.grids ?? [])) {
    const cells = template.grid(gridId).cells.filter((x) => !x.computed);
    await c(cells[0]!.id).focus();
    for (let i = 0; i < cells.length; i++) {
      expect(await at()).toBe(`cell-${cells[i]!.id}`);
      await p.keyboard.type(String(seed.values[cells[i]!.id] ?? 0));
      if (i < cells.length - 1) await p.keyboard.press('Tab');
    }
    // Shift+Tab goes back one cell, over the computed totals.
    await p.keyboard.press('Shift+Tab');
    expect(await at()).toBe(`cell-${cells.at(-2)!.id}`);
  }
  const typed: Report = { ...seed, printed: undefined, values: Object.fromEntries(template.inputCells.map((x) => [x.id, seed.values[x.id] ?? 0])) };
  // Totals as the core computes them, and no error.
  const totals = computeValues(template, typed);
  for (const x of template.cells.values()) if (x.computed) expect(await c(x.id).textContent()).toBe(String(totals.get(x.id) ?? ''));
  const panel = p.getByRole('complementary', { name: '检查结果' });
  // No blank cell is left (only text or facts may still be unfinished); the panel follows the last key.
  await expect.poll(() => panel.getByRole('button', { name: /^空白单元格填0/ }).count()).toBe(0);
  await expect.poll(() => panel.textContent()).not.toMatch(/单元格 \d/);
  await expect.poll(() => panel.getByRole('status').textContent()).toMatch(/^错误 0 · 警告 \d+ · 未完成 \d+$/);
  expect(await p.locator('[data-level=error]').count()).toBe(0);
  mkdirSync('test-output', { recursive: true });
  await p.screenshot({ path: 'test-output/form-filled.png', fullPage: true });
  await p.locator('#grid-applications').screenshot({ path: 'test-output/form-grid-applications.png' });

  // Break one cell: 一、本年新收 for 自然人 one more than the outcomes add up to.
  const broken = 'applications:new:natural-person';
  await c(broken).focus();
  await p.keyboard.press('Control+A');
  await p.keyboard.type(String((typed.values[broken] ?? 0) + 1));
  const r1 = checkReport(template, { ...typed, values: { ...typed.values, [broken]: (typed.values[broken] ?? 0) + 1 } }, { mode: 'draft' }).find((f) => f.rule === 'R1')!;
  // R1 of the 自然人 column (and of the 总计 column it feeds): the finding names both sides.
  await expect.poll(() => panel.getByRole('button', { name: /R1/ }).count()).toBeGreaterThan(0);
  const button = panel.getByRole('button').filter({ hasText: r1.message });
  expect(await button.count()).toBe(1);
  await p.locator('#fact-phone').focus();
  await button.click();
  expect(await at()).toBe(`cell-${r1.cells.find((x) => !template.cells.get(x)!.computed)}`);
  expect(await c(broken).getAttribute('data-level')).toBe('error');

  // The preview: the merged cells of the grids and the numbers typed.
  await p.getByRole('tab', { name: '预览' }).click();
  const preview = p.getByRole('article', { name: '报告预览' });
  await preview.waitFor();
  for (const gridId of ['applications', 'appeals']) {
    // The grid's first sheet (a grid may continue on the next one): its rows, spans cut at the page end.
    const first = preview.locator(`table[data-grid="${gridId}"]`).first();
    const spans = await first.locator('th').evaluateAll((els) => els.map((e) => `${(e as HTMLTableCellElement).rowSpan}x${(e as HTMLTableCellElement).colSpan}`));
    const n = await first.locator('tr').count();
    const expected = template.grid(gridId).rows.slice(0, n).flatMap((r, k) => r.items.filter((i) => i.type === 'header').map((i) => `${Math.min(i.rowSpan, n - k)}x${i.colSpan}`));
    expect(spans).toEqual(expected);
    expect(spans.some((s) => s !== '1x1')).toBe(true);
  }
  expect(await preview.locator(`td[data-cell="${broken}"]`).textContent()).toBe(String((typed.values[broken] ?? 0) + 1));
  const permit = Object.entries(seed.values).find(([, v]) => (v ?? 0) > 100)!;
  expect(await preview.locator(`td[data-cell="${permit[0]}"]`).textContent()).toBe(String(permit[1]));
  await expect.poll(() => preview.locator('h1').textContent()).toBe(`${seed.organ.titleName}${seed.year}年政府信息公开工作年度报告`);
  await p.screenshot({ path: 'test-output/form-preview.png', fullPage: true });
  // Printing shows the preview alone, on A4.
  await p.emulateMedia({ media: 'print' });
  expect(await p.locator('.findings').isVisible()).toBe(false);
  expect(await preview.isVisible()).toBe(true);
  await p.pdf?.({ path: 'test-output/form-preview.pdf', format: 'A4' }).catch(() => undefined);
  await p.emulateMedia({ media: 'screen' });
  expect(errs).toEqual([]);
  await context.close();
});
