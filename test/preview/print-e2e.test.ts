// Printing in real Chromium (the production build under the CSP, a private copy of it): 预览 shows
// A4 sheets on a grey desk, as many as the paginator's pages, zoomed by a select; printing from 填写
// gives the report alone (no form, no buttons), one sheet per page, "— N —" at the outside bottom
// corners (odd pages right, even pages left), the same pages whatever the zoom on screen. The PDF
// is read back with pdftotext; page images go to test-output/preview/ (pdftoppm -r 50). A print
// that comes without `beforeprint` (some print paths) prints neither the form nor the app, only a
// note to print from 预览. paginate-truth.test.ts compares the pages with LibreOffice's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { guardPage, launch, serveDistCopy, type App } from '../helpers/browser';
import { composeDocument, parseReportText } from '../../src/core';
import { paginate } from '../../src/core/layout/paginate';
import { nodeRegistry } from '../../src/node/templates';

const OUT = 'test-output/preview';
const registry = nodeRegistry();
const template = registry.get('gov-info-2021')!;
const seedText = readFileSync('examples/seed-002.report.json', 'utf8');
const parsed = parseReportText(seedText, registry.get);
if (!parsed.ok) throw new Error('seed-002 does not parse');
const seed = parsed.report;
const blocks = composeDocument(template, seed);
const pageCount = paginate(blocks).length;

