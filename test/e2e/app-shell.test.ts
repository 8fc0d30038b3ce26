// The app shell in real Chromium under the CSP: one header (the product's name in Chinese, the
// open report, the save status) and one toolbar row 报告 · 导入 · 导出; the reports list and the
// import dialog are modal (the page behind is inert, Escape closes, focus returns to the button);
// the first-steps hint on an empty report; a refused "180.5" leaves the report's 179. Full-page
// screenshots of a new and of a filled report go to test-output/.
import { expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { guardPage, appInBrowser } from '../helpers/browser';

const app = appInBrowser();
const errors: string[] = [];
const TOOLBAR = ['报告列表', '新建报告', '打开文件', '保存为文件', '新建下一年度报告', '导入已发布的报告', '导出 Word 文档', '导出草稿'];
const cell = (page: Page, id: string) => page.locator(`[id="cell-${id}"]`);
const active = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { text: el && el !== document.body ? (el.textContent ?? '') : '', inDialog: !!el?.closest('dialog') };
  });

async function openPage(): Promise<Page> {
  const page = await app.context.newPage();
  guardPage(page, errors);
  await page.goto(app.url);
  await page.locator('.drafts-status').filter({ hasText: /^已保存/ }).waitFor();
  return page;
}

/** Tab n times; every stop must be inside the open dialog (the page behind is inert). */
async function tabsStayInDialog(page: Page, n: number) {
  let inside = 0;
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('Tab');
    const a = await active(page);
    // Chromium may pass focus to the browser's own UI once around the cycle (activeElement = body).
    if (a.text !== '' || a.inDialog) expect(a.inDialog, `Tab ${i + 1} left the dialog for “${a.text}”`).toBe(true);
    if (a.inDialog) inside++;
  }
  expect(inside).toBeGreaterThanOrEqual(n / 2);
}

it('a new report: one header with the name, the open report and the status; one toolbar row; the first-steps hint', async () => {
  const page = await openPage();
  const header = page.getByRole('banner');
  expect(await page.locator('h1').textContent()).toBe('政府信息公开工作年度报告编制器 nianbao');
  expect(await page.title()).toMatch(/^政府信息公开工作年度报告编制器/);
  const year = await page.locator('#fact-year').inputValue();
  expect(await header.locator('.app-current').textContent()).toBe(`正在编辑：（未填机关名称） ${year} 年度`);
  // Every toolbar button on one row at 1400 px.
  const tops = new Set<number>();
  for (const name of TOOLBAR) {
    const box = await header.getByRole('button', { name, exact: true }).boundingBox();
    expect(box, name).not.toBeNull();
    tops.add(Math.round(box!.y / 8));
  }
  expect(tops.size).toBe(1);
  for (const group of ['报告', '导入', '导出']) expect(await header.getByRole('group', { name: group, exact: true }).count()).toBe(1);
  const hint = page.getByRole('region', { name: '从这里开始' });
  expect(await hint.textContent()).toContain('填写机关名称和年度');
  expect(await hint.textContent()).toContain('导入已发布的报告');
  mkdirSync('test-output', { recursive: true });
  await page.screenshot({ path: 'test-output/app-shell.png', fullPage: true });
  await page.screenshot({ path: 'test-output/app-shell-top.png' });
  // Typing the organ's name: the header follows, and the hint goes (the report has content now).
  await page.locator('#fact-organ').fill('某某镇人民政府');
  await expect.poll(() => header.locator('.app-current').textContent()).toBe(`正在编辑：某某镇人民政府 ${year} 年度`);
  expect(await hint.count()).toBe(0);
  // The export's refusal drops below the toolbar, over the page: the toolbar stays one row.
  await header.getByRole('button', { name: '导出 Word 文档' }).click();
  await page.locator('.export-refused').waitFor();
  const row = await header.getByRole('button', { name: '报告列表' }).boundingBox();
  expect(Math.round((await header.getByRole('button', { name: '导出草稿' }).boundingBox())!.y)).toBe(Math.round(row!.y));
  await page.screenshot({ path: 'test-output/app-shell-export.png' });
  await page.close();
  expect(errors).toEqual([]);
});

it('the reports list and the import dialog are modal: the page behind is inert, Escape closes, focus returns', async () => {
  const page = await openPage();
  for (const [button, title] of [
    ['报告列表', '报告列表'],
    ['导入已发布的报告', '导入已发布的报告'],
  ] as const) {
    const opener = page.getByRole('button', { name: button, exact: true });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: title });
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => d.matches(':modal'))).toBe(true);
    // The form behind cannot be clicked or reached by Tab.
    const organ = page.locator('#fact-organ');
    await expect(organ.click({ timeout: 300 })).rejects.toThrow();
    await tabsStayInDialog(page, 12);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => active(page)).toEqual({ text: button, inDialog: false });
  }
  await page.close();
  expect(errors).toEqual([]);
});

it('a filled report: the header names it; a refused “180.5” over 179 leaves 179 and the totals', async () => {
  const page = await openPage();
  await page.getByTestId('open-file').setInputFiles('examples/seed-002.report.json');
  const header = page.getByRole('banner');
  await expect.poll(() => header.locator('.app-current').textContent()).toBe('正在编辑：seed-002.report原州区三营镇人民政府 · 2023 年度');
  expect(await page.getByRole('region', { name: '从这里开始' }).count()).toBe(0);
  const id = 'article-20:licensing:decisions';
  const before = await cell(page, id).inputValue();
  expect(before).toBe('179');
  const panel = page.getByRole('complementary', { name: '检查结果' });
  const errorsBefore = Number((await panel.getByRole('status').textContent())!.match(/^错误 (\d+)/)![1]);
  await cell(page, id).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('180.5');
  await page.keyboard.press('Tab');
  expect(await cell(page, id).inputValue()).toBe('180.5');
  expect(await cell(page, id).getAttribute('aria-invalid')).toBe('true');
  await expect.poll(() => page.locator(`[id="refusal-${id}"]`).textContent()).toContain('（未保存，表中仍为 179）');
  await expect.poll(() => panel.getByRole('status').textContent()).toMatch(new RegExp(`^错误 ${errorsBefore + 1} ·`));
  await page.getByRole('tab', { name: '预览' }).click();
  expect(await page.getByRole('article', { name: '报告预览' }).textContent()).toContain('179');
  await page.getByRole('tab', { name: '填写' }).click();
  await page.screenshot({ path: 'test-output/app-shell-filled.png', fullPage: true });
  await page.screenshot({ path: 'test-output/app-shell-filled-top.png' });
  // The reports list as a dialog over the page.
  await page.getByRole('button', { name: '报告列表', exact: true }).click();
  await page.getByRole('dialog', { name: '报告列表' }).locator('tbody tr').first().waitFor();
  await page.screenshot({ path: 'test-output/app-shell-list.png' });
  await page.keyboard.press('Escape');
  await page.close();
  expect(errors).toEqual([]);
});
