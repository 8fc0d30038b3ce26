// The export in the production build, in real Chromium under the CSP: the docx code is not in
// the first bundle and loads only on export; a new (blank) report is refused as final and
// downloads as a draft through a Blob URL, with no outside request. A refused cell blocks the
// final export (listed, leading to its cell from 预览; the count is the findings panel's), a draft
// carries the cell's last accepted value, and an open warning asks 仍要导出吗？ first.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { appInBrowser, guardPage } from '../helpers/browser';
import { parts } from './docx-parts';
import type { Download, Page } from 'playwright-core';

const docOf = async (download: Download) => parts(new Uint8Array(readFileSync((await download.path())!))).get('word/document.xml')!;

const app = appInBrowser();
const TOOLBAR = ['报告列表', '新建报告', '打开文件', '保存为文件', '新建下一年度报告', '导入已发布的报告', '导出 Word 文档', '导出草稿'];

/** The rows the toolbar's buttons sit on (1 when every button is on one row). */
async function toolbarRows(page: Page): Promise<number> {
  const header = page.getByRole('banner');
  const tops = new Set<number>();
  for (const name of TOOLBAR) tops.add(Math.round((await header.getByRole('button', { name, exact: true }).boundingBox())!.y / 8));
  return tops.size;
}

/** Open a report file through the toolbar (the store loads it). */
async function openReport(page: Page, report: unknown, name = 'report.json') {
  await page.getByTestId('open-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(report)) });
}

/** A page in a context of its own: no draft of another test is reopened (nor its place scrolled to). */
async function freshPage(width = 1400, height = 1000): Promise<Page> {
  const context = await app.context.browser()!.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.on('close', () => void context.close());
  return page;
}

const busyReport = () => JSON.parse(readFileSync('examples/busy-subdistrict.report.json', 'utf8')) as { organ: { name: string }; dates: Record<string, string | null>; values: Record<string, number>; revise?: string[] };

describe('export in the app', () => {
  it('loads docx only on export, refuses a final export with errors, downloads a draft', async () => {
    const page = await app.context.newPage();
    const errors = guardPage(page);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(app.url);
    const final = page.getByRole('button', { name: '导出 Word 文档' });
    await final.waitFor();
    expect(scripts.some((s) => s.includes('render-docx'))).toBe(false);

    await final.click();
    const alert = page.locator('.export-refused');
    await alert.waitFor();
    // A blank report: what is blank counts as unfinished, anything wrong as errors.
    expect(await alert.textContent()).toMatch(/有 (\d+ 个错误、)?\d+ 项未完成，不能导出正式文档/);
    expect(scripts.some((s) => s.includes('render-docx'))).toBe(false);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出草稿' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^.*\d{4}年政府信息公开工作年度报告（草稿）\.docx$/);
    expect(download.url()).toMatch(/^blob:/);
    const bytes = new Uint8Array(readFileSync((await download.path())!));
    const p = parts(bytes);
    expect(p.get('word/document.xml')).toContain('政府信息公开工作年度报告');
    expect([...p.entries()].some(([n, x]) => /header\d\.xml$/.test(n) && x.includes('>草稿</w:t>'))).toBe(true);
    expect(scripts.some((s) => s.includes('render-docx'))).toBe(true);
    await page.getByText(/已导出“.*（草稿）\.docx”/).waitFor();
    expect(errors).toEqual([]);
  });

  it('a refused cell blocks 导出 Word 文档 and leads to its cell; a draft keeps its last value; a warning asks first', async () => {
    const page = await app.context.newPage();
    const errors = guardPage(page);
    await page.goto(app.url);
    const report = JSON.parse(readFileSync('examples/busy-subdistrict.report.json', 'utf8')) as { values: Record<string, number>; revise?: string[] };
    report.revise = ['problems']; // text copied from last year, not yet revised: a warning (R17)
    await page.getByTestId('open-file').setInputFiles({ name: 'busy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(report)) });
    const id = 'applications:new:natural-person';
    const cell = page.locator(`[id="cell-${id}"]`);
    await expect.poll(() => cell.inputValue()).toBe(String(report.values[id]));
    await cell.click();
    await cell.press('Control+a');
    await page.keyboard.type('180.5');
    await cell.press('Tab');

    // From 预览: refused, with the same count as the findings panel, the item leading to the cell.
    await page.getByRole('tab', { name: '预览' }).click();
    await page.getByRole('button', { name: '导出 Word 文档' }).click();
    const alert = page.locator('.export-refused');
    await alert.waitFor();
    expect(await alert.locator('p').first().textContent()).toContain('有 1 个错误，不能导出正式文档');
    expect(await page.locator('.findings .summary').textContent()).toMatch(/^错误 1 ·/);
    await alert.screenshot({ path: 'test-output/docx/export-refused.png' });
    const item = alert.getByRole('button', { name: /“180\.5”未被接受/ });
    expect(await item.textContent()).toMatch(/自然人：“180\.5”未被接受：带小数，件数应为整数$/);
    await item.click();
    expect(await page.getByRole('tab', { name: '填写' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`cell-${id}`);

    // 导出草稿 goes ahead with the last accepted value, and says so.
    const [draft] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出草稿' }).click()]);
    const draftDoc = await docOf(draft);
    expect(draftDoc).not.toContain('180.5');
    expect(draftDoc).toContain(`>${report.values[id]}</w:t>`);
    expect(await page.getByRole('note').textContent()).toContain(`“180.5”未被接受：带小数，件数应为整数（草稿中为 ${report.values[id]}）`);

    // Corrected, the warning is shown first; 仍然导出 exports the finished document.
    await cell.fill(String(report.values[id]));
    await page.getByRole('button', { name: '导出 Word 文档' }).click();
    const dialog = page.getByRole('alertdialog', { name: '仍要导出吗？' });
    await dialog.waitFor();
    expect(await dialog.getByRole('button', { name: /^R17 / }).count()).toBe(1);
    await dialog.screenshot({ path: 'test-output/docx/export-confirm.png' });
    const [final] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '仍然导出' }).click()]);
    expect(final.suggestedFilename()).not.toContain('草稿');
    expect(await docOf(final)).toContain(`>${report.values[id]}</w:t>`);
    expect(errors).toEqual([]);
  });

  for (const width of [1400, 1280]) {
    it(`at ${width} px the toolbar keeps one row after an export; the message is below it, × closes it, another report clears it`, async () => {
      const page = await freshPage(width, 900);
      const errors = guardPage(page);
      await page.goto(app.url);
      await page.getByRole('button', { name: '导出草稿' }).waitFor();
      expect(await toolbarRows(page)).toBe(1);
      const toolbarBottom = () => page.getByRole('button', { name: '报告列表' }).evaluate((b) => b.getBoundingClientRect().bottom + window.scrollY);
      const before = await toolbarBottom();
      const message = page.locator('.export-message');
      await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出草稿' }).click()]);
      await message.filter({ hasText: /^已导出“.*（草稿）\.docx”/ }).waitFor();
      expect(await toolbarRows(page)).toBe(1);
      expect(await toolbarBottom()).toBe(before);
      expect(await message.evaluate((m) => m.getBoundingClientRect().top + window.scrollY)).toBeGreaterThanOrEqual(before);
      // The 填写 / 预览 tabs stay clickable under the message.
      const tab = (await page.getByRole('tab', { name: '预览' }).boundingBox())!;
      expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.textContent, [tab.x + tab.width / 2, tab.y + tab.height / 2])).toBe('预览');
      if (width === 1400) await page.screenshot({ path: 'test-output/docx/export-message.png' });
      await message.getByRole('button', { name: '关闭提示' }).click();
      expect(await message.count()).toBe(0);

      // Exported again, then another report opened: the old file name is not shown for it.
      await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出草稿' }).click()]);
      await message.waitFor();
      const report = busyReport();
      await openReport(page, report);
      await expect.poll(() => page.locator('#fact-organ').inputValue()).toBe(report.organ.name);
      expect(await message.count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('Enter on 导出 Word 文档 keeps focus on it through the download', async () => {
    const page = await freshPage();
    const errors = guardPage(page);
    await page.goto(app.url);
    const report = busyReport();
    await openReport(page, report);
    await expect.poll(() => page.locator('#fact-organ').inputValue()).toBe(report.organ.name);
    const final = page.getByRole('button', { name: '导出 Word 文档' });
    await final.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).not.toContain('草稿');
    await page.locator('.export-message').filter({ hasText: '已导出' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('导出 Word 文档');
    expect(await final.getAttribute('aria-disabled')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('仍要导出吗？: an item leads to 成文日期 without the box hiding it; Escape means 返回修改', async () => {
    const page = await freshPage();
    const errors = guardPage(page);
    await page.goto(app.url);
    const report = busyReport();
    report.dates.written = '2025-03-05'; // after the deadline: R15, a warning about 成文日期
    // Text copied from last year and not yet revised (R17): a long list of warnings.
    report.revise = ['overview.active', 'overview.passive', 'overview.management', 'overview.platform', 'overview.oversight', 'problems'];
    await openReport(page, report);
    await expect.poll(() => page.locator('#fact-written').inputValue()).toBe('2025-03-05');
    const final = page.getByRole('button', { name: '导出 Word 文档' });
    await final.click();
    const dialog = page.getByRole('alertdialog', { name: '仍要导出吗？' });
    await dialog.waitFor();
    const field = page.locator('#fact-written');
    const covered = () =>
      field.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const points = [[r.left + 4, r.top + r.height / 2], [r.left + r.width / 2, r.top + r.height / 2], [r.right - 4, r.top + r.height / 2]];
        return points.filter(([x, y]) => document.elementFromPoint(x!, y!) !== el).length;
      });
    // Open, the list lies over the field; once its R15 item is clicked, the field is free.
    await page.screenshot({ path: 'test-output/docx/export-confirm-open.png' });
    expect(await covered()).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: /^R15 / }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('fact-written');
    expect(await covered()).toBe(0);
    await page.screenshot({ path: 'test-output/docx/export-confirm-shrunk.png' });
    // Escape in the question is 返回修改: nothing downloaded, focus back on the button.
    let downloads = 0;
    page.on('download', () => downloads++);
    await dialog.getByRole('button', { name: '返回修改' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('导出 Word 文档');
    expect(downloads).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