let app: App | undefined;
let browser: Awaited<ReturnType<typeof launch>> | undefined;
beforeAll(async () => {
  app = await serveDistCopy();
  browser = await launch();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Print the page as Chromium prints it (the CSS @page size and margins), and read it back. */
async function printed(page: Page, name: string): Promise<{ pages: string[]; pdf: string }> {
  const pdf = join(OUT, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages.at(-1)!.trim() === '') pages.pop();
  return { pages, pdf };
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Page numbers and where they sit: the x of "— N —" on each page, from pdftotext -bbox. */
function pageNumbers(pdf: string): { page: number; text: string; x: number; width: number }[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  const out: { page: number; text: string; x: number; width: number }[] = [];
  const pages = html.split('<page ').slice(1);
  pages.forEach((p, i) => {
    const width = Number(/width="([\d.]+)"/.exec(p)![1]);
    for (const line of p.split('<line ').slice(1)) {
      const words = [...line.matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)];
      const text = words.map((w) => w[2]).join(' ');
      if (/^—\s*\d+\s*—$/.test(text)) out.push({ page: i + 1, text, x: Number(words[0]![1]), width });
    }
  });
  return out;
}

async function openSeed(page: Page): Promise<void> {
  await page.goto(app!.url);
  await page.getByTestId('open-file').setInputFiles({ name: 'seed-002.json', mimeType: 'application/json', buffer: Buffer.from(seedText) });
  await expect.poll(() => page.locator('#fact-organ').inputValue(), { timeout: 60_000 }).toBe(seed.organ.name);
}

describe('printing the report', () => {
  it('shows A4 sheets, zoomed, and prints them from 填写 alone: one per page, numbered at the outside corners', async () => {
    const page = await browser!.context.newPage();
    const errors = guardPage(page);
    await openSeed(page);
    expect(await page.getByRole('tab', { name: '填写' }).getAttribute('aria-selected')).toBe('true');

    // On screen, 预览 is as many A4 sheets as the paginator has pages, on a grey desk; at 100 %
    // a sheet is 210 mm wide with the 28 mm left margin.
    await page.getByRole('tab', { name: '预览' }).click();
    await expect.poll(() => page.locator('.pv-page').count(), { timeout: 60_000 }).toBe(pageCount);
    const zoom = page.getByRole('combobox', { name: '缩放' });
    expect(await zoom.inputValue()).toBe('fit');
    await zoom.selectOption('1');
    const sheet = page.locator('.pv-page').first();
    const look = async () =>
      sheet.evaluate((el) => {
        const s = getComputedStyle(el);
        return { width: el.getBoundingClientRect().width, bg: s.backgroundColor, desk: getComputedStyle(el.closest('.pv-desk')!).backgroundColor, padLeft: s.paddingLeft };
      });
    await expect.poll(async () => Math.round((await look()).width), { timeout: 30_000 }).toBe(Math.round((210 * 96) / 25.4));
    const seen = await look();
    expect(seen.bg).toBe('rgb(255, 255, 255)');
    expect(seen.desk).not.toBe('rgb(255, 255, 255)');
    expect(parseFloat(seen.padLeft)).toBeCloseTo((28 * 96) / 25.4, 1);
    // 125 %: the sheets are drawn larger; 适合宽度 fits one into the 1400 px window.
    await zoom.selectOption('1.25');
    await expect.poll(async () => Math.round((await look()).width), { timeout: 30_000 }).toBe(Math.round((1.25 * 210 * 96) / 25.4));
    await zoom.selectOption('fit');
    await expect.poll(async () => (await look()).width, { timeout: 30_000 }).toBeLessThan(1400);
    await page.locator('.report-preview').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: join(OUT, 'screen-preview.png') });
    await zoom.selectOption('1.25');
    await page.getByRole('tab', { name: '填写' }).click();

    // How long the print copy takes to mount (beforeprint renders it synchronously): printed, not asserted.
    const runs = await page.evaluate(() =>
      Array.from({ length: 15 }, () => {
        const t = performance.now();
        window.dispatchEvent(new Event('beforeprint'));
        const ms = performance.now() - t;
        const cells = document.querySelectorAll('.print-copy td[data-cell]').length;
        window.dispatchEvent(new Event('afterprint'));
        return { ms, cells };
      }),
    );
    expect(runs.map((r) => r.cells)).toEqual(runs.map(() => template.cells.size));
    const mounts = runs.map((r) => r.ms).sort((a, b) => a - b);
    console.log(`print copy of seed 002 (${pageCount} sheets) mounted on beforeprint: median ${mounts[7]!.toFixed(1)} ms, max ${mounts[14]!.toFixed(1)} ms (15 runs)`);

    // Printed from 填写 (the zoom left at 125 %): the report only, one sheet a page.
    const title = blocks.find((b) => b.kind === 'title')!.text;
    const { pages, pdf } = await printed(page, 'from-form');
    expect(pages).toHaveLength(pageCount);
    expect(squeeze(pages[0]!)).toContain(squeeze(title));
    for (const ui of ['导出 Word 文档', '导出草稿', '检查结果', '打印', '按定稿检查', '报告列表', '缩放']) expect(pages.join('\n')).not.toContain(ui);
    expect(await page.locator('.print-copy').count()).toBe(0);
    execFileSync('pdftoppm', ['-r', '50', '-png', pdf, join(OUT, 'page')]);

    // "— N —" on every page, odd pages at the right, even pages at the left.
    const numbers = pageNumbers(pdf);
    expect(numbers.map((n) => n.text.replace(/\s+/g, ''))).toEqual(pages.map((_, i) => `—${i + 1}—`));
    for (const n of numbers) {
      if (n.page % 2) expect(n.x).toBeGreaterThan(n.width / 2);
      else expect(n.x).toBeLessThan(n.width / 2);
    }

    // From 预览 at 适合宽度, the same pages.
    await page.getByRole('tab', { name: '预览' }).click();
    await expect.poll(() => page.locator('.pv-page').count(), { timeout: 60_000 }).toBe(pageCount);
    await page.getByRole('combobox', { name: '缩放' }).selectOption('fit');
    const again = await printed(page, 'from-preview');
    expect(again.pages.map(squeeze)).toEqual(pages.map(squeeze));
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('before the preview’s own code has come, the tabs are styled and the print note stays off the screen', async () => {
    const page = await browser!.context.newPage();
    // The preview's chunk (fetched when the page is idle) held back: what shows is the first screen's alone.
    await page.route(/\/ReportPreview-[^/]*\.(?:js|css)$/, () => undefined);
    await page.goto(app!.url);
    await expect.poll(() => page.locator('#fact-organ').isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await page.getByText('请切换到“预览”后打印').isVisible()).toBe(false);
    expect(await page.locator('.view-tabs').evaluate((el) => getComputedStyle(el).display)).toBe('flex');
    await page.close();
  });

  it('a print without beforeprint from 填写 shows no form and no app, only a note to print from 预览', async () => {
    const page = await browser!.context.newPage();
    const errors = guardPage(page);
    // The print paths that never tell the page: no beforeprint/afterprint, no print media query events.
    await page.addInitScript(() => {
      const add = EventTarget.prototype.addEventListener;
      EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, ...rest: [EventListenerOrEventListenerObject | null, (boolean | AddEventListenerOptions)?]) {
        if (type === 'beforeprint' || type === 'afterprint' || this instanceof MediaQueryList) return;
        add.call(this, type, ...rest);
      } as typeof add;
    });
    await openSeed(page);
    const note = page.getByText('请切换到“预览”后打印');
    expect(await note.isVisible()).toBe(false);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-copy').count()).toBe(0);
    for (const selector of ['#fact-organ', '.findings', '.app-header', '.view-tabs', '#view-form']) expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    expect(await page.getByRole('button', { name: '导出 Word 文档' }).isVisible()).toBe(false);
    expect(await note.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.body.innerText.trim())).toBe('请切换到“预览”后打印');

    // Printed so: one page with the note, none of the form's or the app's text.
    const { pages } = await printed(page, 'no-beforeprint');
    expect(pages).toHaveLength(1);
    expect(squeeze(pages[0]!)).toContain('请切换到“预览”后打印');
    for (const ui of ['导出 Word 文档', '导出草稿', '检查结果', '按定稿检查', '报告列表', '报告基本信息', seed.organ.name]) expect(pages[0]).not.toContain(ui);

    // Back on screen: the form again, no note.
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('#fact-organ').isVisible()).toBe(true);
    expect(await note.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
