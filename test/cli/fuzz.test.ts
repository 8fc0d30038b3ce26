// A seeded fuzz test of the CLI: thousands of generated hostile command lines and files (broken
// and mutated reports, foreign encodings, zip and PDF debris, FIFOs, folders, missing paths,
// names with bidi controls, outputs onto inputs, into folders, below files), run in-process
// through main() in a sandbox folder, then a sample through the built command in a child process.
// For every case: no crash (main's catch-all never speaks), no hang over 10 s, exit code 0, 1 or 2,
// every error line in Chinese, nothing written outside the output asked for (or the documented
// default place), no file there before changed unless it was the output asked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { main } from '../../src/cli/main';
import { seeded } from '../durability/seeded';

const SEED = Number(process.env.NIANBAO_FUZZ_SEED ?? 14);
const CASES = Number(process.env.NIANBAO_FUZZ_CASES ?? 2000);
const BINARY_CASES = 40;
const HANG_MS = 10_000;
const CJK = /[\u4e00-\u9fff]/;
const ENGLISH_ERROR = /\b(TypeError|RangeError|ReferenceError|SyntaxError|Cannot read|is not a function|undefined is|ENOENT:|EACCES:|at [\w.]+ \()/;

const example = readFileSync('examples/seed-002.report.json', 'utf8');
const seedText = readFileSync('test/fixtures/seeds/002_4c04aec02b3a3a4b.txt', 'utf8');
const gbk = readFileSync('test/import/fixtures/002.gb18030.txt');

type Random = () => number;
const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Random, p: number) => r() < p;

const HOSTILE_STRINGS = ['', ' ', '\u202Eevil\u202C', '\u0000\u0001\u001B[2J', '\uFFFE\uFFFF', '\uD800', '𠀀😀', '某'.repeat(300), 'x'.repeat(5000), '../../etc/passwd', 'CON', '__proto__', '2024-04-31', '1e308', '-0'];
const HOSTILE_VALUES: unknown[] = [null, -3, -5.5, 1e308, -1e308, 0.30000000000000004, 2 ** 53 + 1, 1e11 + 1, '12', true, [], {}, [1, 2], { a: 1 }, 'NaN', ''];

/** A JSON value changed at a few random places (types, ranges, keys, strings). */
function mutate(r: Random, value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') {
    if (chance(r, 0.5)) return pick(r, HOSTILE_VALUES);
    return typeof value === 'string' ? pick(r, HOSTILE_STRINGS) : value;
  }
  const obj = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(obj);
  const edits = 1 + Math.floor(r() * 3);
  for (let i = 0; i < edits && keys.length; i++) {
    const key = pick(r, keys);
    const at = obj as Record<string, unknown>;
    const what = r();
    if (what < 0.15) delete at[key];
    else if (what < 0.25) at[pick(r, ['__proto__', 'constructor', 'extra', '\u202E'])] = pick(r, HOSTILE_VALUES);
    else if (what < 0.6 && depth < 4) at[key] = mutate(r, at[key], depth + 1);
    else at[key] = pick(r, HOSTILE_VALUES);
  }
  return obj;
}

function deep(n: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}

