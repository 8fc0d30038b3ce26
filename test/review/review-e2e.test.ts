// The reviewer's path in real Chromium, on the production build under the CSP: a folder of real
// published reports (text, PDF) and a .docx nianbao exported, plus last year's folder, imported
// and checked in a Web Worker with progress; a file that is not a report says why on its own
// line; findings confirmed and dismissed with a note, kept after a reload and a fresh import; the
// 汇总 opened as a new draft; the .xlsx and .docx downloaded and read back by LibreOffice.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { computeValues, nextYearReport } from '../../src/core';
import { renderDocx } from '../../src/render/docx/render-docx';
import { appInBrowser, guardPage } from '../helpers/browser';
import { convert } from '../helpers/libreoffice';
import { CORPUS, loadCorpus } from './load';

const app = appInBrowser({ persistent: true });
const errors: string[] = [];
let dir: string;
let sumOfNatural: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-review-e2e-'));
  const cur = join(dir, '2023年');
  const prev = join(dir, '2022年');
  mkdirSync(cur);
  mkdirSync(prev);
  const names = ['01_pingtan-junshan-area-2023.txt', '15_pingtan-market-regulation-2023.txt', '17_pingtan-natural-resources-2023.txt', '26_huaian-city-gov-2024.pdf'];
  for (const f of names) copyFileSync(CORPUS + f, join(cur, f));
  // A unit whose report nianbao exported (.docx), and last year's report of it, for the cross-year rules.
  const j2021 = await loadCorpus('02_pingtan-junshan-area-2021.txt');
  const y2022 = nextYearReport(j2021.template, j2021.report);
  delete y2022.lastYear;
  y2022.organ = { name: '平潭综合实验区苏平片区管理局', level: 'township' };
  y2022.year = 2023;
  y2022.dates.written = '2024-01-20';
  for (const c of j2021.template.inputCells) y2022.values[c.id] ??= 1;
  const last = structuredClone(y2022);
  last.year = 2022;
  last.dates.written = '2023-01-20';
  writeFileSync(join(cur, '苏平2023.docx'), await renderDocx(j2021.template, y2022));
  writeFileSync(join(prev, '苏平2022.report.json'), JSON.stringify(last));
  writeFileSync(join(cur, '会议纪要.txt'), '会议纪要：今天天气很好。');
  const units = await Promise.all(['01_pingtan-junshan-area-2023.txt', '15_pingtan-market-regulation-2023.txt', '17_pingtan-natural-resources-2023.txt'].map(loadCorpus));
  const natural = 'applications:new:natural-person';
  sumOfNatural = [...units.map((u) => computeValues(u.template, u.report).get(natural) ?? 0), y2022.values[natural] ?? 0].reduce((a, b) => a + b, 0);
}, 120_000);

async function load(page: Page) {
  await page.locator('.drafts-status').filter({ hasText: /^已保存/ }).waitFor();
  await page.getByRole('button', { name: '审查下级报告' }).click();
  await page.getByLabel('选择本年度报告文件夹').setInputFiles(join(dir, '2023年'));
  await page.getByLabel('选择上年度报告文件夹').setInputFiles(join(dir, '2022年'));
  await page.getByRole('button', { name: '开始审查' }).click();
  await page.locator('.review-units tbody tr').nth(4).waitFor({ timeout: 90_000 });
}

const unitRow = (page: Page, organ: string) => page.locator('.review-units tbody tr').filter({ hasText: organ });

