// The import result at 1366×768 (a township office's screen): a real published report whose
// import says a lot (a 2017 report read into the 统计表 format: 50-odd notes) keeps the result's
// buttons inside the viewport, uncovered and clickable without scrolling the dialog or the page;
// the notes scroll inside their own box. Production build, real Chromium.
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { appInBrowser, guardPage } from '../helpers/browser';

const VIEW = { width: 1366, height: 768 };
const SOURCE = '11_pingtan-finance-2017.txt';
const OUT = 'test-output/import';

const app = appInBrowser({ viewport: VIEW });

it('keeps the result’s buttons in view at 1366×768 while a long list of notes scrolls inside its box', async () => {
  mkdirSync(OUT, { recursive: true });
  const page = await app.context.newPage();
  const errors = guardPage(page);
  await page.goto(app.url);
  await page.getByRole('button', { name: '导入已发布的报告' }).click();
  const dialog = page.getByRole('dialog', { name: '导入已发布的报告' });
  await dialog.getByLabel('报告文件（.docx、.pdf、.html、.txt）：').setInputFiles({
    name: SOURCE,
    mimeType: 'text/plain',
    buffer: readFileSync(new URL(`../fixtures/corpus/${SOURCE}`, import.meta.url)),
  });
  const notes = dialog.locator('.import-notes');
  await notes.waitFor({ timeout: 60_000 });
  await expect.poll(() => notes.locator('li').count(), { timeout: 30_000 }).toBeGreaterThan(40);
  await page.screenshot({ path: `${OUT}/result-1366x768.png` });

  // The notes scroll inside their box; the dialog and the page do not scroll at all.
  const boxes = await page.evaluate(() => {
    const d = document.querySelector('dialog.import-dialog')!;
    const n = document.querySelector('.import-notes')!;
    return { dialog: d.scrollHeight - d.clientHeight, notes: n.scrollHeight - n.clientHeight, page: document.scrollingElement!.scrollTop };
  });
  expect(boxes.dialog).toBeLessThanOrEqual(1);
  expect(boxes.notes).toBeGreaterThan(100);
  expect(boxes.page).toBe(0);

  const buttons = dialog.locator('.import-actions button');
  expect(await buttons.count()).toBe(4);
  for (let i = 0; i < 4; i++) {
    const box = (await buttons.nth(i).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(VIEW.height);
    expect(box.x + box.width).toBeLessThanOrEqual(VIEW.width);
    // Nothing lies over it: the element at its centre is the button itself.
    const hit = await buttons.nth(i).evaluate((b, [x, y]) => b.contains(document.elementFromPoint(x!, y!)), [box.x + box.width / 2, box.y + box.height / 2]);
    expect(hit, (await buttons.nth(i).textContent()) ?? undefined).toBe(true);
  }

  // Clicked where it is, without any scrolling first: the report opens as a new draft.
  const open = dialog.getByRole('button', { name: /^作为 \d{4} 年报告打开$/ });
  const at = (await open.boundingBox())!;
  await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
  await expect.poll(() => page.locator('.drafts-notice').textContent(), { timeout: 30_000 }).toMatch(/^已导入“.+”，作为一份新草稿/);
  expect(await page.getByRole('dialog').count()).toBe(0);
  expect(errors).toEqual([]);
}, 180_000);
