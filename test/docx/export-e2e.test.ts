// The export in the production build, in real Chromium under the CSP: the docx code is not in
// the first bundle and loads only on export; a new (blank) report is refused as final and
// downloads as a draft through a Blob URL, with no outside request.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { guardPage, appInBrowser } from '../helpers/browser';
import { parts } from './docx-parts';

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
});
