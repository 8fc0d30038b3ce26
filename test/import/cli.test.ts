// nianbao import on a folder, then nianbao check on what it wrote.
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { renderDocx } from '../../src/render/docx/render-docx';
import { busy, template } from '../core/fixtures';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const seeds = new URL('../fixtures/seeds/', import.meta.url);
const seedFiles = readdirSync(seeds).filter((f) => f.endsWith('.txt'));

describe('nianbao import + check on a folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
  for (const f of seedFiles) copyFileSync(new URL(f, seeds), join(dir, f));
  writeFileSync(join(dir, 'busy.docx'), await renderDocx(template, busy()));
  // Seed 002 as published, but with a wrong printed total: the check must point at it.
  const wrong = readFileSync(new URL(seedFiles.find((f) => f.startsWith('002_'))!, seeds), 'utf8').replace('(七) 总计\t\t0\t0', '(七) 总计\t\t2\t0');
  writeFileSync(join(dir, 'wrong-total.txt'), wrong);
  const inputs = readdirSync(dir).map((f) => join(dir, f));
  const out = join(dir, 'out');

  it('writes <name>.report.json per source into -o DIR and prints format, values read and notes', async () => {
    const r = await run('import', ...inputs, '-o', out);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...seedFiles.map((f) => f.replace('.txt', '.report.json')), 'busy.report.json', 'wrong-total.report.json'].sort());
    expect(r.out).toContain('原州区三营镇人民政府 2023年；格式：政府信息公开工作年度报告（2021年格式）');
    expect(r.out).toContain('格式：2019年格式（国办公开办函〔2019〕60号）');
    expect(r.out).toMatch(/读到 195 个数值；15 个单元格待核对/);
    expect(r.out).toContain('待核对 四、政府信息公开行政复议、行政诉讼情况：');
    expect(r.out).toContain(`合计：${inputs.length} 个文件，${inputs.length} 个已导入，0 个无法导入`);
  });

  it('nianbao check reads every imported file; the wrong printed total is an R3 error', async () => {
    const files = readdirSync(out).map((f) => join(out, f));
    const r = await run('check', ...files);
    expect(r.code).toBe(1);
    expect(r.out.split('\n').filter((l) => l.includes('.report.json'))).toHaveLength(files.length);
    expect(r.out).toMatch(/wrong-total\.report\.json（原州区三营镇人民政府 2023年）：[1-9]\d* 个错误/);
    // Seed 002 as published leaves a placeholder in 六 (网民留言x件) and 行政复议 blank: errors of the publisher's.
    expect(r.out).toMatch(/002_\w+\.report\.json（原州区三营镇人民政府 2023年）：[1-9]\d* 个错误/);
    // The three pre-2019 reports (2017, 2018) are read into the template of their 统计表.
    const withErrors = r.out.split('\n').filter((l) => /\.report\.json（[^）]+）：[1-9]\d* 个错误/.test(l)).length;
    expect(r.out).toContain(`合计：${files.length} 份报告，0 份无法读取，${withErrors} 份有错误`);
    for (const older of ['000_', '001_', '004_']) expect(r.out).toMatch(new RegExp(`${older}\\w+\\.report\\.json（[^）]+ 201[78]年）`));
    const one = await run('check', join(out, 'wrong-total.report.json'));
    expect(one.out).toMatch(/错误 .*（七）总计.*（R\d+）/);
  });

  it('writes next to the source without -o, reads GB18030 text, and exits 2 on unreadable files', async () => {
    const d = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
    const gbk = join(d, 'gbk.txt');
    const text = readFileSync(new URL(seedFiles.find((f) => f.startsWith('002_'))!, seeds), 'utf8');
    // Seed 002 encoded in GB18030 (made with Python; Node has no GB18030 encoder).
    copyFileSync(new URL('fixtures/002.gb18030.txt', import.meta.url), gbk);
    writeFileSync(join(d, 'noise.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    writeFileSync(join(d, 'ok.txt'), text);
    const r = await run('import', join(d, 'ok.txt'), join(d, 'noise.docx'), join(d, 'missing.txt'), gbk);
    expect(r.code).toBe(2);
    expect(existsSync(join(d, 'ok.report.json'))).toBe(true);
    expect(r.err).toContain('noise.docx：无法导入：不是有效的 .docx 文件');
    expect(r.err).toContain('missing.txt：无法导入：文件不存在');
    expect(r.out).toContain(`${gbk} → ${join(d, 'gbk.report.json')}`);
    const a = JSON.parse(readFileSync(join(d, 'gbk.report.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(d, 'ok.report.json'), 'utf8'));
    expect({ ...a, source: { ...a.source, file: 'ok.txt' } }).toEqual(b); // the same report; only the file name read differs
    writeFileSync(join(d, 'memo.txt'), '会议通知\n请各单位准时参加。');
    const memo = await run('import', join(d, 'memo.txt'));
    expect(memo.code).toBe(2);
    expect(memo.err).toContain('memo.txt：无法导入：没有找到报告的标题、章节或表格数字');
  });

  it('usage errors exit 2', async () => {
    expect((await run('import')).code).toBe(2);
    expect((await run('import', '--bogus')).code).toBe(2);
  });
});
