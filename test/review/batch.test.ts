// The review batch on real published reports: what each unit's row says, pairing with last
// year's report of the same organ, fingerprints that keep triage decisions, lateness.
import { beforeAll, describe, expect, it } from 'vitest';
import { nextYearReport, parseReport } from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';
import { organKey, reviewBatch, type ReviewInput } from '../../src/review';
import { loadCorpus } from './load';

let junshan2021: ReviewInput;
let haitan2025: ReviewInput;
let haitan2021: ReviewInput;
let finance2022: ReviewInput;

beforeAll(async () => {
  [junshan2021, haitan2025, haitan2021, finance2022] = await Promise.all([
    loadCorpus('02_pingtan-junshan-area-2021.txt'),
    loadCorpus('03_pingtan-haitan-area-2025.txt'),
    loadCorpus('04_pingtan-haitan-area-2021.txt'),
    loadCorpus('10_pingtan-finance-2022.txt'),
  ]);
});

/** Next year's report of the same organ, as the clerk would have filled it from this one, its name printed differently. */
function nextYear(input: ReviewInput, organ: string, change?: (values: Record<string, number | null | undefined>) => void): ReviewInput {
  const next = nextYearReport(input.template, input.report);
  delete next.lastYear;
  next.organ = { ...next.organ, name: organ };
  for (const cell of input.template.inputCells) if (next.values[cell.id] == null) next.values[cell.id] = 0;
  change?.(next.values);
  const parsed = parseReport(JSON.parse(JSON.stringify(next)), nodeRegistry().get);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  return { id: `${organ}-${next.year}.json`, template: input.template, report: parsed.report };
}

const carriedOver = (input: ReviewInput) => input.template.inputCells.filter((c) => c.row === 'carried-over').map((c) => c.id);

describe('units of a batch', () => {
  it('says organ, year, template, import certainty and counts of each real report', () => {
    const { units } = reviewBatch([haitan2025, haitan2021, finance2022]);
    expect(units.map((u) => [u.organ, u.year, u.template])).toEqual([
      ['平潭综合实验区海坛片区管理局', 2025, 'gov-info-2021'],
      ['平潭综合实验区海坛片区管理局', 2021, 'gov-info-2019'],
      ['平潭综合实验区财政金融局', 2022, 'gov-info-2021'],
    ]);
    // The import's own record of what it could not read is the unit's certainty, not a count made up here.
    expect(units[0]!.unread).toEqual(haitan2025.report.source?.unread);
    expect(units[0]!.unread.length).toBeGreaterThan(0);
    expect(units[1]!.uncertain).toEqual(haitan2021.report.source?.uncertain);
    for (const u of units) {
      expect(u.counts.errors).toBe(u.findings.filter((f) => f.level === 'error').length);
      expect(u.counts.warnings).toBe(u.findings.filter((f) => f.level === 'warning').length);
    }
    // 海坛 2025 prints row totals that do not add up (R2): the reviewer sees errors.
    expect(units[0]!.findings.filter((f) => f.rule === 'R2').length).toBeGreaterThan(0);
  });

  it('tells a late report by the date it shows against its level\'s deadline', () => {
    const late = structuredClone(finance2022.report);
    late.organ.level = 'township';
    late.source = { ...late.source!, shownDate: '2023-02-15', shownDateKind: 'signature' };
    const onTime = structuredClone(late);
    onTime.source!.shownDate = '2023-01-31';
    const { units } = reviewBatch([
      { ...finance2022, id: 'late', report: late },
      { ...finance2022, id: 'on-time', report: onTime },
    ]);
    expect(units.map((u) => [u.deadline, u.shown, u.late])).toEqual([
      ['2023-01-31', '2023-02-15', true],
      ['2023-01-31', '2023-01-31', false],
    ]);
    expect(units[0]!.findings.some((f) => f.rule === 'R15')).toBe(true);
    expect(units[1]!.findings.some((f) => f.rule === 'R15')).toBe(false);
  });
});

