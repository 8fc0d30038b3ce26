// The import dialog in the production build, in real Chromium under the app's CSP: the importer
// chunk loads lazily, pasted text, a GB18030 .txt and a .docx are read (focus moves to the result's
// heading after Enter), and the result opens as a new draft named after its organ and year.
import { expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { guardPage, appInBrowser } from '../helpers/browser';
import { renderDocx } from '../../src/render/docx/render-docx';
import { busy, template } from '../core/fixtures';

const seeds = new URL('../fixtures/seeds/', import.meta.url);
const seed002 = readFileSync(new URL(readdirSync(seeds).find((f) => f.startsWith('002_'))!, seeds), 'utf8');

const app = appInBrowser();

it('imports pasted text, a .txt and a .docx under CSP, and opens the result as a draft', async () => {
  const page = await app.context.newPage();
  const errors = guardPage(page);
  await page.goto(app.url);
  await page.getByRole('button', { name: '导入已发布的报告' }).click();
  const dialog = page.getByRole('dialog', { name: '导入已发布的报告' });
  await dialog.getByLabel('网页上复制的报告文字：').fill(seed002);
  await dialog.getByRole('button', { name: '读取粘贴的文字' }).press('Enter');
  const result = dialog.getByLabel('读到的内容');
  await expect.poll(() => result.getByRole('status').textContent()).toContain('195 个数值，15 个单元格待核对');
  expect(await result.locator('td.import-flagged').count()).toBe(15);
  // Focus did not fall to <body>: it is on the result's heading, inside the open modal.
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('读取结果：原州区三营镇 2023年');

  await dialog.getByRole('button', { name: '换一个来源' }).click();
  const file = dialog.getByLabel('Word 文件（.docx）或文字文件（.txt）：');
  await file.setInputFiles({ name: '三营镇.txt', mimeType: 'text/plain', buffer: readFileSync(new URL('fixtures/002.gb18030.txt', import.meta.url)) });
  await expect.poll(() => result.getByRole('status').textContent()).toContain('195 个数值，15 个单元格待核对');

  await dialog.getByRole('button', { name: '换一个来源' }).click();
  const bytes = await renderDocx(template, busy());
  await file.setInputFiles({ name: 'busy.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  await expect.poll(() => result.getByRole('status').textContent()).toContain('0 个单元格待核对');
  await dialog.getByRole('button', { name: '作为 2024 年报告打开' }).click();
  const organ = busy().organ;
  await expect.poll(() => page.getByText(`已导入“${organ.titleName || organ.name} 2024年（导入）”`, { exact: false }).count()).toBe(1);
  expect(await page.getByRole('dialog').count()).toBe(0);
  expect(errors).toEqual([]);
});
