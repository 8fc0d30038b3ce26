// The clerk's journey that must work wherever the app runs: type into the grids and a text, reload
// (the draft is kept), export a .docx draft, open a report of an older format (its template loads
// on demand), import a published PDF (pdf.js). Shared by the single-file (file://) and the
// sub-path suites.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';

const CELL = (id: string) => `[id="cell-applications:${id}"]`;
export const TYPED: Record<string, string> = { 'new:natural-person': '17', 'new:commercial': '4', 'disclosed:natural-person': '9' };
export const TEXT = '本年度主动公开政府信息 321 条，部署到任何位置都能填写。';
export const PDF = 'test/fixtures/corpus/26_huaian-city-gov-2024.pdf';

/** Every console error, page error and failed or refused request of the page. */
export function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  // A fetch the page itself dropped (a reload while a chunk fetched on idle was on its way) is no failure.
  page.on('requestfailed', (r) => void (r.failure()?.errorText !== 'net::ERR_ABORTED' && errors.push(`请求失败：${r.url().slice(0, 120)} ${r.failure()?.errorText ?? ''}`)));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return errors;
}

export async function ready(page: Page): Promise<void> {
  await page.locator(CELL('new:natural-person')).waitFor({ timeout: 30_000 });
}

const saved = (page: Page) => expect.poll(() => page.locator('.drafts-status').textContent(), { timeout: 15_000 }).toMatch(/^已保存 \d\d:\d\d:\d\d$/);

export async function typeReport(page: Page): Promise<void> {
  for (const [id, v] of Object.entries(TYPED)) await page.locator(CELL(id)).fill(v);
  await page.locator('[id="text-overview.active"]').fill(TEXT);
  await page.locator(CELL('new:research')).click();
  await saved(page);
  expect(new URL(page.url()).hash).toMatch(/^#draft=/);
}

export async function expectTyped(page: Page): Promise<void> {
  await ready(page);
  for (const [id, v] of Object.entries(TYPED)) expect(await page.locator(CELL(id)).inputValue(), id).toBe(v);
  expect(await page.locator('[id="text-overview.active"]').inputValue()).toBe(TEXT);
  // The total is the form's own sum: the page is running, not just showing stored text.
  expect(await page.locator(CELL('new:total')).textContent()).toBe('21');
}

/** 导出草稿 → a .docx whose body carries what was typed. */
export async function exportDraft(page: Page): Promise<void> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: '导出草稿' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const parts = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const body = strFromU8(parts['word/document.xml']!);
  expect(body).toContain('部署到任何位置都能填写');
  expect(body).toContain('>17<');
}

/** 导入已发布的报告 with a real published PDF: pdf.js reads it and the result is shown. */
export async function importPdf(page: Page): Promise<void> {
  await page.getByRole('button', { name: '导入已发布的报告' }).click();
  const dialog = page.getByRole('dialog', { name: '导入已发布的报告' });
  await dialog.locator('input[type="file"]').setInputFiles(PDF);
  await expect.poll(() => dialog.locator('h3.import-read-heading').textContent().catch(() => ''), { timeout: 60_000 }).toMatch(/^读取结果：.*淮安.*2024年/);
  await dialog.getByRole('button', { name: '取消' }).click();
}

/** A report in the 2019 format: its template is not in the first screen's code and loads on demand. */
export const OLDER = { file: 'examples/seed-003.report.json', organ: '三元区莘口镇人民政府', label: '本年新制作数量' };

const showsOlder = async (page: Page) => {
  await expect.poll(() => page.locator('#fact-organ').inputValue().catch(() => ''), { timeout: 30_000 }).toBe(OLDER.organ);
  await page.getByText(OLDER.label, { exact: true }).first().waitFor({ timeout: 30_000 });
};

/**
 * 打开文件 with a report of the 2019 format: it opens in its own template, and again after a
 * reload; then 新建报告 leaves a blank report of the current format open (the newest draft).
 */
export async function openOlderReport(page: Page): Promise<void> {
  await page.getByTestId('open-file').setInputFiles(OLDER.file);
  await showsOlder(page);
  await saved(page);
  await page.reload();
  await showsOlder(page);
  await page.getByRole('button', { name: '新建报告' }).click();
  await expect.poll(() => page.locator('#fact-organ').inputValue().catch(() => null), { timeout: 30_000 }).toBe('');
  await ready(page);
}

/** After the page came back (a reload, the server gone): what was typed is there, and every door still works. */
export async function expectRestoredAndWorking(page: Page): Promise<void> {
  await expectTyped(page);
  await exportDraft(page);
  await openOlderReport(page);
  await importPdf(page);
}
