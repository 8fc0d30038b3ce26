// The export in the production build, in real Chromium under the CSP: the docx code is not in
// the first bundle and loads only on export; a new (blank) report is refused as final and
// downloads as a draft through a Blob URL, with no outside request. A refused cell blocks the
// final export (listed, leading to its cell from 预览; the count is the findings panel's), a draft
// carries the cell's last accepted value, and an open warning asks 仍要导出吗？ first.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { guardPage, appInBrowser } from '../helpers/browser';
import { parts } from './docx-parts';
import type { Download } from 'playwright-core';

const docOf = async (download: Download) => parts(new Uint8Array(readFileSync((await download.path())!))).get('word/document.xml')!;

const app = appInBrowser();

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
    expect(await alert.textContent()).toMatch(/有 \d+ 个错误，不能导出正式文档/);
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
});
