// The clerk's whole path in real Chromium at 1366×768, then LibreOffice reading what came out.
// Last year's report (a real township's 2023 report, seed 002, as nianbao's own .docx) goes to
// 打开文件 and is imported as last year's; this year's report starts from it (the blank draft
// the app opened with is gone); the sentences still last year's are marked; a block pasted with
// its row label lands by label and is undone; the grids, the facts and the texts are filled (last
// year's texts written over); the final .docx is exported and the reports list says 已定稿 with
// its file. LibreOffice converts the file: no placeholder, no sentence of last year as this
// year's, the year and the figures printed; the preview showed as many pages as LibreOffice sets.
// Screenshots of each step, of the preview's pages and of LibreOffice's pages go to
// test-output/clerk/ (path-*.png, preview-page-*.png, lo-page-*.png).
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { computeValues, nextYearReport } from '../../src/core';
import { renderDocx } from '../../src/render/docx/render-docx';
import { exportFileName } from '../../src/render/docx/file-name';
import { busy, seed002, template } from '../core/fixtures';
import { appInBrowser, guardPage, pasteText } from '../helpers/browser';
import { convert, pdfText, pdfToPngs } from '../helpers/libreoffice';
import { THIS_YEAR_TEXTS } from './clerk-texts';

const VIEW = { width: 1366, height: 768 };
const OUT = 'test-output/clerk';
const WAIT = { timeout: 60_000 };
const COLS = ['natural-person', 'commercial', 'research', 'public-interest', 'legal-services', 'other-organisation'];
const A = (row: string, col: string) => `applications:${row}:${col}`;
const cell = (page: Page, id: string) => page.locator(`[id="cell-${id}"]`);
const shot = (page: Page, name: string) => page.screenshot({ path: `${OUT}/path-${name}.png` });

const app = appInBrowser({ viewport: VIEW });
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'nianbao-clerk-'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * This year's figures: a full, consistent year (the busy example's) whose 上年结转 is what last
 * year carried forward, each column's 结转下年度 moved by the same amount so every balance holds.
 */
function thisYearValues(): Record<string, number> {
  const next = nextYearReport(template, seed002());
  const base = busy().values;
  const values: Record<string, number> = {};
  for (const c of template.inputCells) {
    const v = base[c.id];
    if (typeof v === 'number') values[c.id] = v;
  }
  for (const col of COLS) {
    const carried = next.values[A('carried-over', col)] ?? 0;
    values[A('carry-forward', col)] = values[A('carry-forward', col)]! - values[A('carried-over', col)]! + carried;
    values[A('carried-over', col)] = carried;
    expect(values[A('carry-forward', col)]).toBeGreaterThanOrEqual(0);
  }
  return values;
}

const pasteInto = (page: Page, id: string, text: string) => pasteText(cell(page, id), text);

/** The reports list's rows as [name, state] (the list is opened and closed again). */
async function listRows(page: Page): Promise<string[][]> {
  await page.getByRole('button', { name: '报告列表' }).click();
  const dialog = page.getByRole('dialog', { name: '报告列表' });
  await dialog.locator('.reports-list tbody tr').first().waitFor(WAIT);
  const rows = await dialog.locator('.reports-list tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('.reports-state')?.textContent ?? '']),
  );
  await dialog.getByRole('button', { name: '关闭', exact: true }).click();
  await dialog.waitFor({ state: 'detached', ...WAIT });
  return rows;
}

