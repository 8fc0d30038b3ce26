// The clerk's path in real Chromium: last year's published .docx given to 打开文件 is offered to
// the importer, this year's report is started from it, a block copied with its row labels lands
// by label and one Ctrl+Z takes the whole paste back, and the final export is refused while the
// preface prints （网址） for an empty contact fact. Screenshots go to test-output/clerk/.
import { mkdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appInBrowser, guardPage, pasteText } from '../helpers/browser';
import { renderDocx } from '../../src/render/docx/render-docx';
import { busy, template } from '../core/fixtures';

const app = appInBrowser({ viewport: { width: 1366, height: 768 } });
const OUT = 'test-output/clerk';
const cell = (page: Page, id: string) => page.locator(`[id="cell-${id}"]`);
const A = (row: string, col: string) => `applications:${row}:${col}`;

const pasteInto = (page: Page, id: string, text: string) => pasteText(cell(page, id), text);

it('imports last year’s .docx through 打开文件, pastes by label, undoes the paste, grows a text box, refuses （网址）', async () => {
  mkdirSync(OUT, { recursive: true });
  const page = await app.context.newPage();
  const errors = guardPage(page);
  await page.goto(app.url);
  const lastYear = busy();
  const docx = await renderDocx(template, lastYear);

  await page.getByTestId('open-file').setInputFiles({ name: '去年的报告.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(docx) });
  await expect.poll(() => page.locator('.drafts-notice').textContent(), { timeout: 30_000 }).toContain('这是 Word 文件，要导入为报告吗？');
  await page.screenshot({ path: `${OUT}/1-open-word-file.png` });
  await page.getByRole('button', { name: '导入为报告' }).click();
  const next = page.getByRole('button', { name: `以此为上年报告，开始 ${lastYear.year + 1} 年报告` });
  await next.waitFor({ timeout: 60_000 });
  await next.click();
  await expect.poll(() => page.locator('.app-current').textContent(), { timeout: 30_000 }).toContain(`${lastYear.year + 1} 年度`);

  // A block as copied from the 统计表 with its row labels: the labels are not pasted as numbers.
  await pasteInto(page, A('new', 'natural-person'), '一、本年新收政府信息公开申请数量\t12\t1\n');
  await expect.poll(() => cell(page, A('new', 'natural-person')).inputValue()).toBe('12');
  expect(await cell(page, A('new', 'commercial')).inputValue()).toBe('1');
  await expect.poll(() => page.getByText(/已粘贴 2 个数值（按行标签对应）/).count()).toBe(1);
  await page.screenshot({ path: `${OUT}/2-pasted-by-label.png` });
  await page.keyboard.press('Control+z');
  await expect.poll(() => cell(page, A('new', 'natural-person')).inputValue()).toBe('');
  expect(await cell(page, A('new', 'commercial')).inputValue()).toBe('');
  await page.getByRole('button', { name: '重做' }).click();
  await expect.poll(() => cell(page, A('new', 'natural-person')).inputValue()).toBe('12');

  // A narrative box grows with its text.
  const box = page.locator('.narrative textarea').last(); // not the preface, whose default prints the contact facts
  const before = (await box.boundingBox())!.height;
  await box.fill('本年度，我镇认真贯彻落实政府信息公开工作要求。'.repeat(30));
  await expect.poll(async () => (await box.boundingBox())!.height).toBeGreaterThan(before * 2);

  // The contact facts came over from last year; with the 网址 emptied the preface prints （网址）.
  const website = page.getByLabel(/网址/).first();
  expect(await website.inputValue()).toBe(lastYear.contact.website);
  await website.fill('');
  await website.blur();
  await page.getByRole('button', { name: '导出 Word 文档' }).click();
  await expect.poll(() => page.getByText(/留有占位符或未填内容.*（网址）/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.screenshot({ path: `${OUT}/3-refused-placeholder.png` });
  await website.fill(lastYear.contact.website);
  await website.blur();
  await expect.poll(() => page.getByText(/留有占位符或未填内容.*（网址）/).count(), { timeout: 30_000 }).toBe(0);
  expect(errors).toEqual([]);
}, 240_000);
