// The authoring form in real Chromium, production build, strict CSP: typing, totals, findings,
// a refused value, a spreadsheet paste, and keyboard movement.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { guardPage, launch, serveApp, type App } from '../helpers/browser';

let app: App;
let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;
let errors: string[];
beforeAll(async () => {
  app = await serveApp();
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
