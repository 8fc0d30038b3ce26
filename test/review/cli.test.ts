// nianbao review and nianbao sum, in-process, on copies of real published reports and report
// files nianbao wrote: one line per unit, a file that cannot be read said on its own line while
// the rest go on, pairing with last year's folder, the county 汇总 as a report file, exit codes.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main';
import { computeValues, nextYearReport, parseReportText, toUnits } from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';
import { CORPUS, loadCorpus } from './load';

function capture(): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(...l.split('\n')), err: (l) => errors.push(...l.split('\n')) };
}

let dir: string;
const cur = () => join(dir, 'cur');
const prev = () => join(dir, 'prev');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-review-cli-'));
  mkdirSync(cur());
  mkdirSync(prev());
  for (const f of ['01_pingtan-junshan-area-2023.txt', '03_pingtan-haitan-area-2025.txt', '15_pingtan-market-regulation-2023.txt']) copyFileSync(CORPUS + f, join(cur(), f));
  copyFileSync(CORPUS + '02_pingtan-junshan-area-2021.txt', join(prev(), '02_pingtan-junshan-area-2021.txt'));
  // 君山's 2022 report, as nianbao writes a report file, one carried-over number off from 2021's.
  const j2021 = await loadCorpus('02_pingtan-junshan-area-2021.txt');
  const next = nextYearReport(j2021.template, j2021.report);
  delete next.lastYear;
  for (const c of j2021.template.inputCells) next.values[c.id] ??= 0;
  next.values['applications:carried-over:natural-person'] = 9;
  mkdirSync(join(dir, 'y2022'));
  writeFileSync(join(dir, 'y2022', 'junshan-2022.report.json'), JSON.stringify(next));
});

describe('nianbao review', () => {
  it('reviews a folder: a line per unit with its counts, certainty and date; a broken file says why and the rest go on; exit 2', async () => {
    writeFileSync(join(cur(), 'broken.json'), '{"format":"nianbao-report"');
    writeFileSync(join(cur(), 'notes.txt'), '会议纪要：今天天气很好。');
    const io = capture();
    const code = await main(['review', cur()], io);
    expect(code).toBe(2);
    expect(io.errors.find((l) => l.includes('broken.json'))).toMatch(/broken\.json：无法读取：.+/);
    expect(io.errors.find((l) => l.includes('notes.txt'))).toMatch(/notes\.txt：无法读取：.*不像是一份年度报告/);
    const haitan = io.lines.find((l) => l.includes('03_pingtan-haitan-area-2025.txt'))!;
    expect(haitan).toMatch(/平潭综合实验区海坛片区管理局 2025年；.*；4 个错误，4 个警告；未读出 3 个、不确定 0 个单元格；日期 2026-01-27，按期/);
    expect(io.lines.filter((l) => /^ {2}错误 .*（R2）$/.test(l))).toHaveLength(4);
    expect(io.lines.at(-1)).toBe('合计：5 个文件，3 份已审查，2 份无法读取；2 份有错误，0 份逾期；上年报告 0 份');
  });

  it('pairs each unit with last year\'s report of its organ from --previous, so the carry-over rule runs', async () => {
    const io = capture();
    const code = await main(['review', join(dir, 'y2022'), '--previous', prev()], io);
    expect(io.errors).toEqual([]);
    expect(io.lines[0]).toMatch(/junshan-2022\.report\.json：平潭综合实验区君山片区管理局 2022年.*对照上年：.*02_pingtan-junshan-area-2021\.txt$/);
    expect(io.lines.filter((l) => /（R7）$/.test(l)).length).toBeGreaterThanOrEqual(1);
    // 9 carried over and nothing else changed: the year's own equation (R1) fails too.
    expect(code).toBe(1);
    const alone = capture();
    await main(['review', join(dir, 'y2022')], alone);
    expect(alone.lines.filter((l) => /（R7）$/.test(l))).toEqual([]);
  });

  it('exits 1 when a unit has errors, and compares the county\'s own report with Σ units given --parent', async () => {
    const units = join(dir, 'units-2023');
    mkdirSync(units);
    for (const f of ['01_pingtan-junshan-area-2023.txt', '15_pingtan-market-regulation-2023.txt', '17_pingtan-natural-resources-2023.txt']) copyFileSync(CORPUS + f, join(units, f));
    const sum = join(dir, 'county-2023.report.json');
    expect(await main(['sum', units, '-o', sum, '--organ', '平潭综合实验区'], capture())).toBe(0);
    const county = JSON.parse(readFileSync(sum, 'utf8'));
    county.values['applications:new:natural-person'] += 2;
    const parent = join(dir, 'county-2023-published.report.json');
    writeFileSync(parent, JSON.stringify(county));
    const io = capture();
    const code = await main(['review', units, '--parent', parent], io);
    const head = io.lines.findIndex((l) => l.startsWith('本级报告'));
    expect(io.lines[head]).toMatch(/与 3 个下级单位合计相比：\d+ 个单元格不一致/);
    const natural = io.lines.slice(head).find((l) => l.includes('本年新收') && l.includes('自然人'))!;
    expect(natural).toMatch(/相差 2；涉及单位：/);
    expect([0, 1]).toContain(code);
    expect(await main(['review', join(cur(), '03_pingtan-haitan-area-2025.txt')], capture())).toBe(1);
    // 君山 2023 has warnings only.
    expect(await main(['review', join(cur(), '01_pingtan-junshan-area-2023.txt')], capture())).toBe(0);
  });

  it('says how to call it when given nothing, exit 2', async () => {
    const io = capture();
    expect(await main(['review'], io)).toBe(2);
    expect(io.errors[0]).toContain('nianbao review 文件夹');
  });
});

