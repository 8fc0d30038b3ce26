// Drafts in real Chromium with a persistent profile: what is typed survives reloads and closing
// the page mid-typing; two tabs never overwrite each other (the stale one types into a copy); report files save and open
// (bad files are refused, naming the place); next year's report; the reports list.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appInBrowser, guardPage } from '../helpers/browser';

const errors: string[] = [];


const app = appInBrowser({ persistent: true });

const A = (row: string, col: string) => `applications:${row}:${col}`;
const cell = (page: Page, id: string) => page.locator(`[id="cell-${id}"]`);
const status = (page: Page) => page.locator('.drafts-status');
const saved = (page: Page) => expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toMatch(/^已保存 \d\d:\d\d:\d\d$/);

async function openPage(hash = ''): Promise<Page> {
  const page = await app.context.newPage();
  guardPage(page, errors);
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(app.url + hash);
  await cell(page, A('new', 'natural-person')).waitFor();
  return page;
}

const COLS = ['natural-person', 'commercial', 'research', 'public-interest', 'legal-services', 'other-organisation'];
const ROWS = ['new', 'carried-over', 'disclosed', 'partly-disclosed'];

it('keeps every typed cell, text and the place across a reload, blank distinct from 0', async () => {
  const page = await openPage();
  const typed = new Map<string, string>();
  let n = 0;
  for (const row of ROWS) {
    for (const col of COLS) {
      const v = String(n++ % 7); // includes 0s
      await cell(page, A(row, col)).fill(v);
      typed.set(A(row, col), v);
    }
  }
  // A cell typed then cleared is blank again, not 0; a refused text is kept as typed.
  await cell(page, A('new', 'commercial')).fill('');
  typed.set(A('new', 'commercial'), '');
  await cell(page, A('carried-over', 'research')).fill('十二');
  typed.set(A('carried-over', 'research'), '十二');
  await page.locator('[id="text-overview.active"]').fill('本年度主动公开信息 12 条。');
  await cell(page, A('disclosed', 'research')).click();
  await saved(page);
  const hash = new URL(page.url()).hash;
  expect(hash).toMatch(/^#draft=/);
  // In the stored draft a cleared cell is null (blank) and a typed 0 is 0.
  const stored = await page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((ok) => {
      const r = indexedDB.open('nianbao');
      r.onsuccess = () => ok(r.result);
    });
    const rec = await new Promise<{ report: { values: Record<string, number | null> }; refusals: Record<string, string> }>((ok) => {
      const r = db.transaction('drafts').objectStore('drafts').get(id);
      r.onsuccess = () => ok(r.result);
    });
    db.close();
    return rec;
  }, hash.slice('#draft='.length));
  expect(stored.report.values[A('new', 'commercial')]).toBeNull();
  expect(stored.report.values[A('new', 'natural-person')]).toBe(0);
  expect(stored.refusals).toEqual({ [A('carried-over', 'research')]: '十二' });

  await page.reload();
  await cell(page, A('new', 'natural-person')).waitFor();
  for (const [id, v] of typed) expect(await cell(page, id).inputValue(), id).toBe(v);
  expect(await page.locator('[id="text-overview.active"]').inputValue()).toBe('本年度主动公开信息 12 条。');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`cell-${A('disclosed', 'research')}`);
  expect(await cell(page, A('new', 'total')).textContent()).toBe(String(0 + 2 + 3 + 4 + 5));
  await page.close();
  expect(errors).toEqual([]);
});

it('keeps what was typed when the page is closed in the middle of typing', async () => {
  const page = await openPage();
  const url = page.url();
  await cell(page, A('withheld.state-secret', 'natural-person')).pressSequentially('98765');
  await page.locator('[id="text-problems"]').pressSequentially('最后一句');
  await page.close({ runBeforeUnload: true }); // at once, inside the autosave delay

  const again = await openPage(new URL(url).hash);
  expect(await cell(again, A('withheld.state-secret', 'natural-person')).inputValue()).toBe('98765');
  expect(await again.locator('[id="text-problems"]').inputValue()).toBe('最后一句');
  // Opened without an address, the most recent draft is the one just edited.
  const plain = await openPage();
  expect(await cell(plain, A('withheld.state-secret', 'natural-person')).inputValue()).toBe('98765');
  await again.close();
  await plain.close();
  expect(errors).toEqual([]);
});

it('two tabs on one report: the second is told, and what it types goes into a copy of its own', async () => {
  const a = await openPage();
  const hash = new URL(a.url()).hash;
  const b = await openPage(hash);
  await cell(a, A('new', 'research')).fill('41');
  await saved(a);
  await expect.poll(() => b.locator('.drafts-conflict-banner').textContent()).toContain('此报告已在另一个标签页中修改');
  // Typing in the stale tab never overwrites the other tab's save: it goes into a new draft,
  // which the tab then edits (its address follows), and the tab says so.
  await cell(b, A('new', 'public-interest')).fill('77');
  await expect.poll(() => b.getByRole('status').filter({ hasText: '本标签页之后输入的内容已保存为新草稿' }).count(), { timeout: 10_000 }).toBe(1);
  await expect.poll(() => new URL(b.url()).hash).not.toBe(hash);
  await expect.poll(() => b.locator('.drafts-conflict-banner').count()).toBe(0);
  const copy = new URL(b.url()).hash;
  const c = await openPage(hash);
  expect(await cell(c, A('new', 'research')).inputValue()).toBe('41');
  expect(await cell(c, A('new', 'public-interest')).inputValue()).not.toBe('77');
  await c.close();
  // The copy goes on saving what this tab types, and the first tab is not disturbed.
  await cell(b, A('new', 'research')).fill('42');
  await saved(b);
  const d = await openPage(copy);
  expect(await cell(d, A('new', 'public-interest')).inputValue()).toBe('77');
  expect(await cell(d, A('new', 'research')).inputValue()).toBe('42');
  await d.close();
  expect(await a.locator('.drafts-conflict-banner').count()).toBe(0);
  await a.close();
  await b.close();
  expect(errors).toEqual([]);
});

