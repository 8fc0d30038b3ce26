// The truth of the paginator: for real reports, the .docx nianbao exports is converted to PDF by
// LibreOffice (one soffice call for all of them) and read page by page with pdftotext; the page
// count must equal paginate()'s and every page must start with the text paginate() puts first on
// it. Chromium printing the app's 预览 of the same reports must give the same pages too. The
// reports: the examples (2021, 2019 and 2008 formats), seed 002 with its text grown line by line
// until the tables move, a long narrative, 三 with nine-digit numbers after a long text (its outcome
// block cut by a page end), and three published reports of the corpus as the importer reads them.
// Page images of seed 002: test-output/clerk/preview-seed-002-page-N.png (the preview) and
// preview-seed-002-lo-page-N.png (LibreOffice).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeDocument, parseReportText, type DocBlock, type Report, type Template } from '../../src/core';
import { paginate, type Page } from '../../src/core/layout/paginate';
import { importAny, readText } from '../../src/import';
import { nodeRegistry } from '../../src/node/templates';
import { renderDocx } from '../../src/render/docx/render-docx';
import { guardPage, launch, serveDistCopy, type App } from '../helpers/browser';
import { convert, pdfToPngs } from '../helpers/libreoffice';

const OUT = 'test-output/clerk';
const registry = nodeRegistry();

interface Case {
  name: string;
  report: Report;
  template: Template;
  blocks: DocBlock[];
  pages: Page[];
  pdf?: string;
}

function read(path: string): Report {
  const parsed = parseReportText(readFileSync(path, 'utf8'), registry.get);
  if (!parsed.ok) throw new Error(`${path} does not parse`);
  return parsed.report;
}

