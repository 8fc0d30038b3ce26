// The round trip through every published form (issue 11, item 6): random consistent reports of
// the 2021 and 2019 templates → nianbao's .docx → LibreOffice → PDF, HTML and text, the PDF
// through pdftotext (plain, -raw and -layout), and the HTML printed to PDF by Chromium (as a page
// saved from a government site is; its fonts map glyphs to radical look-alikes such as ⾏ for 行),
// that PDF also through pdftotext
// → sniffed, read and imported → the same values. Every
// report of a run goes through one soffice call per target form (its start-up is most of the
// cost). Published reports print every cell, so every cell is filled here, 0 included.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { computeValues, type Report, type Template } from '../../src/core';
import { importAny } from '../../src/import/import-any';
import { readAnySource, type SourceForm } from '../../src/import/sniff';
import { nodeRegistry } from '../../src/node/templates';
import { renderDocx } from '../../src/render/docx/render-docx';
import { convert } from '../helpers/libreoffice';
import { launch } from '../helpers/browser';
import { readReport } from '../core/fixtures';

const registry = nodeRegistry();
const ORGANS = [
  { name: '示例县甲镇人民政府', titleName: '示例县甲镇', level: 'township' },
  { name: '示例市乙区丙街道办事处', titleName: '乙区丙街道', level: 'subdistrict' },
  { name: '示例县自然资源局', titleName: '示例县自然资源局', level: 'county-department' },
] as const;

/** A consistent report: every input cell filled within its kind; totals are computed, as in the app. */
function reportArb(template: Template, years: [number, number]) {
  const cells = fc.tuple(
    ...template.inputCells.map((c) =>
      c.kind === 'amount'
        ? fc.integer({ min: 0, max: 9_999_999 }).map((n) => n / 100)
        : c.kind === 'change'
          ? fc.integer({ min: -500, max: 500 })
          : fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat({ max: 300 }) }, { weight: 1, arbitrary: fc.nat({ max: 99_999 }) }),
    ),
  );
  return fc.record({
    cells,
    year: fc.integer({ min: years[0], max: years[1] }),
    organ: fc.constantFrom(...ORGANS),
    written: fc.option(fc.integer({ min: 10, max: 40 }).map((d) => `-01-${String(d > 31 ? 31 : d).padStart(2, '0')}`)),
  });
}

function build(template: Template, base: Report, sample: { cells: number[]; year: number; organ: (typeof ORGANS)[number]; written: string | null }): Report {
  const report: Report = structuredClone(base);
  report.template = template.id;
  report.values = Object.fromEntries(template.inputCells.map((c, i) => [c.id, sample.cells[i]!]));
  report.year = sample.year;
  report.organ = { ...sample.organ };
  report.dates = { written: sample.written ? `${sample.year + 1}${sample.written}` : null, deadline: null };
  return report;
}

/** Forms whose table columns are approximate: no value may be wrong; cells may be left unread (and named). */
const TEXT_FORMS = ['pdftotext', 'pdftotext -raw', 'pdftotext -layout', 'browser pdf, pdftotext', 'browser pdf, pdftotext -raw', 'pdf without lines'] as const;
type Form = 'docx' | 'pdf' | 'html' | 'txt' | 'browser pdf' | (typeof TEXT_FORMS)[number];
const SNIFFED: Record<Form, SourceForm> = {
  docx: 'docx', pdf: 'pdf', html: 'html', txt: 'text', 'browser pdf': 'pdf', 'pdf without lines': 'pdf',
  pdftotext: 'text', 'pdftotext -raw': 'text', 'pdftotext -layout': 'text', 'browser pdf, pdftotext': 'text', 'browser pdf, pdftotext -raw': 'text',
};

/** The same .docx with every table border removed: its PDF shows the tables without lines. */
function withoutBorders(docx: Uint8Array): Uint8Array {
  const parts = unzipSync(docx);
  const xml = strFromU8(parts['word/document.xml']!)
    .replace(/<w:tcBorders>[\s\S]*?<\/w:tcBorders>/g, '')
    .replace(/<w:tblBorders>[\s\S]*?<\/w:tblBorders>/g, '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>');
  parts['word/document.xml'] = strToU8(xml);
  return zipSync(parts);
}

/** Each HTML file printed to PDF by Chromium (A4), offline. */
async function printed(htmls: string[]): Promise<string[]> {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    const out: string[] = [];
    for (const html of htmls) {
      await page.goto(pathToFileURL(html).href);
      const pdf = html.replace(/\.html$/, '.browser.pdf');
      writeFileSync(pdf, await page.pdf({ format: 'A4' }));
      out.push(pdf);
    }
    return out;
  } finally {
    await close();
  }
}