describe('pairing with last year', () => {
  it('keys an organ by its name whatever the brackets, spaces and a bracketed note after it', () => {
    expect(organKey(' 平潭综合实验区 君山片区管理局 ')).toBe(organKey('平潭综合实验区君山片区管理局'));
    expect(organKey('平潭综合实验区（全区汇总）')).toBe(organKey('平潭综合实验区'));
    expect(organKey('平潭综合实验区君山片区管理局')).not.toBe(organKey('平潭综合实验区海坛片区管理局'));
  });

  it('runs the carry-over rule (R7) against the same organ\'s report of the year before, found in the batch or in last year\'s set', () => {
    const cells = carriedOver(junshan2021);
    const next = nextYear(junshan2021, '平潭综合实验区 君山片区管理局', (v) => {
      v[cells[0]!] = (v[cells[0]!] ?? 0) + 3;
    });
    const inBatch = reviewBatch([next, junshan2021, finance2022]).units[0]!;
    expect(inBatch.previous).toBe(junshan2021.id);
    const r7 = inBatch.findings.filter((f) => f.rule === 'R7');
    // The changed column and the total column it feeds: nothing else.
    expect(r7.map((f) => f.cells[0])).toEqual([cells[0], 'applications:carried-over:total']);

    const fromLastYear = reviewBatch([next], { previous: [finance2022, junshan2021] }).units[0]!;
    expect(fromLastYear.previous).toBe(junshan2021.id);
    expect(fromLastYear.findings.filter((f) => f.rule === 'R7')).toHaveLength(2);

    // Without last year's report no cross-year rule can run; another organ's is never taken.
    const alone = reviewBatch([next], { previous: [finance2022] }).units[0]!;
    expect(alone.previous).toBeNull();
    expect(alone.findings.filter((f) => f.rule === 'R7')).toHaveLength(0);
  });

  it('carries last year across templates: a 2021 report on the 2019 grid before a 2022 report on the 2021 grid', () => {
    const target = nodeRegistry().get('gov-info-2021')!;
    const next = nextYear({ ...haitan2021, template: target, report: { ...structuredClone(haitan2021.report), template: 'gov-info-2021', values: {}, printed: {} } }, '平潭综合实验区海坛片区管理局');
    const unit = reviewBatch([next, haitan2021]).units[0]!;
    expect(unit.previous).toBe(haitan2021.id);
  });
});

describe('fingerprints', () => {
  it('are the same when the same report is imported and checked again', async () => {
    const again = await loadCorpus('03_pingtan-haitan-area-2025.txt');
    const a = reviewBatch([haitan2025]).units[0]!.findings.map((f) => f.fingerprint);
    const b = reviewBatch([again]).units[0]!.findings.map((f) => f.fingerprint);
    expect(a.length).toBeGreaterThan(3);
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
  });

  it('change with a value of the finding, not with a value elsewhere, and differ between organs', () => {
    const before = reviewBatch([haitan2025]).units[0]!;
    const r2 = before.findings.find((f) => f.rule === 'R2')!;
    const own = r2.inputs?.[0] ?? r2.cells.find((c) => !haitan2025.template.cells.get(c)!.computed)!;
    const elsewhere = haitan2025.template.inputCells.find((c) => c.grid !== haitan2025.template.cells.get(own)!.grid)!.id;

    const otherCell = structuredClone(haitan2025.report);
    otherCell.values[elsewhere] = (otherCell.values[elsewhere] ?? 0) + 1;
    const kept = reviewBatch([{ ...haitan2025, report: otherCell }]).units[0]!;
    expect(kept.findings.map((f) => f.fingerprint)).toContain(r2.fingerprint);

    const ownCell = structuredClone(haitan2025.report);
    ownCell.values[own] = (ownCell.values[own] ?? 0) + 1;
    const changed = reviewBatch([{ ...haitan2025, report: ownCell }]).units[0]!;
    expect(changed.findings.map((f) => f.fingerprint)).not.toContain(r2.fingerprint);

    const renamed = structuredClone(haitan2025.report);
    renamed.organ.name = '平潭综合实验区苏平片区管理局';
    const other = reviewBatch([{ ...haitan2025, report: renamed }]).units[0]!;
    expect(other.findings.map((f) => f.fingerprint)).not.toContain(r2.fingerprint);
  });

  it('of two reports whose organ was not read are never shared, even when their findings are alike', () => {
    const blank = structuredClone(haitan2025.report);
    blank.organ.name = '';
    const [a, b] = reviewBatch([
      { ...haitan2025, id: 'a.txt', report: blank },
      { ...haitan2025, id: 'b.txt', report: structuredClone(blank) },
    ]).units;
    expect(a!.findings.length).toBe(b!.findings.length);
    const shared = a!.findings.filter((f) => b!.findings.some((g) => g.fingerprint === f.fingerprint));
    expect(shared).toEqual([]);
  });
});
