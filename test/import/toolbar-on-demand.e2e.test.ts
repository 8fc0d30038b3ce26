// The toolbar's 导入 and 导出 in the production build, in real Chromium, when the code behind the
// buttons is slow to come or cannot come (a first visit: no service worker yet; the network gone):
// the buttons are there at once; a press waits on its button (aria-busy) and is acted on when the
// code arrives; a fetch that fails is said in Chinese, and nothing else happens.
import { expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { appInBrowser, guardPage } from '../helpers/browser';

const app = appInBrowser();
const EXPORT_CODE = /\/assets\/ExportPanel-[^/]+\.js$/;
const IMPORT_CODE = /\/assets\/ImportDialog-[^/]+\.js$/;

/** A page of its own (no service worker to serve the chunks) whose chunks matching `code` wait for `release`. */
async function pageHolding(code: RegExp): Promise<{ page: Page; requested: () => number; release: () => Promise<void> }> {
  const context = await app.context.browser()!.newContext({ serviceWorkers: 'block', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  page.on('close', () => void context.close());
  const held: Route[] = [];
  let open = false;
  await page.route(code, (route) => (open ? route.continue() : void held.push(route)));
  return {
    page,
    requested: () => held.length,
    release: async () => {
      open = true;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

it('导出草稿 pressed while its code is on its way is busy, then downloads the draft once', async () => {
  const { page, requested, release } = await pageHolding(EXPORT_CODE);
  const errors = guardPage(page);
  await page.goto(app.url);
  const draft = page.getByRole('button', { name: '导出草稿' });
  await draft.click();
  await expect.poll(() => draft.getAttribute('aria-busy')).toBe('true');
  expect(await page.getByRole('button', { name: '导出 Word 文档' }).getAttribute('aria-disabled')).toBe('true');
  // Fetched once: on idle after the first paint or on the press, whichever came first.
  await expect.poll(requested).toBe(1);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), release()]);
  expect(download.suggestedFilename()).toMatch(/（草稿）\.docx$/);
  await expect.poll(() => draft.getAttribute('aria-busy')).toBeNull();
  await page.getByText(/^已导出“.*（草稿）\.docx”/).waitFor({ timeout: 30_000 });
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);

it('导入已发布的报告 pressed while the dialog is on its way is busy, then the dialog opens; Escape gives focus back', async () => {
  const { page, release } = await pageHolding(IMPORT_CODE);
  const errors = guardPage(page);
  await page.goto(app.url);
  const button = page.getByRole('button', { name: '导入已发布的报告' });
  await button.click();
  await expect.poll(() => button.getAttribute('aria-busy')).toBe('true');
  expect(await page.getByRole('dialog').count()).toBe(0);
  await release();
  const dialog = page.getByRole('dialog', { name: '导入已发布的报告' });
  await dialog.getByLabel('网页上复制的报告文字：').waitFor({ timeout: 30_000 });
  expect(await button.getAttribute('aria-busy')).toBeNull();
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('导入已发布的报告');
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);

it('offline before the app was kept on this computer: each button says its code could not be loaded', async () => {
  const context = await app.context.browser()!.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route(EXPORT_CODE, (route) => route.abort('internetdisconnected'));
  await page.route(IMPORT_CODE, (route) => route.abort('internetdisconnected'));
  const downloads: unknown[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.goto(app.url);
  await page.getByRole('button', { name: '导出 Word 文档' }).click();
  const exportAlert = page.locator('.export-actions [role=alert]');
  await expect.poll(() => exportAlert.textContent(), { timeout: 30_000 }).toMatch(/^导出功能未能加载（.+）。可能是网络已断开，而本程序尚未完整保存到本机：请连上网络后刷新页面再试。$/);
  // Said as an error (red), not in the green of 已导出.
  expect(await exportAlert.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(170, 0, 0)');
  await page.getByRole('button', { name: '导入已发布的报告' }).click();
  const importAlert = page.locator('.import-load-error');
  await expect.poll(() => importAlert.textContent(), { timeout: 30_000 }).toMatch(/^导入功能未能加载（.+）。/);
  expect(await importAlert.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(170, 0, 0)');
  expect(await page.getByRole('dialog').count()).toBe(0);
  expect(downloads).toEqual([]);
  expect(await page.getByRole('button', { name: '导出 Word 文档' }).getAttribute('aria-disabled')).toBeNull();
  await context.close();
}, 120_000);