describe('round trip: random reports → .docx → LibreOffice → PDF, HTML, text → import', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-roundtrip-'));
  const t2021 = registry.get('gov-info-2021')!;
  const t2019 = registry.get('gov-info-2019')!;
  // A different handful every run; the seed is printed with any failure so it can be replayed.
  const seed = Number(process.env.ROUNDTRIP_SEED ?? Date.now() % 1_000_000);
  const samples = [
    ...fc.sample(reportArb(t2021, [2021, 2026]), { numRuns: 4, seed }).map((s) => ({ template: t2021, report: build(t2021, readReport('examples/busy-subdistrict.report.json'), s) })),
    ...fc.sample(reportArb(t2019, [2019, 2020]), { numRuns: 2, seed }).map((s) => ({ template: t2019, report: build(t2019, readReport('examples/seed-003.report.json'), s) })),
  ];
  const docx = await Promise.all(
    samples.map(async ({ template, report }, i) => {
      const file = join(dir, `r${i}.docx`);
      writeFileSync(file, await renderDocx(template, report));
      return file;
    }),
  );
  const pdf = convert(docx, 'pdf', join(dir, 'pdf')).files;
  const bare = docx.map((f) => {
    const out = f.replace(/\.docx$/, '.bare.docx');
    writeFileSync(out, withoutBorders(new Uint8Array(readFileSync(f))));
    return out;
  });
  const barePdf = convert(bare, 'pdf', join(dir, 'bare')).files;
  const html = convert(docx, 'html', join(dir, 'html')).files;
  const txt = convert(docx, 'txt:Text (encoded):UTF8', join(dir, 'txt')).files;
  // Plain mode (no option) is the reading order a viewer's select-all gives: wrapped labels set apart.
  const pdftotext = (file: string, mode: 'plain' | 'raw' | 'layout') => {
    const out = file.replace(/\.pdf$/, `.${mode}.txt`);
    execFileSync('pdftotext', [...(mode === 'plain' ? [] : [`-${mode}`]), '-enc', 'UTF-8', file, out]);
    return out;
  };
  const browserPdf = await printed(html);
  const files: Record<Form, string[]> = {
    docx,
    pdf,
    html,
    txt,
    'browser pdf': browserPdf,
    pdftotext: pdf.map((f) => pdftotext(f, 'plain')),
    'pdftotext -raw': pdf.map((f) => pdftotext(f, 'raw')),
    'pdftotext -layout': pdf.map((f) => pdftotext(f, 'layout')),
    'browser pdf, pdftotext': browserPdf.map((f) => pdftotext(f, 'plain')),
    'browser pdf, pdftotext -raw': browserPdf.map((f) => pdftotext(f, 'raw')),
    'pdf without lines': barePdf,
  };

  async function imported(form: Form, i: number) {
    const { doc, form: sniffed } = await readAnySource(new Uint8Array(readFileSync(files[form][i]!)));
    expect(sniffed, `seed ${seed}, report ${i}, ${form}`).toBe(SNIFFED[form]);
    return importAny(doc, registry, { form: sniffed });
  }

  for (const form of ['docx', 'pdf', 'html', 'txt', 'browser pdf'] as const) {
    it(`${form}: every value, total, year, organ and 成文日期 comes back exactly, in the template printed`, async () => {
      for (let i = 0; i < samples.length; i++) {
        const { template, report: want } = samples[i]!;
        const got = await imported(form, i);
        const where = `seed ${seed}, report ${i} (${template.id} ${want.year}), ${form}`;
        expect(got.template.id, where).toBe(template.id);
        expect(got.report.values, where).toEqual(want.values);
        expect(Object.fromEntries(computeValues(template, got.report)), where).toEqual(Object.fromEntries(computeValues(template, want)));
        expect([got.report.year, got.report.organ.name, got.report.dates.written], where).toEqual([want.year, want.organ.name, want.dates.written]);
        expect(got.flagged, where).toEqual([]);
      }
    });
  }

  for (const form of TEXT_FORMS) {
    it(`${form}: no value read is wrong, year and organ right (cells not read are named, never guessed)`, async () => {
      for (let i = 0; i < samples.length; i++) {
        const { template, report: want } = samples[i]!;
        const got = await imported(form, i);
        const where = `seed ${seed}, report ${i} (${template.id} ${want.year}), ${form}`;
        const wrong = Object.entries(got.report.values).filter(([id, v]) => v !== null && v !== want.values[id]);
        expect(wrong, where).toEqual([]);
        const missing = template.inputCells.filter((c) => got.report.values[c.id] == null).map((c) => c.id);
        const named = new Set([...got.flagged, ...(got.report.source?.unread ?? []), ...(got.report.source?.uncertain ?? [])]);
        expect(missing.filter((id) => !named.has(id)), `${where}: cells the import left blank must be named (flagged, unread or uncertain)`).toEqual([]);
        expect([got.report.year, got.report.organ.name], where).toEqual([want.year, want.organ.name]);
      }
    });
  }
});
