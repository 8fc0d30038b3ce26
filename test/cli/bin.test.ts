// The installed command: bin/nianbao.mjs running the JavaScript built from the current source
// (built once here, as npm's prepare step builds it), with no TypeScript runtime.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BUILD = 'build/cli';
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; dependencies: Record<string, string>; scripts: Record<string, string> };

const nianbao = (...args: string[]) =>
  spawnSync('node', ['bin/nianbao.mjs', ...args], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });

/** Relative modules a built chunk imports statically (import … from "./x.js"), not through import(). */
function staticImports(file: string): string[] {
  const code = readFileSync(join(BUILD, file), 'utf8');
  return [...code.matchAll(/^import\s[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]!);
}

/** Every package a chunk loads before it runs: its static imports, followed through local chunks. */
function loadedPackages(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  for (const spec of staticImports(file)) {
    if (spec.startsWith('./')) for (const p of loadedPackages(spec.slice(2), seen)) packages.add(p);
    else packages.add(spec);
  }
  return packages;
}

const chunk = (name: string) => readdirSync(BUILD).find((f) => f.startsWith(`${name}-`) && f.endsWith('.js'))!;

describe('bin/nianbao.mjs on the built CLI', () => {
  beforeAll(() => {
    const build = spawnSync('node', ['scripts/build-cli.mjs'], { encoding: 'utf8' });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
  });

  it('answers --version from package.json and --help with the three commands, exit 0', () => {
    const version = nianbao('--version');
    expect([version.status, version.stdout.trim()]).toEqual([0, `nianbao ${pkg.version}`]);
    const help = nianbao('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^ {2}check .*\n {2}render .*\n {2}import /m);
  });

  it('exits 1 on rule errors, 2 on bad usage, in Chinese', () => {
    const check = nianbao('check', 'test/fixtures/broken/R6-blank-cell.json', '--final');
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('  未完成 二、主动公开政府信息情况 · 行政处罚 · 本年处理决定数量：尚未填写，没有发生的请填0（R6）');
    const unknown = nianbao('frobnicate');
    expect([unknown.status, unknown.stderr.split('\n')[0]]).toEqual([2, '未知命令“frobnicate”']);
    expect(nianbao('check', '--bogus').stderr.trim()).toBe('参数有误：没有参数“--bogus”');
  });

  it('renders a .docx through the lazily loaded renderer', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'nianbao-bin-')), 'seed.docx');
    const r = nianbao('render', 'examples/busy-subdistrict.report.json', '-o', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('imports a published PDF through the built importer (pdf.js found from build/cli)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-bin-'));
    const r = nianbao('import', 'test/fixtures/corpus/26_huaian-city-gov-2024.pdf', '-o', dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, '26_huaian-city-gov-2024.report.json'), 'utf8'));
    expect([report.format, report.template, report.year]).toEqual(['nianbao-report', 'gov-info-2021', 2024]);
  });

  it('keeps subcommands lazy: --version loads no package, check never loads docx', () => {
    expect(loadedPackages('main.js')).toEqual(new Set());
    const check = loadedPackages(chunk('check'));
    expect(check.has('zod')).toBe(true);
    expect(check.has('docx')).toBe(false);
    expect(loadedPackages(chunk('render-docx')).has('docx')).toBe(true);
  });

  it('says in Chinese how to build it when build/cli is missing, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-unbuilt-'));
    mkdirSync(join(dir, 'bin'));
    copyFileSync('bin/nianbao.mjs', join(dir, 'bin/nianbao.mjs'));
    const r = spawnSync('node', [join(dir, 'bin/nianbao.mjs'), '--version'], { encoding: 'utf8' });
    expect([r.status, r.stdout, r.stderr.trim()]).toEqual([2, '', 'nianbao 尚未构建：请在项目目录运行 npm ci（或 npm run build:cli）后再试']);
  });

  it('needs no TypeScript runtime: tsx is not a dependency and the bin loads no .ts', () => {
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    const bin = readFileSync('bin/nianbao.mjs', 'utf8');
    expect(bin).not.toMatch(/tsx|\.ts['"]/);
    expect(pkg.scripts.prepare).toBe('node scripts/build-cli.mjs');
  });
});
