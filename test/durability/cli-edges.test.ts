// The CLI at the edges of the file system, run in-process on real files in a temporary folder:
// encodings, FIFOs, places it cannot write, names that collide, outputs onto inputs, long names,
// and the 信息处理费 ranges.
import { beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const EXAMPLE = 'examples/seed-002.report.json';
const SEED_TEXT = 'test/fixtures/seeds/002_4c04aec02b3a3a4b.txt';
const example = () => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown> & { organ: { name: string; titleName?: string } };
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-edges-'));
});

describe('reading', () => {
  it('refuses a report file that is not UTF-8, naming the byte, as the app does (exit 2)', async () => {
    const gbk = join(dir, 'gbk.json');
    // GB18030 bytes of the same report: the organ name would read as mojibake if decoded as UTF-8.
    writeFileSync(gbk, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', EXAMPLE]));
    for (const argv of [['check', gbk], ['render', gbk, '-o', join(dir, 'x.docx')]]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/不是 UTF-8 编码的文本：第 \d+ 个字节（0x[0-9A-F]{2}）无效/);
    }
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
  });

  it('refuses a FIFO and a folder at once instead of waiting for a writer, and checks the rest', async () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const r = await run('check', fifo, dir, EXAMPLE);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${fifo}：无法检查\n  不是普通文件（可能是管道、设备或套接字），没有读取`);
    expect(r.err).toContain(`${dir}：无法检查\n  这是一个文件夹，不是文件`);
    expect(r.out).toContain('合计：3 份报告，2 份无法读取');
    const imported = await run('import', fifo, '-o', join(dir, 'out'));
    expect(imported.code).toBe(2);
    expect(imported.err).toContain('不是普通文件');
  });
});

describe('writing', () => {
  it('never renders onto the report it reads, nor onto --previous', async () => {
    const report = join(dir, 'in.json');
    copyFileSync(EXAMPLE, report);
    const before = readFileSync(report);
    for (const argv of [['render', report, '-o', report, '--draft'], ['render', EXAMPLE, '--previous', report, '-o', join(dir, '.', 'in.json'), '--draft']]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toContain('是本次读取的文件，不会被覆盖');
    }
    expect(readFileSync(report).equals(before)).toBe(true);
  });

  it('says in Chinese that it cannot write below a file, and an import batch goes on to the end', async () => {
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    const r = await run('render', EXAMPLE, '--draft', '-o', join(file, 'a.docx'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(`无法写入 ${join(file, 'a.docx')}：路径中有一部分不是文件夹（ENOTDIR）`);
    const batch = await run('import', SEED_TEXT, SEED_TEXT, '-o', join(file, 'out'));
    expect(batch.code).toBe(2);
    expect(batch.err).toContain(`无法建立输出文件夹 ${join(file, 'out')}：`);
    expect(batch.err.match(/无法导入：无法写入/g)).toHaveLength(2);
    expect(batch.out).toContain('合计：2 个文件，0 个已导入，2 个无法导入');
    expect(batch.err).not.toMatch(/Error|errno|syscall|permission/i);
  });

  it('never replaces a pipe or a device given as -o with a file', async () => {
    const fifo = join(dir, 'out.docx');
    execFileSync('mkfifo', [fifo]);
    const r = await run('render', EXAMPLE, '--draft', '-o', fifo);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`无法写入 ${fifo}：不是普通文件（可能是管道或设备）`);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('writes a read-only place nowhere and says so in Chinese', async () => {
    // /proc refuses new files even to root, as a read-only share does.
    const r = await run('render', EXAMPLE, '--draft', '-o', '/proc/nianbao.docx');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^无法写入 \/proc\/nianbao\.docx：(没有权限|所在磁盘是只读的|文件或文件夹不存在)（E[A-Z]+）$/);
  });

  it('gives two inputs of the same name two outputs, and never replaces an earlier import', async () => {
    for (const sub of ['a', 'b']) {
      mkdirSync(join(dir, sub));
      copyFileSync(SEED_TEXT, join(dir, sub, 'report.txt'));
    }
    const out = join(dir, 'out');
    const first = await run('import', join(dir, 'a', 'report.txt'), join(dir, 'b', 'report.txt'), '-o', out);
    expect(first.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['report-2.report.json', 'report.report.json']);
    const edited = join(out, 'report.report.json');
    writeFileSync(edited, 'edited by the clerk');
    const again = await run('import', join(dir, 'a', 'report.txt'), '-o', out);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`→ ${join(out, 'report-3.report.json')}`);
    expect(readFileSync(edited, 'utf8')).toBe('edited by the clerk');
  });

  it('keeps the default .docx name of a 70-character organ within the limits of file systems', async () => {
    const r = example();
    r.organ.name = r.organ.titleName = '某'.repeat(70);
    const file = join(dir, 'long.json');
    writeFileSync(file, JSON.stringify(r));
    const cwd = process.cwd();
    const out = mkdtempSync(join(tmpdir(), 'nianbao-long-'));
    process.chdir(out);
    try {
      const rendered = await run('render', file, '--draft');
      expect(rendered.code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    const [name] = readdirSync(out);
    expect(Buffer.byteLength(name!)).toBeLessThanOrEqual(255);
    expect(name).toMatch(/^某+….*2023年政府信息公开工作年度报告（草稿）\.docx$/);
    expect(statSync(join(out, name!)).size).toBeGreaterThan(1000);
  });
});

describe('import writes only what check can read', () => {
  it('clears an impossible 成文日期 a published report prints, says so with the original, and check reads the file', async () => {
    const source = join(dir, 'r.txt');
    writeFileSync(source, `${readFileSync(SEED_TEXT, 'utf8')}\n原州区三营镇人民政府\n2024年4月31日\n`);
    const imported = await run('import', source);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('待核对 dates.written：没有这一天（2024年4月没有31日），实际为 “2024-04-31”——已清空（原值：2024-04-31）');
    const checked = await run('check', join(dir, 'r.report.json'));
    expect(checked.code).not.toBe(2);
    expect(JSON.parse(readFileSync(join(dir, 'r.report.json'), 'utf8')).dates.written).toBeNull();
  });
});

describe('信息处理费 ranges', () => {
  const withFee = (fee: Record<string, unknown>) => {
    const r = example();
    r.fee = { status: 'collected', notices: 1, amount: 10, collectedAmount: 10, ...fee };
    const file = join(dir, `fee-${Object.keys(fee).join('-')}.json`);
    writeFileSync(file, JSON.stringify(r));
    return file;
  };

  it.each([
    [{ notices: -3 }, 'fee.notices（信息处理费 · 发出收费通知（件））：过小或过短（下限 0），实际为 -3'],
    [{ amount: 1e308 }, 'fee.amount（信息处理费 · 收费通知总金额（元））：过大或过长（上限 100000000000），实际为 1e+308'],
    [{ collectedAmount: -5.5 }, 'fee.collectedAmount（信息处理费 · 实际收取总金额（元））：过小或过短（下限 0），实际为 -5.5'],
    [{ notices: 2.5 }, 'fee.notices（信息处理费 · 发出收费通知（件））：应为整数，实际为数字 2.5'],
  ])('%o is refused by check --final and by render, naming the field and the value', async (fee, message) => {
    const file = withFee(fee);
    const checked = await run('check', '--final', file);
    expect(checked.code).toBe(2);
    expect(checked.err).toContain(message);
    const out = join(dir, 'fee.docx');
    const rendered = await run('render', file, '--draft', '-o', out);
    expect(rendered.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('accepts real fees (0 notices, amounts in 元 with fen)', async () => {
    const checked = await run('check', withFee({ notices: 0, amount: 0, collectedAmount: 0 }), withFee({ notices: 2, amount: 120.5, collectedAmount: 60.25 }));
    expect(checked.err).toBe('');
    expect(checked.code).not.toBe(2);
  });
});