/** Bytes of one hostile input file. */
function fileBytes(r: Random, docx: Uint8Array): Uint8Array | string {
  const report = JSON.parse(example) as Record<string, unknown>;
  switch (Math.floor(r() * 14)) {
    case 0:
      return example;
    case 1:
    case 2:
    case 3:
      return JSON.stringify(mutate(r, report));
    case 4: {
      const valid = { ...report, organ: { name: pick(r, HOSTILE_STRINGS), level: null }, narrative: { problems: pick(r, HOSTILE_STRINGS) } };
      return JSON.stringify(valid);
    }
    case 5:
      return gbk;
    case 6:
      return Uint8Array.from({ length: Math.floor(r() * 400) }, () => Math.floor(r() * 256));
    case 7:
      return pick(r, ['', '\uFEFF', '{', 'null', '[]', '"x"', '{"format":"nianbao-report","formatVersion":99}', JSON.stringify(deep(40))]);
    case 8:
      return seedText.slice(0, Math.floor(r() * seedText.length));
    case 9: {
      const bytes = docx.slice(0, Math.max(30, Math.floor(r() * docx.length)));
      for (let i = 0; i < 5; i++) bytes[Math.floor(r() * bytes.length)] = Math.floor(r() * 256);
      return bytes;
    }
    case 10:
      return docx;
    case 11:
      return `%PDF-1.7\n${'x'.repeat(Math.floor(r() * 200))}\n%%EOF`;
    case 12:
      return `<html><body><table><tr><td rowspan="99999">${pick(r, HOSTILE_STRINGS)}</td></tr></table>${seedText.slice(0, 2000)}</body></html>`;
    default:
      return seedText.replace(/\d+/g, () => String(pick(r, [-1, 1e21, 0.5, 99999999999, 7])));
  }
}

interface Snapshot {
  [path: string]: string;
}

function snapshot(root: string): Snapshot {
  const out: Snapshot = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else out[relative(root, p)] = st.isFile() ? createHash('sha1').update(readFileSync(p)).digest('hex') : st.isFIFO() ? 'fifo' : 'link';
    }
  };
  walk(root);
  return out;
}

interface Case {
  argv: string[];
  out?: string;
  inputs: string[];
}

/** Files for one case in `dir`, and a command line over them. */
function makeCase(r: Random, dir: string, docx: Uint8Array, fifo: string): Case {
  mkdirSync(dir, { recursive: true });
  const inputs: string[] = [];
  const n = Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const kind = r();
    if (kind < 0.7) {
      const name = pick(r, ['r.json', 'r.txt', 'r.docx', `r\u202Egpj.json`, 'r\nx.json', `${'长'.repeat(70)}.json`, 'r.report.json', 'CON.json', ' r .json']);
      const sub = join(dir, `in${i}`);
      mkdirSync(sub, { recursive: true });
      const p = join(sub, name);
      writeFileSync(p, fileBytes(r, docx));
      inputs.push(p);
    } else if (kind < 0.8) inputs.push(fifo);
    else if (kind < 0.9) inputs.push(pick(r, [dir, join(dir, 'missing.json'), '', '-', '--']));
    else {
      const target = inputs.find((p) => p && existsSync(p) && lstatSync(p).isFile());
      if (!target) continue;
      const link = join(dir, `link${i}.json`);
      symlinkSync(target, link);
      inputs.push(link);
    }
  }
  const command = pick(r, ['check', 'check', 'check', 'import', 'import', 'render', 'render', 'nope', '--help', '--version', '']);
  const argv = command ? [command] : [];
  argv.push(...inputs);
  let out: string | undefined;
  let outAt = -1;
  if (chance(r, 0.6) && (command === 'render' || command === 'import')) {
    const target = r();
    out =
      target < 0.4 ? join(dir, 'out', command === 'render' ? 'x.docx' : 'o')
        : target < 0.55 ? (inputs[0] ?? join(dir, 'x.docx'))
          : target < 0.65 ? dir
            : target < 0.75 ? join(inputs.find((p) => existsSync(p) && lstatSync(p).isFile()) ?? fifo, 'below')
              : target < 0.85 ? fifo
                : join(dir, pick(r, ['\u202Eo.docx', 'a'.repeat(300), 'out/deep/er/x.docx']));
    outAt = argv.length;
    argv.push(pick(r, ['-o', '--output', '--out']), out);
  }
  for (const flag of ['--final', '--json', '--draft', '--check', '--brief', '--zzz', '-o']) if (chance(r, 0.12)) argv.push(flag);
  if (chance(r, 0.15)) argv.push('--today', pick(r, ['2025-01-20', '2024-02-30', 'abc', '', '２０２５-01-01']));
  if (chance(r, 0.1)) argv.push('--previous', pick(r, [...inputs, fifo, join(dir, 'missing.json')]));
  // After `--` every word is a file name: an -o there is not an output.
  if (out && argv.indexOf('--') !== -1 && argv.indexOf('--') < outAt) out = undefined;
  return { argv, inputs, ...(out ? { out } : {}) };
}