it('from last year’s published .docx to this year’s final .docx, read by LibreOffice', async () => {
  mkdirSync(OUT, { recursive: true });
  const page = await app.context.newPage();
  const errors = guardPage(page);
  await page.goto(app.url);
  await cell(page, A('new', 'natural-person')).waitFor(WAIT);
  await expect.poll(() => page.locator('.drafts-status').textContent(), WAIT).toMatch(/^已保存/);
  const last = seed002();
  const year = last.year + 1;

  // 1. Last year's Word file through 打开文件: offered to the importer, started as next year's report.
  const lastDocx = await renderDocx(template, last);
  await page.getByTestId('open-file').setInputFiles({ name: '三营镇2023年报告.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(lastDocx) });
  await expect.poll(() => page.locator('.drafts-notice').textContent(), WAIT).toContain('这是 Word 文件，要导入为报告吗？');
  await page.getByRole('button', { name: '导入为报告' }).click();
  const start = page.getByRole('button', { name: `以此为上年报告，开始 ${year} 年报告` });
  await start.waitFor(WAIT);
  await shot(page, '1-import-read');
  await start.click();
  await expect.poll(() => page.locator('.app-current').textContent(), WAIT).toContain(`${year} 年度`);
  await expect.poll(() => page.locator('.drafts-notice').textContent(), WAIT).toContain('原来打开的空白报告没有填写内容，已移除');
  // The blank draft the app opened with did not stay behind.
  expect(await listRows(page)).toEqual([[expect.stringContaining(`${year}年`), '草稿']]);

  // 2. Last year's sentences are marked in place, e.g. 2023年共主动公开… in 2024's （一）主动公开.
  const activeStale = page.locator('[id="text-overview.active-stale"]');
  await expect.poll(() => activeStale.textContent(), WAIT).toContain(`${last.year}年共主动公开`);
  await activeStale.scrollIntoViewIfNeeded();
  await shot(page, '2-stale-sentences');

  // 3. A block copied with its row label lands by label; one Ctrl+Z takes the whole paste back.
  await pasteInto(page, A('new', 'natural-person'), '一、本年新收政府信息公开申请数量\t12\t1\n');
  await expect.poll(() => cell(page, A('new', 'natural-person')).inputValue(), WAIT).toBe('12');
  expect(await cell(page, A('new', 'commercial')).inputValue()).toBe('1');
  await shot(page, '3-pasted-by-label');
  await page.keyboard.press('Control+z');
  await expect.poll(() => cell(page, A('new', 'natural-person')).inputValue(), WAIT).toBe('');
  expect(await cell(page, A('new', 'commercial')).inputValue()).toBe('');

  // 4. The grids, cell by cell as a clerk types them.
  const values = thisYearValues();
  for (const [id, v] of Object.entries(values)) await cell(page, id).fill(String(v));
  const shown = await page.evaluate((ids) => ids.map((id) => (document.getElementById(`cell-${id}`) as HTMLInputElement | null)?.value ?? null), Object.keys(values));
  expect(shown).toEqual(Object.values(values).map(String));
  await shot(page, '4-grids-filled');

  // 5. The facts: contact (the preface prints them), the date it is signed, 信息处理费.
  const facts = busy();
  for (const [field, v] of Object.entries({ office: '三营镇党政办公室', phone: '0954-2010000', email: 'sanying@example.gov.cn', website: '原州区人民政府门户网站' })) {
    await page.locator(`#fact-${field}`).fill(v);
    await page.locator(`#fact-${field}`).blur();
  }
  await page.locator('#fact-written').fill(`${year + 1}-01-20`);
  await page.locator('#fact-written').blur();
  await page.getByRole('radio', { name: template.spec.fee.labels.collected }).check();
  for (const field of ['notices', 'amount', 'collectedAmount'] as const) {
    await page.locator(`#fee-${field}`).fill(String(facts.fee[field]));
    await page.locator(`#fee-${field}`).blur();
  }

  // 6. The texts: last year's written over with this year's; each marked 已改写; the preface left to the template.
  for (const [slot, text] of Object.entries(THIS_YEAR_TEXTS)) await page.locator(`[id="text-${slot}"]`).fill(text);
  await page.locator('[id="text-preface"]').fill('');
  const revised = page.locator('.revise-note button');
  while ((await revised.count()) > 0) await revised.first().click();
  await expect.poll(() => page.locator('.stale-sentences').count(), WAIT).toBe(0);
  await shot(page, '5-texts-written');

  // The preview as paper: its pages, each one's picture (compared with LibreOffice's below).
  await page.getByRole('tab', { name: '预览' }).click();
  await expect.poll(() => page.locator('.pv-page').first().textContent(), WAIT).toContain(`${year}年`);
  await shot(page, '6-preview');
  const previewPages = await page.locator('.pv-page').count();
  for (const old of readdirSync(OUT).filter((f) => f.startsWith('preview-page-'))) rmSync(join(OUT, old)); // an earlier run's
  for (let i = 0; i < previewPages; i++) await page.locator('.pv-page').nth(i).screenshot({ path: `${OUT}/preview-page-${i + 1}.png` });
  await page.getByRole('tab', { name: '填写' }).click();

  // 7. The final export: warnings are confirmed (仍然导出), errors would refuse it and be listed.
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: '导出 Word 文档' }).click();
  const anyway = page.getByRole('button', { name: '仍然导出' });
  const said = page.locator('.export-message, .export-refused');
  await expect.poll(async () => (await anyway.count()) + (await said.count()), WAIT).toBeGreaterThan(0);
  expect(await page.locator('.export-refused').count(), await page.locator('.export-refused').allTextContents().then((t) => t.join('\n'))).toBe(0);
  if ((await anyway.count()) > 0) {
    await shot(page, '7-confirm-warnings');
    await anyway.click();
  }
  const file = await download;
  const name = exportFileName(template, { ...last, year });
  expect(file.suggestedFilename()).toBe(name);
  await expect.poll(() => page.locator('.export-message').textContent(), WAIT).toContain(`已导出“${name}”`);
  await shot(page, '8-exported');
  expect(await listRows(page)).toEqual([[expect.stringContaining(`${year}年`), expect.stringMatching(new RegExp(`^已定稿\\d+月\\d+日 \\d\\d:\\d\\d 导出“${name.replace(/[.()（）]/g, '\\$&')}”$`))]]);

  // A change after the export shows in the list.
  await cell(page, A('new', 'natural-person')).fill(String(values[A('new', 'natural-person')]! + 1));
  await expect.poll(async () => (await listRows(page))[0]![1], WAIT).toMatch(/^草稿已导出定稿 .+，之后有修改/);
  await page.getByRole('button', { name: '报告列表' }).click();
  await shot(page, '9-list-changed-since');
  await page.getByRole('dialog', { name: '报告列表' }).getByRole('button', { name: '关闭', exact: true }).click();

  // 8. LibreOffice reads the exported file.
  const docx = join(work, 'final.docx');
  copyFileSync((await file.path())!, docx);
  const [pdf] = convert([docx], 'pdf', join(work, 'pdf')).files;
  for (const old of readdirSync(OUT).filter((f) => f.startsWith('lo-page-'))) rmSync(join(OUT, old)); // an earlier run's
  const pages = pdfToPngs(pdf!, `${OUT}/lo-page`);
  expect(pages.length).toBeGreaterThan(1);
  expect(previewPages, '预览的页数与 LibreOffice 排出的页数').toBe(pages.length);
  const text = pdfText(pdf!);
  const flat = text.replace(/\s+/g, '');
  for (const placeholder of ['（网址）', '（联系单位）', '（电话）', '（电子邮箱）', 'x件', '××', 'XXX', '＿＿']) expect(flat, placeholder).not.toContain(placeholder);
  // No sentence of last year's work: 2023 appears nowhere in this year's report.
  expect(flat).not.toContain(`${last.year}年`);
  expect(flat).toContain(`原州区三营镇${year}年政府信息公开工作年度报告`);
  for (const slot of ['overview.active', 'problems']) expect(flat).toContain(THIS_YEAR_TEXTS[slot]!.replace(/\s+/g, '').slice(0, 30));
  // The figures: the row of this year's new applications, each column and the total, in order.
  const computed = computeValues(template, { ...nextYearReport(template, last), values });
  const row = [...COLS.map((c) => values[A('new', c)]!), computed.get(A('new', 'total'))];
  expect(text.replace(/\s+/g, ' ')).toMatch(new RegExp(`本年新收政府信息公开申请数量 ${row.join(' ')}(?!\\d)`));
  expect(errors).toEqual([]);
}, 600_000);
