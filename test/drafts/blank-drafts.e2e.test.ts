// Blank drafts in real Chromium with two tabs: 新建报告 on a blank draft nobody typed in removes
// it, except while another tab has it open (the other tab's Web Lock); a draft with anything
// typed stays. Production build, one browser profile shared by both tabs.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appInBrowser, guardPage } from '../helpers/browser';

const WAIT = { timeout: 60_000 };
const app = appInBrowser({ persistent: true });

const draftOf = (page: Page) => /^#draft=(.+)$/.exec(new URL(page.url()).hash)?.[1] ?? '';

async function open(hash: string, errors: string[]): Promise<Page> {
  const page = await app.context.newPage();
  guardPage(page, errors);
  await page.goto(app.url + hash);
  await page.locator('#fact-organ').waitFor(WAIT);
  await expect.poll(() => draftOf(page), WAIT).not.toBe('');
  await expect.poll(() => page.locator('.drafts-status').textContent(), WAIT).toMatch(/^已保存/);
  return page;
}

/** 新建报告, then wait until the tab edits a draft other than `before`. */
async function newReport(page: Page): Promise<string> {
  const before = draftOf(page);
  await page.getByRole('button', { name: '新建报告' }).click();
  await expect.poll(() => draftOf(page), WAIT).not.toBe(before);
  await expect.poll(() => page.locator('.drafts-notice').textContent(), WAIT).toContain('已新建');
  return draftOf(page);
}

/** The ids in the reports list, and '回收站' when the trash has anything (the list is opened and closed again). */
async function listed(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: '报告列表' }).click();
  const dialog = page.getByRole('dialog', { name: '报告列表' });
  await dialog.locator('.reports-list tbody tr').first().waitFor(WAIT);
  const ids = await dialog.locator('.reports-list tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-draft') ?? ''));
  const trash = (await dialog.locator('.reports-trash').count()) > 0 ? ['回收站'] : [];
  await dialog.getByRole('button', { name: '关闭', exact: true }).click();
  await dialog.waitFor({ state: 'detached', ...WAIT });
  return [...ids.sort(), ...trash];
}

it('removes a blank draft left for 新建报告, never while another tab has it open, never one typed in', async () => {
  const errors: string[] = [];
  const a = await open('', errors);
  const shared = draftOf(a);
  const b = await open(`#draft=${shared}`, errors);
  expect(draftOf(b)).toBe(shared);

  const ofA = await newReport(a); // b still has the blank open: it stays
  expect(await listed(a)).toEqual([shared, ofA].sort());

  const ofB = await newReport(b); // nobody has it open now: gone, not in the trash
  await expect.poll(() => listed(a), WAIT).toEqual([ofA, ofB].sort());

  await a.locator('#fact-organ').fill('某某镇人民政府');
  await a.locator('#fact-organ').blur();
  await expect.poll(() => a.locator('.drafts-status').textContent(), WAIT).toMatch(/^已保存/);
  const third = await newReport(a); // typed in: kept
  expect(await listed(a)).toEqual([ofA, ofB, third].sort());
  expect(errors).toEqual([]);
}, 180_000);
