// The review's .xlsx and .docx read back by LibreOffice (Calc and Writer, headless): every number
// of every sheet where it belongs, the sums, the decisions, and the 审查意见's findings.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeValues, type Template } from '../../src/core';
import { renderReviewDocx } from '../../src/render/review/docx';
import { renderReviewXlsx } from '../../src/render/review/xlsx';
import { DECISION_NAMES, reviewBatch, sumReports, SUM_WORDS, type Decision, type ReviewBatch } from '../../src/review';
import { convert } from '../helpers/libreoffice';
import { loadCorpus } from './load';

interface SheetRead {
  name: string;
  rows: { text: string; number: number | null }[][];
}

/** Calc's HTML export: one table per sheet, a number's value in sdval. */
function readCalcHtml(html: string): SheetRead[] {
  const decode = (s: string) => s.replace(/<br>/g, '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').trim();
  return html.split(/<A NAME="table\d+">/).slice(1).map((part) => ({
    name: decode(/<em>(.*?)<\/em>/.exec(part)![1]!),
    rows: [...part.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) =>
      [...tr[1]!.matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)].map((td) => {
        const sdval = /sdval="([^"]+)"/.exec(td[1]!);
        return { text: decode(td[2]!), number: sdval ? Number(sdval[1]) : null };
      }),
    ),
  }));
}

let batch: ReviewBatch;
let decisions: Map<string, Decision>;
let sheets: SheetRead[];
let docText: string;

beforeAll(async () => {
  const inputs = await Promise.all(
    ['01_pingtan-junshan-area-2023.txt', '03_pingtan-haitan-area-2025.txt', '15_pingtan-market-regulation-2023.txt', '04_pingtan-haitan-area-2021.txt'].map(loadCorpus),
  );
  batch = reviewBatch(inputs);
  const haitan = batch.units[1]!;
  decisions = new Map([
    [haitan.findings[0]!.fingerprint, { fingerprint: haitan.findings[0]!.fingerprint, decision: 'confirmed', note: '请按原表核对总计', at: '2026-03-01T08:00:00Z' }],
    [haitan.findings[1]!.fingerprint, { fingerprint: haitan.findings[1]!.fingerprint, decision: 'dismissed', note: '', at: '2026-03-01T08:00:00Z' }],
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-review-export-'));
  writeFileSync(join(dir, 'review.xlsx'), await renderReviewXlsx(batch, decisions));
  writeFileSync(join(dir, 'opinions.docx'), await renderReviewDocx(batch, decisions));
  const { files } = convert([join(dir, 'review.xlsx'), join(dir, 'opinions.docx')], 'html');
  sheets = readCalcHtml(readFileSync(files[0]!, 'utf8'));
  docText = readFileSync(files[1]!, 'utf8').replace(/<[^>]+>/g, '').replace(/\s+/g, '');
}, 240_000);

describe('the review workbook, as LibreOffice Calc reads it', () => {
  it('has the units sheet, a sheet per grid of each template and year, and the findings sheet', () => {
    const grids = (t: Template) => t.grids.length;
    const templates = new Map(batch.units.map((u) => [`${u.year}|${u.template}`, batch.inputs.get(u.id)!.template]));
    expect(sheets[0]!.name).toBe(SUM_WORDS.unitsSheet);
    expect(sheets.at(-1)!.name).toBe(SUM_WORDS.findingsSheet);
    expect(sheets).toHaveLength(2 + [...templates.values()].reduce((s, t) => s + grids(t), 0));
  });

  it('gives each unit its counts as numbers', () => {
    const rows = sheets[0]!.rows.slice(1);
    expect(rows.map((r) => r[1]!.text)).toEqual(batch.units.map((u) => u.organ));
    for (const [i, u] of batch.units.entries()) {
      expect(rows[i]!.slice(3, 10).map((c) => c.number)).toEqual([u.year, null, u.counts.errors, u.counts.warnings, u.counts.unfinished, u.unread.length, u.uncertain.length]);
    }
  });

  it('reads back every number of every grid: one row per unit, the county sum and the units behind it', () => {
    let numbers = 0;
    // A sheet per grid for each template and year, in the order units first show them.
    const byTemplate = new Map<string, typeof batch.units>();
    for (const u of batch.units) byTemplate.set(`${u.year}|${u.template}`, [...(byTemplate.get(`${u.year}|${u.template}`) ?? []), u]);
    let sheet = 1;
    for (const units of byTemplate.values()) {
      const template = batch.inputs.get(units[0]!.id)!.template;
      const sum = sumReports(template, units.map((u) => ({ id: u.id, organ: u.organ, report: batch.inputs.get(u.id)!.report })));
      for (const grid of template.grids) {
        const read = sheets[sheet++]!;
        expect(read.name).toContain(`${units[0]!.year}年·`);
        expect(read.rows[0]!.slice(2).map((c) => c.text)).toEqual(grid.cells.map((c) => c.name));
        units.forEach((u, i) => {
          const values = computeValues(template, batch.inputs.get(u.id)!.report);
          const row = read.rows[1 + i]!;
          expect(row[0]!.text).toBe(u.organ);
          grid.cells.forEach((c, k) => {
            expect(row[2 + k]!.number, `${read.name} ${u.organ} ${c.name}`).toBe(values.get(c.id) ?? null);
            if (values.get(c.id) != null) numbers++;
          });
        });
        const total = read.rows[1 + units.length]!;
        const behind = read.rows[2 + units.length]!;
        expect(total[0]!.text).toBe(SUM_WORDS.sumRow);
        grid.cells.forEach((c, k) => {
          expect(total[2 + k]!.number, c.id).toBe(sum.values.get(c.id) ?? null);
          expect(behind[2 + k]!.number, c.id).toBe(sum.behind[c.id]);
        });
      }
    }
    expect(numbers).toBeGreaterThan(300);
  });

  it('lists every finding with its decision and note', () => {
    const rows = sheets.at(-1)!.rows.slice(1);
    const all = batch.units.flatMap((u) => u.findings);
    expect(rows).toHaveLength(all.length);
    const byPrint = new Map(rows.map((r) => [r.at(-1)!.text, r]));
    for (const f of all) {
      const row = byPrint.get(f.fingerprint)!;
      expect(row[5]!.text).toBe(f.message);
      const d = decisions.get(f.fingerprint);
      expect(row[6]!.text).toBe(DECISION_NAMES[d?.decision ?? 'open']);
      expect(row[7]!.text).toBe(d?.note ?? '');
    }
  });
});

describe('the 审查意见, as LibreOffice Writer reads it', () => {
  it('has a part per unit with every finding not dismissed, and the reviewer\'s note', () => {
    const flat = (s: string) => s.replace(/\s+/g, '');
    expect(docText).toContain('政府信息公开工作年度报告审查意见');
    for (const u of batch.units) {
      expect(docText).toContain(flat(u.organ));
      for (const f of u.findings) {
        const dismissed = decisions.get(f.fingerprint)?.decision === 'dismissed';
        expect(docText.includes(flat(f.message).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')) || docText.includes(flat(f.message)), `${f.rule} ${f.message}`).toBe(!dismissed);
      }
    }
    expect(docText).toContain('审查意见：请按原表核对总计');
  });
});
