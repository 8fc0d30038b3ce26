// nianbao import on a folder of published reports in every form, recursively: each file told by
// its content (a .docx named .pdf is a docx), one line per file, refusals in Chinese in their
// place, and --check giving the rules' counts in the same call.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { renderDocx } from '../../src/render/docx/render-docx';
import { busy, template } from '../core/fixtures';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const corpus = new URL('../fixtures/corpus/', import.meta.url);

describe('nianbao import FOLDER', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-sources-'));
  mkdirSync(join(dir, '2024', 'city'), { recursive: true });
  mkdirSync(join(dir, '2013'));
  copyFileSync(new URL('26_huaian-city-gov-2024.pdf', corpus), join(dir, '2024', 'city', 'huaian.pdf'));
  copyFileSync(new URL('24_pingtan-county-gov-2013.html', corpus), join(dir, '2013', 'county.htm'));
  copyFileSync(new URL('01_pingtan-junshan-area-2023.txt', corpus), join(dir, 'junshan.txt'));
  writeFileSync(join(dir, '2024', 'busy-renamed.pdf'), await renderDocx(template, busy()));
  writeFileSync(join(dir, '2024', 'old.doc'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  // Not taken from a folder: earlier outputs, hidden files, pictures.
  writeFileSync(join(dir, 'junshan.report.json'), '{}');
  writeFileSync(join(dir, '.DS_Store'), 'x');
  writeFileSync(join(dir, 'scan.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  const out = join(dir, 'out');

  it('imports every report file below the folder, one line each, told by content; refuses the .doc in its place', async () => {
    const r = await run('import', dir, '-o', out, '--brief');
    expect(r.code).toBe(2);
    const lines = r.out.filter((l) => l.includes('→'));
    expect(lines).toHaveLength(4);
    expect(r.out.filter((l) => l.startsWith('  '))).toEqual([]); // --brief: no note lines
    const line = (name: string) => lines.find((l) => l.includes(name)) ?? '';
    expect(line('busy-renamed.pdf')).toMatch(/ → .*busy-renamed\.report\.json：Word；示例市示例区和平街道办事处 2024年；/);
    expect(line('huaian.pdf')).toMatch(/ → .*huaian\.report\.json：PDF；淮安市人民政府 2024年；格式：政府信息公开工作年度报告（2021年格式）/);
    expect(line('county.htm')).toMatch(/ → .*county\.report\.json：网页；平潭县人民政府 2013年；/);
    expect(line('junshan.txt')).toMatch(/ → .*junshan\.report\.json：文字；平潭综合实验区君山片区管理局 2023年；/);
    expect(r.err).toEqual([expect.stringMatching(/old\.doc：无法导入：这是旧版 Word（\.doc）.*“另存为” \.docx 或 PDF 后再导入$/)]);
    expect(r.out.at(-1)).toBe('合计：5 个文件，4 个已导入，1 个无法导入');
    expect(readdirSync(out).sort()).toEqual(['busy-renamed.report.json', 'county.report.json', 'huaian.report.json', 'junshan.report.json']);
    const huaian = JSON.parse(readFileSync(join(out, 'huaian.report.json'), 'utf8'));
    expect(huaian.values['applications:new:natural-person']).toBe(3001);
    expect(huaian.source).toMatchObject({ kind: 'published', form: 'pdf', file: 'huaian.pdf' });
  });

  it('--check checks what it imported in the same call; --json names each form', async () => {
    const r = await run('import', join(dir, '2024', 'city'), join(dir, 'junshan.txt'), '-o', join(dir, 'checked'), '--check', '--brief');
    expect(r.out.filter((l) => l.includes('→')).every((l) => /；检查：\d+ 个错误，\d+ 个警告，\d+ 项未完成$/.test(l))).toBe(true);
    expect(r.out.at(-1)).toMatch(/^合计：2 个文件，2 个已导入，0 个无法导入，\d+ 份有错误$/);
    expect(r.code).toBe(r.out.at(-1)!.endsWith('，0 份有错误') ? 0 : 1);
    const j = await run('import', join(dir, '2024', 'city'), join(dir, '2013'), '-o', join(dir, 'json'), '--json');
    expect(JSON.parse(j.out.join('\n')).files.map((f: { form: string; template: string }) => [f.form, f.template])).toEqual([
      ['pdf', 'gov-info-2021'],
      ['html', expect.any(String)],
    ]);
  });

  it('says so when a folder holds no report file', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'nianbao-empty-'));
    writeFileSync(join(empty, 'photo.jpg'), 'x');
    const r = await run('import', empty);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain('没有找到可导入的报告文件');
  });
});

describe('nianbao import --check judges what it imported as published', () => {
  it('counts the blank rows #15 prints as errors (a published report is finished), as review and check do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-published-'));
    copyFileSync(new URL('15_pingtan-market-regulation-2023.txt', corpus), join(dir, 'market.txt'));
    const imported = await run('import', join(dir, 'market.txt'), '-o', join(dir, 'out'), '--check', '--json');
    const [entry] = (JSON.parse(imported.out.join('\n')) as { files: { check: { errors: number }; output: string }[] }).files;
    const checked = await run('check', entry!.output, '--json');
    const errorsOfCheck = (JSON.parse(checked.out.join('\n')) as { files: { findings: { level: string }[] }[] }).files[0]!.findings.filter((f) => f.level === 'error').length;
    expect(entry!.check.errors).toBeGreaterThan(0);
    expect(entry!.check.errors).toBe(errorsOfCheck);
  });
});