function reports(): [string, Report][] {
  const out: [string, Report][] = readdirSync('examples')
    .filter((f) => f.endsWith('.report.json'))
    .sort()
    .map((f) => [f.replace('.report.json', ''), read(`examples/${f}`)]);
  const seed = read('examples/seed-002.report.json');
  for (const extra of [4, 10, 16]) {
    const r = structuredClone(seed);
    r.narrative['overview.oversight'] = (r.narrative['overview.oversight'] ?? '') + '\n本段为分页测试而加。'.repeat(extra);
    out.push([`seed-002-plus-${extra}`, r]);
  }
  const long = read('examples/busy-subdistrict.report.json');
  long.narrative['overview.active'] = '本机关持续深化政务公开，围绕重点领域信息公开、政策解读和回应关切开展工作，做到应公开尽公开。'.repeat(60);
  out.push(['long-narrative', long]);
  const big = read('examples/busy-subdistrict.report.json');
  big.narrative['overview.active'] = '本街道坚持以公开为常态、不公开为例外，全年主动公开政府信息312条。'.repeat(14);
  for (const k of Object.keys(big.values)) if (k.startsWith('applications:')) big.values[k] = 123456789;
  out.push(['long-table', big]);
  for (const n of ['03', '10', '16']) {
    const file = readdirSync('test/fixtures/corpus').find((f) => f.startsWith(`${n}_`))!;
    out.push([`corpus-${n}`, importAny(readText(readFileSync(`test/fixtures/corpus/${file}`, 'utf8')), registry).report]);
  }
  return out;
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * The first text paginate() puts on a page: the start of its first line, the first label of its
 * first table row (a repeated header row when there is one), the title or the organ. A mark
 * hanging past the margin is left out: pdftotext does not always read it.
 */
function firstText(page: Page, blocks: DocBlock[]): string {
  const part = page.parts[0]!;
  const block = blocks[part.block]!;
  if (part.kind === 'lines') return squeeze(part.lines[0]!.map((r) => r.text).join('')).slice(0, 12).replace(/[、。，．：；！？,.:;!?]$/, '');
  if (part.kind === 'rows' && block.kind === 'grid') {
    const item = block.grid.rows[part.head[0] ?? part.rows[0]!]!.items[0]!;
    return squeeze(item.type === 'header' ? item.label : '').slice(0, 12);
  }
  if (block.kind === 'title') return squeeze(block.text).slice(0, 6);
  if (block.kind === 'signature') return squeeze(block.organ);
  return '';
}

/** The pages of a PDF as text, squeezed. */
function pdfPagesText(pdf: string): string[] {
  const pages = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\f');
  if (pages.at(-1)!.trim() === '') pages.pop();
  return pages.map(squeeze);
}

/** Where the PDF's pages disagree with the paginator: a count, or a page starting elsewhere. */
function disagreements(c: Case, pdfPages: string[]): string[] {
  const out: string[] = [];
  if (pdfPages.length !== c.pages.length) out.push(`${c.name}：分页器 ${c.pages.length} 页，PDF ${pdfPages.length} 页`);
  c.pages.forEach((page, i) => {
    const want = firstText(page, c.blocks);
    if (pdfPages[i] !== undefined && !pdfPages[i]!.startsWith(want)) out.push(`${c.name} 第 ${i + 1} 页：应以“${want}”开始，PDF 为“${pdfPages[i]!.slice(0, 20)}”`);
  });
  return out;
}

const cases: Case[] = [];
let work = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'nianbao-truth-'));
  for (const [name, report] of reports()) {
    const template = registry.get(report.template)!;
    const blocks = composeDocument(template, report);
    cases.push({ name, report, template, blocks, pages: paginate(blocks) });
    writeFileSync(join(work, `${name}.docx`), await renderDocx(template, report));
  }
  const { files } = convert(cases.map((c) => join(work, `${c.name}.docx`)), 'pdf', join(work, 'pdf'));
  files.forEach((f, i) => (cases[i]!.pdf = f));
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) if (/^preview-seed-002-(lo-)?page-\d+\.png$/.test(f)) rmSync(join(OUT, f));
  pdfToPngs(cases.find((c) => c.name === 'seed-002')!.pdf!, join(OUT, 'preview-seed-002-lo-page'), 60);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the paginator against LibreOffice', () => {
  it('gives every report the pages LibreOffice gives its .docx: the same count, each page starting with the same text', () => {
    const problems = cases.flatMap((c) => disagreements(c, pdfPagesText(c.pdf!)));
    const exact = cases.filter((c) => disagreements(c, pdfPagesText(c.pdf!)).length === 0).length;
    console.log(`paginator vs LibreOffice: ${exact} of ${cases.length} reports exact (${cases.reduce((s, c) => s + c.pages.length, 0)} pages)`);
    expect(problems).toEqual([]);
    // What the comparison relies on: reports of several pages, tables continued on a next page.
    expect(cases.length).toBeGreaterThanOrEqual(14);
    expect(cases.every((c) => c.pages.length >= 4)).toBe(true);
    expect(cases.some((c) => c.pages.some((p) => p.parts[0]!.kind === 'rows' && p.parts[0]!.head.length > 0))).toBe(true);
  });
});

describe('Chromium printing the preview', () => {
  let app: App | undefined;
  let browser: Awaited<ReturnType<typeof launch>> | undefined;
  beforeAll(async () => {
    app = await serveDistCopy();
    browser = await launch({ viewport: { width: 1366, height: 768 } });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('prints the same pages as the .docx: one sheet per page, each starting with the same text', async () => {
    const problems: string[] = [];
    for (const c of cases.filter((x) => !x.name.startsWith('corpus-'))) {
      const page = await browser!.context.newPage();
      const errors = guardPage(page);
      await page.goto(app!.url);
      await page.getByTestId('open-file').setInputFiles({ name: `${c.name}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(c.report)) });
      await expect.poll(() => page.locator('#fact-organ').inputValue(), { timeout: 60_000 }).toBe(c.report.organ.name);
      await page.getByRole('tab', { name: '预览' }).click();
      // The sheets drawn are the paginator's (the preview follows the store through a deferred value).
      await expect.poll(() => page.locator('.pv-page').count(), { timeout: 60_000 }).toBe(c.pages.length);
      if (c.name === 'seed-002') {
        await page.getByRole('combobox', { name: '缩放' }).selectOption('1');
        for (let i = 0; i < c.pages.length; i++) await page.locator('.pv-page').nth(i).screenshot({ path: join(OUT, `preview-seed-002-page-${i + 1}.png`) });
      }
      const pdf = join(work, `${c.name}-chromium.pdf`);
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      problems.push(...disagreements({ ...c, name: `${c.name}（Chromium）` }, pdfPagesText(pdf)));
      expect(errors).toEqual([]);
      await page.close();
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
