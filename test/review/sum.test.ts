// The county 汇总 from real township and department reports of one template, and the parent's
// report compared with the sum of its units.
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeValues, parseReport, toUnits } from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';
import { compareWithParts, sumReports, type ReviewInput, type SumPart } from '../../src/review';
import { loadCorpus } from './load';

let parts: SumPart[];
let inputs: ReviewInput[];

beforeAll(async () => {
  inputs = await Promise.all(
    ['01_pingtan-junshan-area-2023.txt', '15_pingtan-market-regulation-2023.txt', '17_pingtan-natural-resources-2023.txt', '23_pingtan-enforcement-emergency-2023.txt'].map(loadCorpus),
  );
  parts = inputs.map((i) => ({ id: i.id, organ: i.report.organ.name, report: i.report }));
});

describe('county 汇总', () => {
  it('sums every cell of the units exactly, counts the units behind each total, and is a valid report of the county level', () => {
    const template = inputs[0]!.template;
    expect(inputs.every((i) => i.template === template && i.report.year === 2023)).toBe(true);
    const { report, behind, values } = sumReports(template, parts, { organ: '平潭综合实验区' });
    const each = parts.map((p) => computeValues(template, p.report));
    let checked = 0;
    for (const cell of template.cells.values()) {
      const known = each.map((v) => v.get(cell.id)).filter((v): v is number => v != null);
      expect(behind[cell.id], cell.id).toBe(known.length);
      if (cell.computed) continue;
      const expected = known.length ? known.reduce((s, v) => s + toUnits(v), 0) : null;
      expect(report.values[cell.id] == null ? null : toUnits(report.values[cell.id]!), cell.id).toBe(expected);
      if (known.length > 1) checked++;
    }
    expect(checked).toBeGreaterThan(20);
    // A total of the sum is the sum of the units' totals when every unit computes it from its items.
    const total = 'applications:new:total';
    expect(values.get(total)).toBe(each.reduce((s, v) => s + (v.get(total) ?? 0), 0));
    expect(report.organ).toEqual({ name: '平潭综合实验区', level: 'county-government' });
    expect(report.year).toBe(2023);
    const parsed = parseReport(JSON.parse(JSON.stringify(report)), nodeRegistry().get);
    expect(parsed.ok).toBe(true);
  });

  it('compares the parent with Σ units cell by cell, naming the units behind each difference', () => {
    const template = inputs[0]!.template;
    const { report } = sumReports(template, parts);
    expect(compareWithParts(template, report, parts)).toEqual([]);
    // The county printed one number wrong: exactly that cell and the totals built on it differ.
    const wrong = structuredClone(report);
    const cell = template.inputCells.find((c) => parts.filter((p) => (computeValues(template, p.report).get(c.id) ?? 0) !== 0).length >= 2)!;
    wrong.values[cell.id] = (wrong.values[cell.id] ?? 0) + 5;
    const diffs = compareWithParts(template, wrong, parts);
    expect(diffs.length).toBeGreaterThanOrEqual(1);
    const first = diffs.find((d) => d.cell === cell.id)!;
    expect(first.diff).toBe(5);
    expect(first.parent! - first.sum!).toBe(5);
    expect(first.units.length).toBeGreaterThanOrEqual(2);
    expect(first.units.map((u) => u.value).reduce((a, b) => a + b, 0)).toBe(first.sum);
    for (const d of diffs.filter((x) => x.cell !== cell.id)) expect(template.cells.get(d.cell)!.computed, d.cell).toBe(true);
  });

  it('on the real 2020 zone report against its units of the same year: every difference is parent − Σ', async () => {
    const zone = await loadCorpus('25_pingtan-zone-2020.txt');
    const units = await Promise.all(['07_pingtan-jinjing-area-2020.txt', '16_pingtan-market-regulation-2020.txt'].map(loadCorpus));
    const template = zone.template;
    expect(units.every((u) => u.template === template)).toBe(true);
    const children = units.map((u) => ({ id: u.id, organ: u.report.organ.name, report: u.report }));
    const diffs = compareWithParts(template, zone.report, children);
    const mine = computeValues(template, zone.report);
    const theirs = children.map((c) => computeValues(template, c.report));
    // Two units out of the zone's dozens: the zone's numbers are larger nearly everywhere.
    expect(diffs.length).toBeGreaterThan(10);
    for (const d of diffs) {
      const sum = theirs.reduce((s, v) => s + toUnits(v.get(d.cell) ?? 0), 0);
      expect(toUnits(d.diff)).toBe(toUnits(mine.get(d.cell) ?? 0) - sum);
    }
  });
});

describe('src/review is headless', () => {
  it('imports no React, docx, DOM-only module or node:*', () => {
    const dir = new URL('../../src/review/', import.meta.url).pathname;
    const bad = readdirSync(dir).flatMap((f) =>
      [...readFileSync(dir + f, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!).filter((s) => /^(react|docx|node:|write-excel-file)/.test(s) || /\/(ui|render|cli|import|drafts|store)\//.test(s)).map((s) => `${f} → ${s}`),
    );
    expect(bad).toEqual([]);
    expect(readdirSync(dir).some((f) => /document\.|window\./.test(readFileSync(dir + f, 'utf8')))).toBe(false);
  });
});
