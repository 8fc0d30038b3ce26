import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  composeDocument, migrateReport, nextYearReport, parseCellInput, parseReport, parseReportText, REPORT_FORMAT_VERSION,
} from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';
import { schemaFiles } from '../../scripts/gen-schemas';
import { busy, seed002, template } from './fixtures';

const get = nodeRegistry().get;

describe('report files', () => {
  it('keeps blank and 0 apart through JSON', () => {
    const r = seed002();
    const again = parseReportText(JSON.stringify(r), get);
    expect(again.ok && again.report).toEqual(r);
    expect(r.values['appeals:cases:review.upheld']).toBeNull();
    expect(r.values['appeals:cases:direct.upheld']).toBe(0);
  });

  it('names the place, the expectation and what was found, in Chinese', () => {
    const doc = JSON.parse(JSON.stringify(busy()));
    doc.values['applications:disclosed:natural-person'] = '三';
    doc.year = '2024';
    doc.values['applications:bogus:cell'] = 1;
    const parsed = parseReport(doc, get);
    expect(parsed.ok).toBe(false);
    const messages = parsed.ok ? [] : parsed.problems.map((p) => p.message);
    expect(messages).toContain('values.applications:disclosed:natural-person（三、收到和处理政府信息公开申请情况 · （一）予以公开 · 自然人）：应为数字，实际为文字 “三”');
    expect(messages).toContain('year：应为数字，实际为文字 “2024”');
    expect(messages.some((m) => m.includes('“applications:bogus:cell”'))).toBe(true);
  });

  it('refuses prototype-pollution keys, deep nesting, bad JSON, other formats and newer versions', () => {
    const withProto = JSON.parse(JSON.stringify(busy()).replace('"values":{', '"values":{"__proto__":{"polluted":1},'));
    const p1 = parseReport(withProto, get);
    expect(p1.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(parseReport(deep, get).ok).toBe(false);
    const bad = parseReportText('{"format": ', get);
    expect(!bad.ok && bad.problems[0]!.message).toMatch(/^文件内容不是报告文件：不是有效的 JSON/);
    const other = parseReport({ format: 'something-else' }, get);
    expect(!other.ok && other.problems[0]!.message).toContain('不是 nianbao 报告文件');
    const newer = parseReport({ ...busy(), formatVersion: REPORT_FORMAT_VERSION + 1 }, get);
    expect(!newer.ok && newer.problems[0]!.message).toContain('比本程序支持的版本 1 新');
  });

  it('migrates an older version step by step through the registry', () => {
    const v0 = { format: 'nianbao-report', formatVersion: 1, oldName: 'x' };
    const steps = { 1: (d: Record<string, unknown>) => ({ ...d, newName: d.oldName }), 2: (d: Record<string, unknown>) => ({ ...d, third: true }) };
    const m = migrateReport(v0, steps, 3);
    expect(m).toEqual({ ok: true, doc: { format: 'nianbao-report', formatVersion: 3, oldName: 'x', newName: 'x', third: true } });
    expect(migrateReport(v0, {}, 2)).toEqual({ ok: false, message: '无法从格式版本 1 升级到 2' });
  });

  it('the committed JSON Schemas are those the zod schemas generate', () => {
    const files = schemaFiles();
    const dir = new URL('../../schema/', import.meta.url);
    expect(readdirSync(dir).sort()).toEqual(Object.keys(files).sort());
    for (const [name, text] of Object.entries(files)) {
      expect(readFileSync(new URL(name, dir), 'utf8'), `schema/${name} is stale: run npm run gen:schemas`).toBe(text);
    }
    const schema = JSON.parse(files['report-gov-info-2021.schema.json']!);
    expect(schema.properties.values.properties['applications:disclosed:natural-person'].title).toBe('三、收到和处理政府信息公开申请情况 · （一）予以公开 · 自然人');
  });
});

describe('cell input', () => {
  it.each([
    ['１２３', 123], [' 1,234 ', 1234], ['0', 0], ['', null], ['  ', null], ['7730.28', 7730.28], ['１，２３４', 1234],
  ])('reads %j as %j', (raw, value) => {
    expect(parseCellInput(raw, raw.includes('.') ? 'amount' : 'count')).toEqual({ ok: true, value });
  });
  it.each([
    ['-1', '负数'], ['1.5', '带小数'], ['/', '没有发生请填 0'], ['—', '没有发生请填 0'], ['三', '不是数字'], ['1,23', '不是数字'],
  ])('refuses %j for a count and says why', (raw, why) => {
    const r = parseCellInput(raw, 'count');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(why);
    expect(!r.ok && r.reason).toContain(raw.trim());
  });
  it('reads the typeset minus sign in a signed cell', () => {
    expect(parseCellInput('−180', 'change')).toEqual({ ok: true, value: -180 });
    expect(parseCellInput('−180', 'count').ok).toBe(false);
  });
  it('refuses a fifth decimal in 万元', () => {
    expect(parseCellInput('1.23456', 'amount').ok).toBe(false);
    expect(parseCellInput('1.2345', 'amount')).toEqual({ ok: true, value: 1.2345 });
  });
});

describe('next year and the document', () => {
  it('starts next year from this year', () => {
    const r = busy();
    const next = nextYearReport(template, r);
    expect(next.year).toBe(2025);
    expect(next.organ).toEqual(r.organ);
    expect(next.lastYear?.values['article-20:normative-documents:in-force']).toBe(40);
    expect(next.revise).toContain('problems');
    expect(next.values['applications:disclosed:natural-person']).toBeUndefined();
    const carried = template.grid('applications').cells.filter((c) => c.row === 'carried-over' && !c.computed);
    for (const c of carried) expect(next.values[c.id]).toBe(r.values[c.id.replace('carried-over', 'carry-forward')]);
  });

  it('composes title, sections in order, grids, fee sentence and signature', () => {
    const blocks = composeDocument(template, busy());
    expect(blocks[0]).toEqual({ kind: 'title', text: '示例区和平街道2024年政府信息公开工作年度报告' });
    const headings = blocks.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text);
    expect(headings).toEqual(template.spec.sections.map((s) => s.label));
    expect(blocks.filter((b) => b.kind === 'grid').map((b) => (b.kind === 'grid' ? b.grid.id : ''))).toEqual(['article-20', 'applications', 'appeals']);
    expect(JSON.stringify(blocks)).toContain('本机关2024年共发出收费通知2件，总金额150元，实际收取总金额100元。');
    expect(blocks.at(-1)).toEqual({ kind: 'signature', organ: '示例市示例区和平街道办事处', date: '2025年1月20日' });
    const lead = blocks.find((b) => b.kind === 'paragraph' && b.level === 3);
    expect(lead).toEqual({ kind: 'paragraph', level: 3, runs: [{ text: '1.落实工作责任。', bold: true }, { text: '街道党工委每季度听取政务公开工作汇报。' }] });
  });
});