/** What a case may write: under its -o, or (no -o) report files and .docx next to inputs and in the sandbox. */
function allowedNew(path: string, c: Case, sandbox: string): boolean {
  const abs = join(sandbox, path);
  if (c.out && (abs === c.out || abs.startsWith(`${c.out}/`))) return true;
  if (c.out) return false;
  const dirs = new Set([sandbox, ...c.inputs.map((i) => dirname(i))]);
  // A folder given to import is read recursively: its reports land beside each file found.
  const folders = c.inputs.filter((i) => i && existsSync(i) && lstatSync(i).isDirectory());
  const near = dirs.has(dirname(abs)) || folders.some((f) => abs.startsWith(`${f}/`));
  return near && (/\.report\.json$/.test(abs) || /\.docx$/.test(abs));
}

let sandbox: string;
let cwd: string;
let docx: Uint8Array;
let fifo: string;
beforeAll(async () => {
  cwd = process.cwd();
  sandbox = mkdtempSync(join(tmpdir(), 'nianbao-fuzz-'));
  const { renderDocx } = await import('../../src/render/docx/render-docx');
  const { parseReportText } = await import('../../src/core');
  const { nodeRegistry } = await import('../../src/node/templates');
  const parsed = parseReportText(example, nodeRegistry().get);
  if (!parsed.ok) throw new Error('example does not parse');
  docx = await renderDocx(parsed.template, parsed.report);
  fifo = join(sandbox, 'fifo.json');
  execFileSync('mkfifo', [fifo]);
});
afterAll(() => {
  process.chdir(cwd);
  rmSync(sandbox, { recursive: true, force: true });
});

describe(`nianbao under ${CASES} generated hostile inputs (seed ${SEED})`, () => {
  it('never crashes, hangs, speaks English, writes outside -o or changes a file it was not asked to write', async () => {
    const r = seeded(SEED);
    const failures: string[] = [];
    const codes = new Map<number, number>();
    let slowest = 0;
    for (let i = 0; i < CASES && failures.length < 10; i++) {
      const dir = join(sandbox, `c${i}`);
      const c = makeCase(r, dir, docx, fifo);
      const before = snapshot(sandbox);
      const err: string[] = [];
      process.chdir(dir);
      const start = performance.now();
      let code: number;
      try {
        code = await main(c.argv, { out: () => undefined, err: (l) => err.push(l) });
      } catch (e) {
        failures.push(`case ${i} ${JSON.stringify(c.argv)}: threw ${String(e)}`);
        continue;
      } finally {
        process.chdir(cwd);
      }
      const ms = performance.now() - start;
      slowest = Math.max(slowest, ms);
      codes.set(code, (codes.get(code) ?? 0) + 1);
      const after = snapshot(sandbox);
      const problems: string[] = [];
      if (![0, 1, 2].includes(code)) problems.push(`exit ${code}`);
      if (ms > HANG_MS) problems.push(`took ${Math.round(ms)} ms`);
      // Each message (one err call, which may run over lines: a file name can hold a newline).
      for (const message of err) {
        if (message.includes('出错：')) problems.push(`crash caught by main: ${message}`);
        else if (ENGLISH_ERROR.test(message)) problems.push(`English in: ${message}`);
        else if (!CJK.test(message)) problems.push(`not Chinese: ${message}`);
      }
      for (const [path, hash] of Object.entries(after)) {
        if (!(path in before)) {
          if (!allowedNew(path, c, sandbox)) problems.push(`wrote ${path}`);
        } else if (before[path] !== hash && join(sandbox, path) !== c.out) problems.push(`changed ${path}`);
      }
      for (const path of Object.keys(before)) if (!(path in after)) problems.push(`removed ${path}`);
      if (problems.length) failures.push(`case ${i} ${JSON.stringify(c.argv.map((a) => a.replace(sandbox, '…')))}: ${problems.join('; ')}`);
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`fuzz: ${CASES} cases, exit codes ${JSON.stringify(Object.fromEntries(codes))}, slowest ${Math.round(slowest)} ms, ${failures.length} failures`);
    expect(failures).toEqual([]);
  }, 600_000);
});

