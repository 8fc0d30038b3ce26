import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const broken = (name: string) => `test/fixtures/broken/${name}.json`;

describe('nianbao check', () => {
  it('exits 0 on the seed-002 example and prints no error', async () => {
    const r = await run('check', 'examples/seed-002.report.json');
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/^ {2}错误 /m);
    expect(r.out).toContain('共 0 个错误，1 个警告，7 项未完成'); // 7: the seed's 六 still says "x件" (R22); 1: 需一步加大 (R32)
  });

  it('exits 1 and names rule, cells and values on a broken report', async () => {
    const r = await run('check', broken('R1-carry-forward'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('  错误 三、收到和处理政府信息公开申请情况 · 自然人列：一（31）+ 二（1）= 32，但（七）总计（29）+ 四（4）= 33（勾稽关系要求两边相等）（R1）');
    expect(r.out).toContain('单元格：applications:new:natural-person');
    expect(r.out).toContain('applications:carry-forward:natural-person');
  });

  it('--final turns blanks into errors; --previous feeds the continuity rules', async () => {
    expect((await run('check', 'examples/seed-002.report.json', '--final', '--today', '2024-01-10')).code).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
    const prev = JSON.parse((await import('node:fs')).readFileSync('examples/busy-subdistrict.report.json', 'utf8'));
    prev.year = 2023;
    prev.values['applications:carry-forward:commercial'] = 99;
    writeFileSync(join(dir, 'prev.json'), JSON.stringify(prev));
    const r = await run('check', 'examples/busy-subdistrict.report.json', '--previous', join(dir, 'prev.json'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('  警告 三、收到和处理政府信息公开申请情况 · 商业企业列：二、上年结转（2）≠ 上年度报告的四、结转下年度继续办理（99）（R7）');
  });

  it('--json gives findings with rule, level, cells and message', async () => {
    const r = await run('check', broken('R4-review-total'), '--json');
    const json = JSON.parse(r.out);
    expect(json.mode).toBe('draft');
    const f = json.files[0].findings.find((x: { rule: string }) => x.rule === 'R4');
    expect(f).toMatchObject({ level: 'error', section: 'appeals' });
    expect(f.cells).toContain('appeals:cases:review.total');
    expect(json.files[0].counts).toEqual({ error: 1, warning: 0, incomplete: 0 });
  });

  it('checks many files with one line each and a total', async () => {
    const r = await run('check', 'examples/seed-002.report.json', broken('R2-row-total'), broken('R9-township-regulation'));
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('test/fixtures/broken/R2-row-total.json（示例市示例区和平街道办事处 2024年）：2 个错误，0 个警告，0 项未完成');
    expect(lines[3]).toBe('合计：3 份报告，0 份无法读取，1 份有错误；2 个错误，2 个警告，7 项未完成');
  });

  it('exits 2 with a clear message for missing, unreadable and invalid files and bad usage', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
    writeFileSync(join(dir, 'bad.json'), '{"format":"nianbao-report","formatVersion":1,"template":"gov-info-2021","year":"x"}');
    writeFileSync(join(dir, 'notjson.json'), '\u0000\u00ff garbage');
    const missing = await run('check', join(dir, 'nope.json'));
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining('文件不存在')]);
    const bad = await run('check', join(dir, 'bad.json'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('year：应为数字，实际为文字 “x”');
    expect(bad.err).toContain('organ：缺少此项（应为对象）');
    expect((await run('check', join(dir, 'notjson.json'))).err).toContain('不是有效的 JSON');
    expect((await run('check')).code).toBe(2);
    const bogus = await run('check', '--bogus', 'x.json');
    expect([bogus.code, bogus.err]).toEqual([2, '参数有误：没有参数“--bogus”']);
    expect((await run('check', 'x.json', '--previous')).err).toBe('参数有误：参数“--previous”后面缺少值');
    expect((await run('frobnicate')).code).toBe(2);
  });

  it('validates --today, names options in Chinese, answers --help and --version with 0', async () => {
    for (const bad of ['明天', '2024-13-45', '2024-02-30']) {
      const r = await run('check', 'examples/seed-002.report.json', '--today', bad);
      expect([r.code, r.err]).toEqual([2, `参数有误：--today 应为 YYYY-MM-DD 格式的日期（如 2025-01-20），实际为“${bad}”`]);
    }
    expect((await run('render', 'x.json', '-o')).err).toBe('参数有误：参数“--output”后面缺少值');
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('check');
    expect(help.out).toContain('render');
    expect(help.out).toContain('import');
    expect(await run('check', '--help')).toMatchObject({ code: 0, out: expect.stringContaining('--today YYYY-MM-DD') });
    expect(await run('--version')).toMatchObject({ code: 0, out: expect.stringMatching(/^nianbao \d+\.\d+\.\d+$/) });
    expect((await run()).code).toBe(2);
  });

  it('uses the local date for today, not UTC', async () => {
    const { localToday } = await import('../../src/cli/read-report');
    // 2025-02-01 07:30 in the reviewer's time zone is still 2025-02-01 (UTC may say 01-31).
    expect(localToday(new Date(2025, 1, 1, 7, 30))).toBe('2025-02-01');
  });
});
