// nianbao check --published: a report file checked as published (what the importer marks with
// source.kind does not need the flag). Runs the real CLI entry on a report file written here.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

async function run(...argv: string[]) {
  const out: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => out.push(l) });
  return { code, out: out.join('\n') };
}

describe('nianbao check --published', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-published-'));
  const seed = JSON.parse(readFileSync('examples/seed-002.report.json', 'utf8'));

  it('judges the 成文日期 the source lacks as a warning and never compares with today', async () => {
    const file = join(dir, 'seed.json');
    writeFileSync(file, JSON.stringify(seed));
    const draft = await run('check', file, '--final', '--today', '2026-12-01');
    expect(draft.out).toMatch(/ {2}未完成 .*（R16）/);
    expect(draft.out).toMatch(/ {2}警告 今天.*（R15）/);
    const published = await run('check', file, '--published', '--today', '2026-12-01');
    expect(published.out).toMatch(/ {2}警告 报告基本信息：来源报告未印成文日期.*（R16）/);
    expect(published.out).not.toContain('R15');
    // The seed's real placeholder 网民留言x件 is an error of a published report.
    expect(published.out).toMatch(/ {2}错误 .*（R22）/);
    expect(published.code).toBe(1);
  });

  it('a file that carries source.kind = published is checked as published without the flag', async () => {
    const file = join(dir, 'imported.json');
    writeFileSync(file, JSON.stringify({ ...seed, source: { kind: 'published', form: 'text' } }));
    const r = await run('check', file, '--today', '2026-12-01');
    expect(r.out).toMatch(/ {2}警告 报告基本信息：来源报告未印成文日期.*（R16）/);
    expect(r.out).not.toMatch(/未完成 .*（R16）/);
  });
});

describe('nianbao check: one count of each', () => {
  it('a finding leads with its message, the rule id after; blanks are counted once, as 未完成, in both modes', async () => {
    const draft = await run('check', 'examples/seed-002.report.json', '--today', '2024-01-10');
    const final = await run('check', 'examples/seed-002.report.json', '--final', '--today', '2024-01-10');
    const total = (out: string) => /共 (\d+) 个错误，(\d+) 个警告，(\d+) 项未完成/.exec(out)!.slice(1).map(Number);
    expect(total(final.out)).toEqual(total(draft.out));
    const [errors, , unfinished] = total(final.out);
    expect([errors, unfinished]).toEqual([0, 7]); // 7: the seed's blanks (行政复议), no 成文日期, 网民留言x件 (R22)
    // Checked as finished they stop the report (exit 1); each is listed once, as counted: 未完成.
    expect([draft.code, final.code]).toEqual([0, 1]);
    const listed = final.out.split('\n').filter((l) => /^ {2}未完成 .*（R(6|16|22)）$/.test(l));
    expect(listed).toHaveLength(7);
    expect(final.out).not.toMatch(/^ {2}错误 /m);
    const many = await run('check', 'examples/seed-002.report.json', 'examples/busy-subdistrict.report.json', '--final', '--today', '2024-01-10');
    expect(many.out).toMatch(/合计：2 份报告，0 份无法读取，1 份有错误或未完成；/);
  });
});
