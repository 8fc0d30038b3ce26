// Two promises in real Chromium, with the app's own IndexedDB: text typed in the tab that lost a
// two-tab conflict is kept as a copy (also when that tab is then closed); a stored draft that
// fails the report schema (an impossible date, a paragraph over the limit) opens repaired, its
// originals shown, never swapped for a blank report, and opens again after a reload.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appInBrowser, guardPage } from '../helpers/browser';

const FIELD = '#text-overview\\.active';
const errors: string[] = [];
const app = appInBrowser({ persistent: true });

interface Stored {
  id: string;
  name: string;
  report: { organ: { name: string }; narrative: Record<string, string>; dates: { written: string | null } };
}
/** Every draft in the app's database, read from the page. */
const drafts = (page: Page): Promise<Stored[]> =>
  page.evaluate(
    () =>
      new Promise<Stored[]>((resolve) => {
        const open = indexedDB.open('nianbao');
        open.onsuccess = () => {
          const q = open.result.transaction('drafts').objectStore('drafts').getAll();
          q.onsuccess = () => {
            open.result.close();
            resolve(q.result as Stored[]);
          };
        };
      }),
  );

async function openPage(url: string): Promise<Page> {
  const page = await app.context.newPage();
  guardPage(page, errors);
  await page.goto(url);
  await page.locator(FIELD).waitFor();
  return page;
}

describe('two tabs on one draft', () => {
  it('keeps what is typed in the stale tab as a copy, even when that tab is closed at once', async () => {
    const a = await openPage(app.url);
    const url = a.url();
    expect(url).toMatch(/#draft=/);
    const b = await openPage(url);
    await a.locator(FIELD).focus();
    await a.keyboard.type('甲方写的');
    await expect.poll(() => b.locator('.drafts-conflict-banner').count(), { timeout: 10_000 }).toBe(1);
    await b.locator(FIELD).focus();
    await b.keyboard.press('Control+End');
    await b.keyboard.type('乙方后写的');
    await b.close({ runBeforeUnload: true });
    const copies = async () => (await drafts(a)).filter((d) => d.name.includes('本标签页的版本'));
    await expect.poll(async () => (await copies()).length, { timeout: 10_000 }).toBe(1);
    const [copy] = await copies();
    // Keys typed in the instant before the close may still be in the closed page's journal
    // (localStorage) rather than in IndexedDB; opening the copy applies the journal. Either way
    // the copy ends up holding everything typed in the stale tab.
    if (!/乙方后写的$/.test(copy!.report.narrative['overview.active'] ?? '')) {
      const c = await openPage(url.replace(/#draft=.*$/, `#draft=${copy!.id}`));
      await expect.poll(() => c.locator(FIELD).inputValue(), { timeout: 10_000 }).toMatch(/乙方后写的$/);
      await c.close();
    }
    await expect
      .poll(async () => (await copies()).map((d) => d.report.narrative['overview.active']), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/乙方后写的$/)]);
    const original = (await drafts(a)).find((d) => url.endsWith(d.id))!;
    expect(original.report.narrative['overview.active']).toMatch(/甲方写的$/);
    expect(original.report.narrative['overview.active']).not.toContain('乙方');
    await a.close();
  });
});

describe('a stored draft that fails the schema', () => {
  it('opens repaired with the originals readable, and again after a reload', async () => {
    const page = await openPage(app.url);
    const long = `${'据实报告'.repeat(50_001)}结尾`;
    const id = await page.evaluate(async (text) => {
      const db = await new Promise<IDBDatabase>((r) => {
        const o = indexedDB.open('nianbao');
        o.onsuccess = () => r(o.result);
      });
      const [first] = await new Promise<Stored[]>((r) => {
        const q = db.transaction('drafts').objectStore('drafts').getAll();
        q.onsuccess = () => r(q.result as Stored[]);
      });
      const bad = structuredClone(first!) as Stored & { rev: number; modified: number; deletedAt: null };
      bad.id = 'impossible-import';
      bad.name = '导入的报告';
      bad.report.organ.name = '三元区莘口镇人民政府';
      bad.report.dates.written = '2024-04-31';
      bad.report.narrative.problems = text;
      bad.modified = Date.now() + 1000;
      await new Promise<void>((r) => {
        const t = db.transaction('drafts', 'readwrite');
        t.objectStore('drafts').put(bad);
        t.oncomplete = () => r();
      });
      db.close();
      return bad.id;
    }, long);
    for (const attempt of ['open', 'reload']) {
      if (attempt === 'open') {
        await page.goto(`${app.url}#draft=${id}`);
        await page.reload(); // the hash alone does not reload the page
      } else await page.reload();
      const repair = page.getByRole('alert', { name: '报告已修复后打开' });
      await repair.waitFor({ timeout: 15_000 });
      await expect.poll(() => page.locator('#fact-organ').inputValue().catch(() => '')).toBe('三元区莘口镇人民政府');
      await expect.poll(() => repair.textContent()).toContain('dates.written');
      const originals = await repair.locator('textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
      expect(originals).toContain('2024-04-31');
      expect(originals).toContain(long);
    }
    await page.close();
  });
});