/** A module's code without its comments (which may cite labels or speak of "the document"). */
const codeOf = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('architecture', () => {
  it('the headless core imports no React, docx, DOM or Node module', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    const core = files(new URL('../../src/core', import.meta.url).pathname);
    expect(core.length).toBeGreaterThan(10);
    for (const f of core) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/from ['"](react|react-dom|react-hook-form|docx|node:[a-z]+)['"/]/);
      // DOM globals in code (comments may speak of "the document"), unless the module names a
      // local of its own so (a window of text, say).
      const code = codeOf(text);
      for (const name of ['document', 'window']) {
        const ownLocal = new RegExp(`\\b(?:const|let|var)\\s+${name}\\b|[(,]\\s*${name}\\s*[:,)]`).test(code);
        if (!ownLocal) expect(code, f).not.toMatch(new RegExp(`\\b${name}\\.`));
      }
    }
  });

  it('the code in src/ holds no official label of the template (they live in templates/; comments may cite them)', () => {
    const labels = readFileSync(new URL('../fixtures/labels-2021.txt', import.meta.url), 'utf8').split('\n').map((l) => l.replace(/^\d+\./, '').trim()).filter((l) => l.length >= 6);
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    const leaks = files(new URL('../../src', import.meta.url).pathname).flatMap((f) => {
      const text = codeOf(readFileSync(f, 'utf8'));
      return labels.filter((l) => text.includes(l)).map((l) => `${f.replace(/.*\/src\//, 'src/')}: ${l}`);
    });
    expect(leaks).toEqual([]);
  });
});

describe('default report year', () => {
  it('is this year from October, last year before', async () => {
    const { defaultReportYear } = await import('../../src/core');
    expect(defaultReportYear(new Date(2026, 10, 22))).toBe(2026);
    expect(defaultReportYear(new Date(2026, 9, 1))).toBe(2026);
    expect(defaultReportYear(new Date(2027, 0, 15))).toBe(2026);
    expect(defaultReportYear(new Date(2027, 8, 30))).toBe(2026);
  });
});
