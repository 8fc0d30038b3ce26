// nianbao render: exit 0 written, 1 refused because of errors (final mode, listed in Chinese),
// 2 unreadable or invalid input; the same bytes for the same input.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { parts } from './docx-parts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'nianbao-render-'));

describe('nianbao render', () => {
  it('writes a finished report (exit 0), byte-identical on a second run', async () => {
    const a = join(dir, 'a.docx');
    const b = join(dir, 'b.docx');
    const r = await run('render', 'examples/busy-subdistrict.report.json', '-o', a, '--today', '2025-01-10');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`已写入 ${a}`);
    expect((await run('render', 'examples/busy-subdistrict.report.json', '-o', b, '--today', '2025-01-10')).code).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const doc = parts(new Uint8Array(readFileSync(a))).get('word/document.xml')!;
    expect(doc).toContain('>示例市示例区和平街道办事处</w:t>');
    expect(doc).not.toContain('草稿');
  });

  it('refuses a report with errors (exit 1), lists them in Chinese and writes nothing', async () => {
    const out = join(dir, 'refused.docx');
    const r = await run('render', 'examples/seed-002.report.json', '-o', out);
    expect(r.code).toBe(1);
    // Seed 002 leaves five cells of 四 blank (R6) and no 成文日期 (R16), errors when finished;
    // other rules may add theirs.
    // Blank or missing, they are counted and named as 未完成, as `check` does.
    const listed = r.err.split('\n').filter((l) => /^ {2}(错误|未完成) /.test(l));
    expect(listed.filter((l) => /^ {2}未完成 .*（R6）$/.test(l)).length).toBe(5);
    expect(listed.filter((l) => /^ {2}未完成 .*（R16）$/.test(l)).length).toBe(1);
    expect(r.err).toContain(`有 ${listed.length} 项未完成，不能导出正式文档`);
    expect(r.err).toContain('未完成 四、政府信息公开行政复议、行政诉讼情况 · 行政复议 · 结果维持：尚未填写，没有发生的请填0（R6）');
    expect(existsSync(out)).toBe(false);
  });

  it('--draft writes it anyway, with 草稿 in the header, and says how many errors remain', async () => {
    const out = join(dir, 'draft.docx');
    const r = await run('render', 'examples/seed-002.report.json', '-o', out, '--draft');
    expect(r.code).toBe(0);
    expect(r.out).toContain('草稿');
    const refused = await run('render', 'examples/seed-002.report.json', '-o', join(dir, 'refused-again.docx'));
    const errors = refused.err.split('\n').filter((l) => l.startsWith('  未完成 ')).length;
    expect(errors).toBeGreaterThanOrEqual(6);
    expect(r.out).toContain(`尚有 ${errors} 项未完成`);
    const p = parts(new Uint8Array(readFileSync(out)));
    expect([...p.entries()].some(([n, x]) => /header\d\.xml$/.test(n) && x.includes('>草稿</w:t>'))).toBe(true);
  });

  it('exit 2 for a missing file, an invalid report, a usage error or an unwritable output', async () => {
    const missing = await run('render', join(dir, 'nope.json'), '-o', join(dir, 'x.docx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('文件不存在');
    const bad = join(dir, 'bad.json');
    const report = JSON.parse(readFileSync('examples/busy-subdistrict.report.json', 'utf8'));
    report.year = '二〇二四';
    writeFileSync(bad, JSON.stringify(report));
    const invalid = await run('render', bad, '-o', join(dir, 'x.docx'));
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain('无法读取报告');
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
    expect((await run('render')).code).toBe(2);
    expect((await run('render', 'examples/busy-subdistrict.report.json', '--bogus')).code).toBe(2);
    const unwritable = await run('render', 'examples/busy-subdistrict.report.json', '-o', join(dir, 'no-such-dir', 'x.docx'), '--today', '2025-01-10');
    expect(unwritable.code).toBe(2);
    expect(unwritable.err).toContain('无法写入');
  });

  it('is listed in the usage text', async () => {
    expect((await run('--help')).out).toContain('render');
  });
});