it('loads a folder, triages, keeps decisions across a reload, builds the 汇总 and exports', async () => {
  const page = await app.context.newPage();
  guardPage(page, errors);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(app.url);
  await load(page);
  // Read and checked off the page's thread, by a same-origin module worker.
  expect(workers.some((u) => u.startsWith(app.url) && /review-worker/.test(u))).toBe(true);
  expect(await page.locator('.review-units tbody tr').count()).toBe(5);
  await expect.poll(() => page.getByRole('list', { name: '无法读取的文件' }).textContent()).toMatch(/会议纪要\.txt：无法读取：.*不像是一份年度报告/);
  // The exported .docx was paired with last year's report file by organ: 2022's carry-forward is checked.
  const suping = unitRow(page, '平潭综合实验区苏平片区管理局');
  await suping.getByRole('button').first().click();
  const detail = page.getByRole('region', { name: '平潭综合实验区苏平片区管理局 2023年' });
  await detail.waitFor();
  expect(await detail.textContent()).toContain('对照上年：2022年/苏平2022.report.json');

  // 市场监督管理局 2023 has errors: confirm the first with a note, dismiss the second.
  await unitRow(page, '市场监督管理局').getByRole('button').first().click();
  const market = page.getByRole('region', { name: '平潭综合实验区市场监督管理局 2023年' });
  const findings = market.locator('.review-finding');
  expect(await findings.count()).toBeGreaterThan(2);
  const first = findings.nth(0);
  const second = findings.nth(1);
  const firstPrint = await first.getAttribute('data-fingerprint');
  await first.getByLabel('备注').fill('请补填为0');
  await first.getByRole('button', { name: '确认' }).click();
  await second.getByRole('button', { name: '排除' }).click();
  expect(await first.getByRole('button', { name: '确认' }).getAttribute('aria-pressed')).toBe('true');
  // Choosing a finding marks its cells in the unit's grids.
  await first.locator('.review-finding-text').click();
  expect(await market.locator('td.marked').count()).toBeGreaterThan(0);
  mkdirSync('test-output', { recursive: true });
  await page.screenshot({ path: 'test-output/review.png' });

  await page.reload();
  await load(page);
  await unitRow(page, '市场监督管理局').getByRole('button').first().click();
  const again = page.getByRole('region', { name: '平潭综合实验区市场监督管理局 2023年' }).locator('.review-finding');
  const kept = page.locator(`.review-finding[data-fingerprint="${firstPrint}"]`);
  expect(await kept.getByRole('button', { name: '确认' }).getAttribute('aria-pressed')).toBe('true');
  expect(await kept.getByLabel('备注').inputValue()).toBe('请补填为0');
  expect(await again.nth(1).getByRole('button', { name: '排除' }).getAttribute('aria-pressed')).toBe('true');

  // Exports: the workbook and the 审查意见, read back by LibreOffice.
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出审查表（Excel）' }).click()]);
  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出审查意见（Word）' }).click()]);
  const out = join(dir, 'out');
  mkdirSync(out);
  copyFileSync((await xlsx.path())!, join(out, 'review.xlsx'));
  copyFileSync((await docx.path())!, join(out, 'opinions.docx'));
  const { files } = convert([join(out, 'review.xlsx'), join(out, 'opinions.docx')], 'html');
  const book = readFileSync(files[0]!, 'utf8');
  expect(book).toContain('请补填为0');
  expect(book).toMatch(/<em>单位<\/em>[\s\S]*平潭综合实验区市场监督管理局/);
  expect(book).toContain(`sdval="${sumOfNatural}"`);
  expect(readFileSync(files[1]!, 'utf8').replace(/<[^>]+>|\s/g, '')).toContain('审查意见：请补填为0');

  // The 汇总 of the four 2023 units (淮安 2024 is of another year) opens as a new draft in 填写.
  await unitRow(page, '淮安市人民政府').getByRole('checkbox').uncheck();
  await page.getByRole('button', { name: '汇总所选单位' }).click();
  await page.getByRole('tab', { name: '填写' }).waitFor();
  await expect.poll(() => page.locator('[id="cell-applications:new:natural-person"]').inputValue()).toBe(String(sumOfNatural));
  expect(errors).toEqual([]);
  await page.close();
}, 300_000);

it('shows progress while a large folder is read, and 取消 stops it for good', async () => {
  const many = join(dir, 'many');
  mkdirSync(many);
  const text = readFileSync(CORPUS + '15_pingtan-market-regulation-2023.txt', 'utf8');
  for (let i = 0; i < 150; i++) writeFileSync(join(many, `${i}.txt`), text.replaceAll('平潭综合实验区市场监督管理局', `某县第${i}号单位`));
  const page = await app.context.newPage();
  guardPage(page, errors);
  await page.goto(app.url);
  await page.locator('.drafts-status').filter({ hasText: /^已保存/ }).waitFor();
  await page.getByRole('button', { name: '审查下级报告' }).click();
  await page.getByLabel('选择本年度报告文件夹').setInputFiles(many);
  await page.getByRole('button', { name: '开始审查' }).click();
  const bar = page.locator('.review-progress progress');
  await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.querySelector('progress')?.max)).toBe(150);
  await page.getByRole('button', { name: '取消' }).click();
  await page.getByRole('status').filter({ hasText: '已取消审查' }).waitFor();
  expect(await page.locator('.review-progress').count()).toBe(0);
  // The worker is ended, not merely unheard: no table of units turns up afterwards.
  await page.waitForTimeout(3000);
  expect(await page.locator('.review-units').count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
}, 180_000);

it('still reviews when the worker fails before a word: the page does the work itself', async () => {
  const page = await app.context.newPage();
  // The review's worker script fails at once (as where no worker may start); other workers are left alone.
  await page.addInitScript(() => {
    const Real = window.Worker;
    window.Worker = class extends Real {
      constructor(url: string | URL, options?: WorkerOptions) {
        const broken = URL.createObjectURL(new Blob(['throw new Error("no worker here")'], { type: 'text/javascript' }));
        super(/review-worker/.test(String(url)) ? broken : url, options);
      }
    };
  });
  await page.goto(app.url);
  await load(page);
  expect(await page.locator('.review-units tbody tr').count()).toBe(5);
  await page.close();
}, 180_000);