describe('nianbao sum', () => {
  it('writes the county 汇总 as a report file of the county level: every input cell the exact Σ of the units', async () => {
    const out = join(dir, 'sum.report.json');
    const names = ['01_pingtan-junshan-area-2023.txt', '15_pingtan-market-regulation-2023.txt', '23_pingtan-enforcement-emergency-2023.txt'];
    const io = capture();
    const code = await main(['sum', ...names.map((n) => CORPUS + n), join(cur(), '03_pingtan-haitan-area-2025.txt'), '-o', out, '--organ', '平潭综合实验区'], io);
    expect(code).toBe(0);
    // 2025's report is not summed with 2023's, and says so.
    expect(io.errors).toEqual([expect.stringMatching(/03_pingtan-haitan-area-2025\.txt：未计入汇总：2025年/)]);
    expect(io.lines[0]).toMatch(/3 个单位（.*，2023年）汇总/);
    const parsed = parseReportText(readFileSync(out, 'utf8'), nodeRegistry().get);
    if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
    expect(parsed.report.organ).toEqual({ name: '平潭综合实验区', level: 'county-government' });
    const parts = await Promise.all(names.map(loadCorpus));
    const each = parts.map((p) => computeValues(p.template, p.report));
    for (const cell of parsed.template.inputCells) {
      const known = each.map((v) => v.get(cell.id)).filter((v): v is number => v != null);
      const expected = known.length ? known.reduce((s, v) => s + toUnits(v), 0) : undefined;
      const got = parsed.report.values[cell.id];
      expect(got == null ? undefined : toUnits(got), cell.id).toBe(expected);
    }
  });

  it('refuses without -o, and a --year that is not a year, exit 2', async () => {
    const io = capture();
    expect(await main(['sum', CORPUS + '01_pingtan-junshan-area-2023.txt'], io)).toBe(2);
    expect(io.errors[0]).toContain('-o');
    const bad = capture();
    expect(await main(['sum', CORPUS + '01_pingtan-junshan-area-2023.txt', '-o', join(dir, 'x.json'), '--year', '二〇二三'], bad)).toBe(2);
    expect(bad.errors[0]).toContain('“二〇二三”');
  });
});