describe('the built command, as a shell runs it', () => {
  let runner: string;
  // A build folder of its own run (bin.test.ts builds build/cli meanwhile); two levels below the
  // project, as the built CLI finds templates/ there.
  const build = () => join(cwd, 'build', `fuzz-cli-${process.pid}`);
  beforeAll(() => {
    const built = spawnSync('node', ['--input-type=module', '-e', `const { buildCli } = await import('./scripts/build-cli.mjs'); await buildCli(${JSON.stringify(build())});`], { cwd, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    runner = join(sandbox, 'nianbao.mjs');
    // What bin/nianbao.mjs does, on that build.
    writeFileSync(runner, `const cli = await import(${JSON.stringify(join(build(), 'main.js'))});\nprocess.exitCode = await cli.main(process.argv.slice(2));\n`);
  }, 120_000);
  afterAll(() => rmSync(build(), { recursive: true, force: true }));

  it(`exits 0, 1 or 2 within 10 s on ${BINARY_CASES} generated cases, in Chinese`, () => {
    const r = seeded(SEED + 1);
    const failures: string[] = [];
    for (let i = 0; i < BINARY_CASES; i++) {
      const dir = join(sandbox, `b${i}`);
      const c = makeCase(r, dir, docx, fifo);
      const run = spawnSync('node', [runner, ...c.argv], { cwd: dir, encoding: 'utf8', timeout: HANG_MS, env: { ...process.env, NODE_OPTIONS: '' } });
      if (run.error || ![0, 1, 2].includes(run.status ?? -1)) failures.push(`case ${i} ${JSON.stringify(c.argv)}: ${run.error?.message ?? `exit ${run.status} ${run.signal ?? ''}`}`);
      const stderr = run.stderr.trim();
      if (stderr && (!CJK.test(stderr) || ENGLISH_ERROR.test(stderr) || stderr.includes('出错：'))) failures.push(`case ${i}: ${stderr}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('prints no bidi control or escape from a report, and stops quietly when the reader closes the pipe', () => {
    const dir = mkdtempSync(join(sandbox, 'pipe-'));
    const report = JSON.parse(example) as { organ: { name: string } };
    report.organ.name = '三营镇\u202Excod.exe\u001B[2J';
    const files = Array.from({ length: 30 }, (_, i) => {
      const f = join(dir, `r${i}.json`);
      writeFileSync(f, JSON.stringify(report));
      return f;
    });
    const shown = spawnSync('node', [runner, 'check', files[0]!], { encoding: 'utf8', timeout: HANG_MS });
    expect(shown.stdout).toContain('三营镇xcod.exe[2J');
    expect(shown.stdout).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(shown.stdout).not.toContain('\u001B');
    const piped = spawnSync('bash', ['-c', `node ${JSON.stringify(runner)} check ${files.map((f) => JSON.stringify(f)).join(' ')} | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`], { encoding: 'utf8', timeout: HANG_MS });
    expect(piped.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(piped.stderr.trim()).toBe('exit=0');
  });

  it('refuses a FIFO without waiting for a writer', () => {
    const run = spawnSync('node', [runner, 'check', fifo], { encoding: 'utf8', timeout: HANG_MS });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('不是普通文件');
    expect(basename(fifo)).toBe('fifo.json');
  });
});
