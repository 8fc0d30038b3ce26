// The import dialog in the production build, in real Chromium under the app's CSP: the importer
// chunk loads lazily, pasted text, a GB18030 .txt and a .docx are read (focus moves to the result's
// heading after Enter), and the result opens as a new draft named after its organ and year. A real
// published PDF is read with pdfjs's worker served from the app itself (and a PDF whose Chinese
// font is not embedded with the CMaps served likewise), a saved web page and a
// browser paste carrying text/html by their table structure; no request leaves the machine.
import { expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { appInBrowser, guardPage } from '../helpers/browser';
import { renderDocx } from '../../src/render/docx/render-docx';
import { busy, template } from '../core/fixtures';
import { unembeddedChinesePdf } from './sources-make-pdf';

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
  await expect.poll(() => result.getByRole('status').textContent(), { timeout: 30_000 }).toContain('195 个数值，15 个单元格待核对');
  expect(await result.locator('td.import-flagged').count()).toBe(15);
  // Focus did not fall to <body>: it is on the result's heading, inside the open modal.
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 30_000 }).toBe('读取结果：原州区三营镇 2023年');

  await dialog.getByRole('button', { name: '换一个来源' }).click();
  const file = dialog.getByLabel('报告文件（.docx、.pdf、.html、.txt）：');
  await file.setInputFiles({ name: '三营镇.txt', mimeType: 'text/plain', buffer: readFileSync(new URL('fixtures/002.gb18030.txt', import.meta.url)) });
  await expect.poll(() => result.getByRole('status').textContent(), { timeout: 30_000 }).toContain('195 个数值，15 个单元格待核对');

  await dialog.getByRole('button', { name: '换一个来源' }).click();
  const bytes = await renderDocx(template, busy());
  await file.setInputFiles({ name: 'busy.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  await expect.poll(() => result.getByRole('status').textContent(), { timeout: 30_000 }).toContain('0 个单元格待核对');
  await dialog.getByRole('button', { name: '作为 2024 年报告打开' }).click();
  const organ = busy().organ;
  await expect.poll(() => page.getByText(`已导入“${organ.titleName || organ.name} 2024年（导入）”`, { exact: false }).count(), { timeout: 30_000 }).toBe(1);
  expect(await page.getByRole('dialog').count()).toBe(0);
  expect(errors).toEqual([]);
}, 180_000); // several imports in a real browser: room for a busy machine

const corpus = (name: string) => readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url));

it('reads a published PDF (worker from this origin, under CSP), a saved web page and a pasted browser copy', async () => {
  const page = await app.context.newPage();
  const errors = guardPage(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(app.url);
  await page.getByRole('button', { name: '导入已发布的报告' }).click();
  const dialog = page.getByRole('dialog', { name: '导入已发布的报告' });
  const file = dialog.getByLabel('报告文件（.docx、.pdf、.html、.txt）：');
  const result = dialog.getByLabel('读到的内容');

  await file.setInputFiles({ name: '淮安市2024年报.pdf', mimeType: 'application/pdf', buffer: corpus('26_huaian-city-gov-2024.pdf') });
  await expect.poll(() => dialog.locator('h3').textContent(), { timeout: 30_000 }).toBe('读取结果：淮安市人民政府 2024年');
  expect(await result.getByLabel(/^一、本年新收政府信息公开申请数量 · 自然人：3001/).count()).toBe(1);
  expect(await result.getByLabel(/^行政复议 · 结果维持：72/).count()).toBe(1);
  expect(workers.length).toBeGreaterThan(0);
  for (const w of workers) expect(new URL(w).origin).toBe(new URL(app.url).origin);

  // Chinese in a font not embedded: decoded with the GB CMaps, fetched from this origin.
  await dialog.getByRole('button', { name: '换一个来源' }).click();
  const cmapRequests: string[] = [];
  page.on('request', (r) => r.url().includes('.bcmap') && cmapRequests.push(r.url()));
  await file.setInputFiles({ name: 'unembedded.pdf', mimeType: 'application/pdf', buffer: Buffer.from(unembeddedChinesePdf(['示例县甲镇人民政府', '2022年政府信息公开工作年度报告', '一、总体情况'])) });
  await expect.poll(() => dialog.locator('h3').textContent(), { timeout: 30_000 }).toBe('读取结果：示例县甲镇人民政府 2022年');
  expect(cmapRequests.length).toBeGreaterThan(0);
  for (const u of cmapRequests) expect(new URL(u).origin).toBe(new URL(app.url).origin);

  await dialog.getByRole('button', { name: '换一个来源' }).click();
  await file.setInputFiles({ name: 'page.html', mimeType: 'text/html', buffer: corpus('24_pingtan-county-gov-2013.html') });
  await expect.poll(() => dialog.locator('h3').textContent(), { timeout: 30_000 }).toBe('读取结果：平潭县人民政府 2013年');

  // A browser copy: the paste event carries text/html beside the plain text.
  await dialog.getByRole('button', { name: '换一个来源' }).click();
  const box = dialog.getByLabel('网页上复制的报告文字：');
  await box.evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/html', '<h1>某某镇人民政府2023年政府信息公开工作年度报告</h1><p>二、主动公开政府信息情况</p><table><tr><td colspan=4>第二十条第（一）项<tr><td>信息内容<td>本年制发件数<td>本年废止件数<td>现行有效件数<tr><td>规章<td>3<td>0<td>7<tr><td>行政规范性文件<td>8<td>1<td>40</table><script>document.body.dataset.ran = "yes"</script>');
    data.setData('text/plain', '规章307');
    (el as HTMLTextAreaElement).focus();
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  // A synthetic paste event inserts nothing: put in the text a real paste would have inserted.
  await box.evaluate((el) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    setter.call(el, '规章307');
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect.poll(() => dialog.getByText('粘贴的内容带有网页格式，将按网页中的表格结构读取。').count(), { timeout: 30_000 }).toBe(1);
  await dialog.getByRole('button', { name: '读取粘贴的文字' }).click();
  await expect.poll(() => result.getByLabel(/^规章 · 本年制发件数：3/).count(), { timeout: 30_000 }).toBe(1);
  expect(await result.getByLabel(/^行政规范性文件 · 现行有效件数：40/).count()).toBe(1);
  expect(await page.evaluate(() => document.body.dataset.ran)).toBeUndefined();
  expect(errors).toEqual([]);
}, 180_000); // several imports in a real browser: room for a busy machine
