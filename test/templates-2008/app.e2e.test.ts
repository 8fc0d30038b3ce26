// The app opens every registered template, chosen by the report: in real Chromium (production
// build, CSP), seed 001 (2018, pre-2019 统计表) is imported, opens in its own template, is edited,
// previewed and exported, and comes back on reload; a 2019 report file opens in the 2019 template;
// 新建下一年度报告 from the 2018 report starts 2019 in the 2019 template and says what stayed behind.
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { appInBrowser, guardPage } from '../helpers/browser';
import { parts } from '../docx/docx-parts';
import { SEEDS, seedText } from './seeds';

const app = appInBrowser();
const cell = (id: string) => `[id="cell-${id}"]`;

it('imports, edits, previews, exports and reopens a pre-2019 report; opens a 2019 file; starts 2019 from 2018', async () => {
  const page = await app.context.newPage();
  const errors = guardPage(page);
  await page.goto(app.url);

  await page.getByRole('button', { name: '导入已发布的报告' }).click();
  const dialog = page.getByRole('dialog', { name: '导入已发布的报告' });
  await dialog.getByLabel('网页上复制的报告文字：').fill(seedText(SEEDS[1].file));
  await dialog.getByRole('button', { name: '读取粘贴的文字' }).click();
  await expect.poll(() => dialog.locator('h3').textContent()).toBe('读取结果：河口镇 2018年');
  expect(await dialog.getByLabel('读到的内容').getByLabel(/^（三）接受培训人员数：17$/).count()).toBe(1);
  await dialog.getByRole('button', { name: '作为 2018 年报告打开' }).click();

  // The form of the pre-2019 template: the indicator list with its units, the imported numbers.
  const total = page.locator(cell('statistics:active.total:value'));
  await expect.poll(() => total.inputValue()).toBe('198');
  expect(await page.locator('th.th-unit').count()).toBe(58);
  const wechat = page.locator(cell('statistics:active.wechat:value'));
  await wechat.fill('30');
  await wechat.press('Tab');
  // A computed total follows its items: 专职 1 + 兼职 2 = 3 over the printed 1 (kept as printed, flagged).
  await page.locator(cell('statistics:staffing.part-time:value')).fill('2');
  await page.locator(cell('statistics:staffing.part-time:value')).press('Tab');

  const table = page.locator('table', { has: page.locator(cell('statistics:active.total:value')) });
  await table.screenshot({ path: 'test-output/templates-2008/form-statistics.png' });
  await page.getByRole('tab', { name: '预览' }).click();
  const preview = page.getByRole('article', { name: '报告预览' });
  await expect.poll(() => preview.textContent()).toContain('4.政务微信公开政府信息数条30');
  await page.getByRole('tab', { name: '填写' }).click();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出草稿' }).click()]);
  expect(download.suggestedFilename()).toBe('河口镇2018年政府信息公开工作年度报告（草稿）.docx');
  const xml = parts(new Uint8Array(readFileSync((await download.path())!))).get('word/document.xml')!;
  for (const text of ['统计指标', '4.政务微信公开政府信息数', '>30<', '>198<', '附件：政府信息公开情况统计表']) expect(xml, text).toContain(text);

  // The draft reopens in its own template (closing the page saves what was typed).
  await page.reload();
  await expect.poll(() => page.locator(cell('statistics:active.wechat:value')).inputValue()).toBe('30');

  // 新建下一年度报告: 2019 is in the 2019 template; the 统计表's numbers are named as not carried.
  await page.getByRole('button', { name: '新建下一年度报告' }).click();
  await expect.poll(() => page.getByText(/已由 2018 年度报告生成 2019 年度报告/).textContent()).toMatch(/附件：政府信息公开情况统计表中的 \d+ 个数字/);
  await expect.poll(() => page.locator(cell('article-20:normative-documents:made')).count()).toBe(1);
  expect(await page.locator(cell('statistics:active.total:value')).count()).toBe(0);

  // A 2019 report file opens in the 2019 template.
  const seed003 = readFileSync(new URL('../../examples/seed-003.report.json', import.meta.url));
  await page.getByTestId('open-file').setInputFiles({ name: 'seed-003.json', mimeType: 'application/json', buffer: seed003 });
  await expect.poll(() => page.getByText(/已打开文件“seed-003.json”/).count()).toBe(1);
  const made = JSON.parse(seed003.toString()).values['article-20:normative-documents:made'] as number;
  await expect.poll(() => page.locator(cell('article-20:normative-documents:made')).inputValue()).toBe(String(made));
  expect(errors).toEqual([]);
});
