// Printing in real Chromium (the production build under the CSP): from the 填写 tab, the printed
// PDF holds the report alone (no form, no buttons), with page numbers "— N —" at the outside
// bottom corners (odd pages right, even pages left); no block title of the 第二十条 grid ends a page
// without its rows, and no heading ends a page, whatever the length of the text before them. The
// PDF is read back with pdftotext; page images go to test-output/preview/ (pdftoppm -r 50). A print
// that comes without `beforeprint` (some print paths) prints neither the form nor the app, only a
// note to print from 预览.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { appInBrowser, guardPage } from '../helpers/browser';
import { composeDocument, parseReportText } from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';

const OUT = 'test-output/preview';
const app = appInBrowser();
const registry = nodeRegistry();
const template = registry.get('gov-info-2021')!;
const seedText = readFileSync('examples/seed-002.report.json', 'utf8');
const parsed = parseReportText(seedText, registry.get);
if (!parsed.ok) throw new Error('seed-002 does not parse');
const seed = parsed.report;

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

describe('printing the report', () => {
  it('prints the report alone from 填写, numbered at the outside corners, blocks and headings kept with what follows', async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const page = await app.context.newPage();
    const errors = guardPage(page);
    await page.goto(app.url);
    await page.getByTestId('open-file').setInputFiles({ name: 'seed-002.json', mimeType: 'application/json', buffer: Buffer.from(seedText) });
    await expect.poll(() => page.locator('#fact-organ').inputValue()).toBe(seed.organ.name);
    expect(await page.getByRole('tab', { name: '填写' }).getAttribute('aria-selected')).toBe('true');

    // On screen, 预览 is an A4 sheet on a grey desk.
    await page.getByRole('tab', { name: '预览' }).click();
    const sheet = page.locator('.pv-page');
    await sheet.waitFor();
    const look = await sheet.evaluate((el) => {
      const s = getComputedStyle(el);
      return { width: el.getBoundingClientRect().width, bg: s.backgroundColor, desk: getComputedStyle(el.parentElement!).backgroundColor, padLeft: s.paddingLeft };
    });
    expect(Math.round(look.width)).toBe(Math.round((210 * 96) / 25.4));
    expect(look.bg).toBe('rgb(255, 255, 255)');
    expect(look.desk).not.toBe('rgb(255, 255, 255)');
    expect(parseFloat(look.padLeft)).toBeCloseTo((28 * 96) / 25.4, 1);
    await page.locator('.report-preview').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: join(OUT, 'screen-preview.png') });
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
    console.log(`print copy of seed 002 mounted on beforeprint: median ${mounts[7]!.toFixed(1)} ms, max ${mounts[14]!.toFixed(1)} ms (15 runs)`);

    // Printed from 填写: the report only.
    const blocks = composeDocument(template, seed);
    const title = blocks.find((b) => b.kind === 'title')!.text;
    const { pages, pdf } = await printed(page, 'from-form');
    const all = pages.join('\n');
    expect(squeeze(all)).toContain(squeeze(title));
    for (const ui of ['导出 Word 文档', '导出草稿', '检查结果', '打印', '按定稿检查', '报告列表']) expect(all).not.toContain(ui);
    expect(await page.locator('.print-copy').count()).toBe(0);
    execFileSync('pdftoppm', ['-r', '50', '-png', pdf, join(OUT, 'page')]);

    // "— N —" on every page, odd pages at the right, even pages at the left.
    const numbers = pageNumbers(pdf);
    expect(numbers.map((n) => n.text.replace(/\s+/g, ''))).toEqual(pages.map((_, i) => `—${i + 1}—`));
    for (const n of numbers) {
      if (n.page % 2) expect(n.x).toBeGreaterThan(n.width / 2);
      else expect(n.x).toBeLessThan(n.width / 2);
    }
    expect(pages.length).toBeGreaterThan(2);

    // Whatever the text before the 第二十条 grid, no block is cut after its title or header row and
    // no heading ends a page: the text of 一 grows line by line over a whole page.
    const grid = template.grid('article-20');
    const blockRanges = grid.rows.flatMap((r, i) => (r.role === 'title' ? [i] : [])).map((start, k, starts) => grid.rows.slice(start, starts[k + 1] ?? grid.rows.length));
    const label = (item: (typeof grid.rows)[number]['items'][number]) => (item.type === 'header' ? item.label : '');
    const headings = blocks.flatMap((b) => (b.kind === 'heading' ? [squeeze(b.text)] : []));
    const slot = page.locator('[id="text-overview.oversight"]');
    const base = seed.narrative['overview.oversight'] ?? '';
    const problems: string[] = [];
    const pdfTimes: number[] = [];
    for (let extra = 0; extra < 24; extra++) {
      await slot.fill(base + '\n本段为分页测试而加。'.repeat(extra));
      const t = performance.now();
      const run = await printed(page, 'sweep');
      pdfTimes.push(performance.now() - t);
      const lines = run.pages.map((p) => p.split('\n').map(squeeze).filter(Boolean));
      for (const block of blockRanges) {
        const first = squeeze(label(block[0]!.items[0]!));
        const last = squeeze(label(block.at(-1)!.items[0]!));
        const at = lines.findIndex((ls) => ls.some((l) => l.includes(first)));
        const end = lines.findIndex((ls, i) => i >= at && ls.some((l) => l.includes(last)));
        if (at < 0 || at !== end) problems.push(`+${extra} 行：“${first}”在第 ${at + 1} 页，其末行“${last}”在第 ${end + 1} 页`);
      }
      // A grid's header rows are never printed without a body row under them.
      for (const g of template.grids) {
        const head = g.rows.find((r) => r.repeat);
        const body = g.rows.find((r) => r.role === 'body');
        // The shortest label of the header (a long one wraps and mixes with its neighbours' text).
        const first = head && head.items.map((i) => squeeze(label(i))).filter(Boolean).sort((a, b) => a.length - b.length)[0];
        const under = body && squeeze(label(body.items[0]!));
        if (!first || !under) continue;
        const at = lines.findIndex((ls) => ls.join('').includes(first));
        const end = lines.findIndex((ls, i) => i >= at && ls.join('').includes(under));
        if (at < 0 || at !== end) problems.push(`+${extra} 行：表头“${first}”在第 ${at + 1} 页，首行“${under}”在第 ${end + 1} 页`);
      }
      lines.forEach((ls, i) => {
        const body = ls.filter((l) => !/^—\d+—$/.test(l));
        const tail = body.at(-1) ?? '';
        if (i < lines.length - 1 && headings.includes(tail)) problems.push(`+${extra} 行：第 ${i + 1} 页以标题“${tail}”结束`);
      });
    }
    pdfTimes.sort((a, b) => a - b);
    console.log(`page.pdf + pdftotext of ${pages.length} pages: median ${pdfTimes[12]!.toFixed(0)} ms over 24 layouts`);
    expect(problems).toEqual([]);
    writeFileSync(join(OUT, 'sweep.txt'), 'checked 24 layouts\n');
    expect(errors).toEqual([]);
  }, 240_000); // 24 PDF renderings of the page-break sweep: minutes on a busy 2-core machine

  it('a print without beforeprint from 填写 shows no form and no app, only a note to print from 预览', async () => {
    const page = await app.context.newPage();
    const errors = guardPage(page);
    // The print paths that never tell the page: no beforeprint/afterprint, no print media query events.
    await page.addInitScript(() => {
      const add = EventTarget.prototype.addEventListener;
      EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, ...rest: [EventListenerOrEventListenerObject | null, (boolean | AddEventListenerOptions)?]) {
        if (type === 'beforeprint' || type === 'afterprint' || this instanceof MediaQueryList) return;
        add.call(this, type, ...rest);
      } as typeof add;
    });
    await page.goto(app.url);
    await page.getByTestId('open-file').setInputFiles({ name: 'seed-002.json', mimeType: 'application/json', buffer: Buffer.from(seedText) });
    await expect.poll(() => page.locator('#fact-organ').inputValue()).toBe(seed.organ.name);
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
  });
});