it('saves a report file and opens files: a broken one is refused naming the place, a good one becomes a new draft', async () => {
  const page = await openPage();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存为文件' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.nianbao\.json$/);
  const text = readFileSync((await download.path())!, 'utf8');
  const doc = JSON.parse(text) as { format: string; values: Record<string, number | null> };
  expect(doc.format).toBe('nianbao-report');
  expect(doc.values[A('new', 'research')]).toBe(42);

  const listRows = async () => {
    await page.getByRole('button', { name: '报告列表' }).click();
    const dialog = page.getByRole('dialog', { name: '报告列表' });
    await dialog.locator('.reports-list table').waitFor();
    const rows = await dialog.locator('.reports-list tbody tr').count();
    await dialog.getByRole('button', { name: '关闭', exact: true }).click();
    return rows;
  };
  const before = await listRows();
  const input = page.getByTestId('open-file');
  const broken = text.replace('"applications:new:research": 42', '"applications:new:research": "四十二"');
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  const alert = page.locator('.drafts-notice-error');
  await expect.poll(() => alert.textContent()).toContain('无法打开文件“broken.json”');
  expect(await alert.textContent()).toMatch(/values\.applications:new:research（.+）：应为数字，实际为文字 “四十二”/);
  await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from([0x7b, 0xff, 0x7d]) });
  await expect.poll(() => alert.textContent()).toContain('不是 UTF-8 编码的文本');
  expect(await listRows()).toBe(before);
  expect(await cell(page, A('new', 'research')).inputValue()).toBe('42');

  const other = text.replace('"applications:new:research": 42', '"applications:new:research": 5');
  await input.setInputFiles({ name: '另一份.json', mimeType: 'application/json', buffer: Buffer.from(other) });
  await expect.poll(() => page.locator('.drafts-notice').textContent()).toContain('作为一份新草稿');
  await expect.poll(() => cell(page, A('new', 'research')).inputValue()).toBe('5');
  expect(await listRows()).toBe(before + 1);
  await page.close();
  expect(errors).toEqual([]);
});

it('starts next year from this year, and the list renames, deletes (asked, undoable) and reopens', async () => {
  const page = await openPage();
  await page.locator('#fact-organ').fill('某某镇人民政府');
  await cell(page, A('carry-forward', 'natural-person')).fill('3');
  const year = Number(await page.locator('#fact-year').inputValue());
  await page.getByRole('button', { name: '新建下一年度报告' }).click();
  await expect.poll(() => page.locator('#fact-year').inputValue()).toBe(String(year + 1));
  expect(await page.locator('#fact-organ').inputValue()).toBe('某某镇人民政府');
  expect(await cell(page, A('carried-over', 'natural-person')).inputValue()).toBe('3');
  await saved(page);

  await page.getByRole('button', { name: '报告列表' }).click();
  const list = page.locator('.reports-list');
  const current = list.locator('tr[aria-current="true"]');
  expect(await current.locator('td').nth(1).textContent()).toBe(String(year + 1));
  await current.getByRole('button', { name: '重命名' }).click();
  await list.getByLabel('新名称').fill('明年的报告');
  await list.getByRole('button', { name: '确定' }).click();
  await expect.poll(() => current.locator('th').textContent()).toContain('明年的报告');

  const rows = await list.locator('tbody tr').count();
  const victim = list.locator('tbody tr:not([aria-current])').first();
  const victimId = await victim.getAttribute('data-draft');
  await victim.getByRole('button', { name: '删除' }).click();
  await list.getByRole('button', { name: '确定删除' }).click();
  await expect.poll(() => list.locator('tbody tr').count()).toBe(rows - 1);
  await page.locator('.drafts-notice').getByRole('button', { name: '撤销' }).click();
  await expect.poll(() => list.locator('tbody tr').count()).toBe(rows);
  await list.locator(`tr[data-draft="${victimId}"]`).getByRole('button', { name: '打开' }).click();
  await expect.poll(() => new URL(page.url()).hash).toBe(`#draft=${victimId}`);
  await page.close();
  expect(errors).toEqual([]);
});

it('measures one IndexedDB save of a full draft in Chromium', async () => {
  const page = await openPage();
  await saved(page);
  const ms = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, no) => {
      const r = indexedDB.open('nianbao');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(r.error);
    });
    const all = await new Promise<{ id: string }[]>((ok) => {
      const r = db.transaction('drafts').objectStore('drafts').getAll();
      r.onsuccess = () => ok(r.result as { id: string }[]);
    });
    const record = { ...all[0]!, id: 'bench' };
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t = performance.now();
      await new Promise<void>((ok, no) => {
        const tx = db.transaction('drafts', 'readwrite', { durability: 'strict' });
        tx.objectStore('drafts').put({ ...record, rev: i });
        tx.oncomplete = () => ok();
        tx.onerror = () => no(tx.error);
      });
      if (i >= 10) times.push(performance.now() - t);
    }
    db.transaction('drafts', 'readwrite').objectStore('drafts').delete('bench');
    times.sort((x, y) => x - y);
    return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]! };
  });
  console.log(`Chromium IndexedDB save of a full draft (strict durability): median ${ms.median.toFixed(2)} ms, p95 ${ms.p95.toFixed(2)} ms (n=50)`);
  expect(ms.median).toBeGreaterThan(0);
  await page.close();
});
