// Next year's report points at what is stale, in real Chromium: a township's published 2023
// report (seed 002, as text) given to 打开文件 is imported and 2024 is started from it; the
// sentences still 2023's are listed under their boxes, a click selects one in its box, typing
// over it clears its mark (the others stay), the fee statement copied from 2023 is marked until
// the fee fields say 2024's, and the findings panel says each message first, the rule id after.
// Every step waits for a state (expect.poll), never for a time.
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appInBrowser, guardPage } from '../helpers/browser';

const OUT = 'test-output/clerk';
const SEED = readFileSync(new URL('../fixtures/seeds/002_4c04aec02b3a3a4b.txt', import.meta.url));
const WAIT = { timeout: 60_000 };
const STALE = '2023年共主动公开政务信息6条。';
const FEE = '本机关2023年未收到政府信息公开申请，未收取信息处理费。';

const app = appInBrowser({ viewport: { width: 1366, height: 768 } });

const box = (page: Page, slot: string) => page.locator(`[id="text-${slot}"]`);
/** The sentences listed as still last year's under a text box. */
const marked = (page: Page, slot: string) => page.locator(`[id="text-${slot}-stale"] .stale-sentence`).allTextContents();
const selection = (page: Page, slot: string) => box(page, slot).evaluate((el) => (el as HTMLTextAreaElement).value.slice((el as HTMLTextAreaElement).selectionStart, (el as HTMLTextAreaElement).selectionEnd));

it('marks the sentences still last year’s, selects one on a click, and lets it go once rewritten', async () => {
  mkdirSync(OUT, { recursive: true });
  const page = await app.context.newPage();
  const errors = guardPage(page);
  await page.goto(app.url);
  await page.getByTestId('open-file').setInputFiles({ name: '三营镇2023年报告.txt', mimeType: 'text/plain', buffer: SEED });
  await page.getByRole('button', { name: '导入为报告' }).click(WAIT);
  const next = page.getByRole('button', { name: '以此为上年报告，开始 2024 年报告' });
  await next.click(WAIT);
  await expect.poll(() => page.locator('.app-current').textContent(), WAIT).toContain('2024 年度');

  // 一（一） still says 2023's figure as the year's work; other copied sentences are listed too.
  await expect.poll(() => marked(page, 'overview.active'), WAIT).toContain(STALE);
  const before = await marked(page, 'overview.active');
  expect(await marked(page, 'overview.platforms')).toHaveLength(1);
  await page.locator(`[id="text-overview.active-stale"]`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/stale-1-marked.png` });

  // A click selects the sentence in its box; typing replaces it, and its mark goes.
  await page.locator(`[id="text-overview.active-stale"] .stale-sentence`, { hasText: STALE }).click();
  await expect.poll(() => selection(page, 'overview.active'), WAIT).toBe(STALE);
  await page.keyboard.type('2024年共主动公开政务信息9条。');
  await expect.poll(() => marked(page, 'overview.active'), WAIT).toEqual(before.filter((s) => s !== STALE));
  expect(await box(page, 'overview.active').inputValue()).toContain('2024年共主动公开政务信息9条。');
  await page.screenshot({ path: `${OUT}/stale-2-rewritten.png` });

  // The fee statement copied from 2023 is not 2024's: marked, until the fee fields say 2024's.
  await expect.poll(() => marked(page, 'other'), WAIT).toContain(FEE);
  await page.getByLabel('本年未收取信息处理费').check();
  await expect.poll(async () => (await marked(page, 'other')).filter((s) => s === FEE).length, WAIT).toBe(1); // still a copy (R29)…
  const why = page.locator('[id="text-other-stale"] li', { hasText: FEE }).locator('.stale-why');
  await expect.poll(() => why.allTextContents(), WAIT).toEqual([expect.stringMatching(/（R29）$/)]); // …but no longer R11's

  // The findings panel: the plain message first, the rule id after; one count of each.
  const panel = page.getByRole('complementary', { name: '检查结果' });
  const item = panel.locator('.finding', { hasText: '“我镇积极配合区政府做好政府网站内容建设工作' });
  await expect.poll(() => item.textContent(), WAIT).toMatch(/^警告 一、总体情况 · （四）政府信息公开平台建设：“我镇积极配合.*与上一年度报告的句子相同，请按本年情况改写（R29）$/);
  await item.click();
  await expect.poll(() => selection(page, 'overview.platforms'), WAIT).toMatch(/^我镇积极配合区政府.*等工作。$/);
  await expect.poll(() => panel.getByRole('status').textContent(), WAIT).toMatch(/^错误 \d+ · 警告 \d+ · 未完成 \d+$/);
  expect(errors).toEqual([]);
  await page.close();
}, 240_000);
