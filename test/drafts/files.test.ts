// The open-file path against hostile input: thousands of malformed files are refused with a
// Chinese message naming where, never throw, and never change a stored draft.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateReport, REPORT_FORMAT_VERSION } from '../../src/core';
import { openReportBytes, reportFileName, reportFileText } from '../../src/drafts/files';
import { example, exampleText, freshDb, registry, template } from './fixtures';

const enc = new TextEncoder();
const open = (text: string | Uint8Array) => openReportBytes(typeof text === 'string' ? enc.encode(text) : text, registry.get);
const CHINESE = /[\u4e00-\u9fff]/;
let tried = 0;
afterAll(() => console.log(`open-file fuzz: ${tried} malformed or hostile files tried, all refused with a Chinese message`));

const cells = template.inputCells.map((c) => c.id);
const exampleJson = JSON.parse(exampleText) as Record<string, unknown>;

/** Set a value at a path inside a deep copy of the example. */
function mutate(path: readonly string[], value: unknown): string {
  const doc = structuredClone(exampleJson) as Record<string, unknown>;
  let at: Record<string, unknown> = doc;
  for (const k of path.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
  at[path.at(-1)!] = value;
  return JSON.stringify(doc);
}

const wrongTyped = fc.oneof(fc.string({ maxLength: 5 }), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), fc.constant({}), fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }));
const notAString = fc.oneof(fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), fc.constant({}), fc.integer({ min: 3000 }));
const badNumber = fc.oneof(fc.constant(-1), fc.constant(1e300), fc.constant(1.5), fc.constant(Number.MAX_SAFE_INTEGER), fc.double({ min: -1e9, max: -0.0001, noNaN: true }), fc.double({ min: 100_000_000_001, max: 1e300, noNaN: true }));
const deep = fc.integer({ min: 13, max: 2000 }).map((n) => '['.repeat(n) + ']'.repeat(n));

const hostile: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  // any JSON value that is not a report
  fc.jsonValue().map((v) => JSON.stringify(v)),
  // a cell of the example given a wrong type, or a number no one could type
  fc.tuple(fc.constantFrom(...cells), fc.oneof(wrongTyped, badNumber)).map(([c, v]) => mutate(['values', c], v)),
  // a header field of the wrong type
  fc.tuple(fc.constantFrom(['organ', 'name'], ['organ', 'level'], ['year'], ['dates', 'written'], ['fee', 'status'], ['contact', 'phone'], ['template'], ['format']), notAString).map(([p, v]) => mutate(p, v)),
  // wrong format versions (newer, zero, not an integer, a string)
  fc.oneof(fc.integer({ min: REPORT_FORMAT_VERSION + 1, max: 1e6 }), fc.constant(0), fc.constant(-3), fc.constant(1.5), fc.constant('1')).map((v) => mutate(['formatVersion'], v)),
  // deep nesting, alone or inside a report
  deep,
  deep.map((d) => exampleText.replace('"narrative": {', `"narrative": {"x": ${d},`)),
  // prototype keys
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString').map((k) => exampleText.replace('"values": {', `"values": {"${k}": {"polluted": 1},`)),
  fc.constantFrom('__proto__', 'constructor').map((k) => exampleText.replace('{', `{"${k}": {"isAdmin": true},`)),
  // huge strings
  fc.integer({ min: 200_001, max: 400_000 }).map((n) => mutate(['narrative', 'preface'], '字'.repeat(n))),
  fc.integer({ min: 201, max: 5000 }).map((n) => mutate(['organ', 'name'], 'x'.repeat(n))),
  // a file cut short
  fc.integer({ min: 0, max: exampleText.length - 2 }).map((n) => exampleText.slice(0, n)),
  // random bytes and invalid UTF-8 inside a valid file
  fc.uint8Array({ minLength: 0, maxLength: 200 }),
  fc.tuple(fc.integer({ min: 0, max: 4000 }), fc.constantFrom(0xff, 0xfe, 0xc0, 0x80, 0xed)).map(([i, b]) => {
    const bytes = enc.encode(exampleText);
    const out = new Uint8Array(bytes.length + 1);
    out.set(bytes.subarray(0, i));
    out[i] = b;
    out.set(bytes.subarray(i), i + 1);
    return out;
  }),
);

describe('open a report file', () => {
  it('accepts the example and gives back the same report; saving and reopening is identical', async () => {
    const r = await open(exampleText);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report).toEqual(example);
    const again = await open(reportFileText(r.report));
    expect(again.ok && again.report).toEqual(example);
    expect((await open(`\uFEFF${exampleText}`)).ok).toBe(true);
    expect(reportFileName(example)).toBe('原州区三营镇-2023.nianbao.json');
    expect(reportFileName({ ...example, organ: { name: 'a/b:c*?"<>|\u0001', level: null } })).toBe('a_b_c_______-2023.nianbao.json');
  });

  it('names place and values: a wrong type, a newer version, invalid UTF-8, a negative count', async () => {
    const wrong = await open(mutate(['values', cells[0]!], '五'));
    expect(!wrong.ok && wrong.problems[0]!.message).toMatch(new RegExp(`^values\\.${cells[0]}（.+ · .+）：应为数字，实际为文字 “五”`));
    const newer = await open(mutate(['formatVersion'], 7));
    expect(!newer.ok && newer.problems[0]!.message).toBe('此文件的格式版本为 7，比本程序支持的版本 1 新，请升级 nianbao 后再打开');
    const bytes = enc.encode(exampleText);
    bytes[10] = 0xff;
    const utf = await open(bytes);
    expect(!utf.ok && utf.problems[0]!.message).toContain('第 11 个字节（0xFF）无效');
    const negative = await open(mutate(['values', cells[0]!], -3));
    expect(negative.ok).toBe(false);
    if (!negative.ok) {
      expect(negative.problems[0]!.path).toBe(`values.${cells[0]}`);
      expect(negative.problems[0]!.message).toContain('“-3”');
    }
    const proto = await open(exampleText.replace('{', '{"__proto__": {"x": 1},'));
    expect(!proto.ok && proto.problems[0]!.message).toContain('“__proto__”');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('migrates older versions step by step through a registry and refuses gaps', () => {
    const v1 = JSON.parse(exampleText) as Record<string, unknown>;
    const registry2 = { 1: (d: Record<string, unknown>) => ({ ...d, renamed: d.organ, organ: undefined }) };
    const up = migrateReport(v1, registry2, 2);
    expect(up.ok && up.doc).toMatchObject({ formatVersion: 2, renamed: v1.organ });
    expect(migrateReport({ ...v1, formatVersion: 1 }, {}, 3)).toEqual({ ok: false, message: '无法从格式版本 1 升级到 2' });
  });

  it('refuses thousands of malformed or hostile files with a Chinese message, never throwing nor touching stored drafts', async () => {
    const db = await freshDb().open();
    const stored = await db.create(example, { name: '已有草稿' });
    const before = JSON.stringify(await db.list()) + JSON.stringify(await db.get(stored.id));
    await fc.assert(
      fc.asyncProperty(hostile, async (input) => {
        tried++;
        const r = await open(input);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.problems.length).toBeGreaterThan(0);
        for (const p of r.problems) {
          expect(p.message).toMatch(CHINESE);
          expect(p.path.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000, seed: 20261122 },
    );
    expect(JSON.stringify(await db.list()) + JSON.stringify(await db.get(stored.id))).toBe(before);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('isAdmin');
    expect(tried).toBeGreaterThanOrEqual(3000);
  });
});
