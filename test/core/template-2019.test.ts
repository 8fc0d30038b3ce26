// The 2019 template (国办公开办函〔2019〕60号) as data, proved on seed 003 (三元区莘口镇, 2019):
// its grids as printed, the signed kind of 本年增/减, the transcribed example checking clean, the
// .docx and the preview drawing it, `nianbao import` reading the published text into exactly the
// example's values, and next year's report continuing in the same template.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cellText,
  checkReport,
  composeDocument,
  computeValues,
  nextYearReport,
  parseCellInput,
  parseReportText,
  type HeaderCell,
  type Report,
} from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';
import { renderDocx } from '../../src/render/docx/render-docx';
import { main } from '../../src/cli/main';
import { expectDocxSpans } from './template-checks';
import { readReport } from './fixtures';

const t2019 = nodeRegistry().get('gov-info-2019')!;
const t2021 = nodeRegistry().get('gov-info-2021')!;
const seeds = new URL('../fixtures/seeds/', import.meta.url);
const seedFile = new URL(readdirSync(seeds).find((f) => f.startsWith('003_'))!, seeds);
const seedText = readFileSync(seedFile, 'utf8');
const seed003 = (): Report => readReport('examples/seed-003.report.json');
const headers = (t: typeof t2019, gridId: string) => t.grid(gridId).rows.flatMap((r) => r.items.filter((i): i is HeaderCell => i.type === 'header'));
const spans = (t: typeof t2019, gridId: string, label: string) => headers(t, gridId).filter((h) => h.label === label).map((h) => [h.rowSpan, h.colSpan]);
const only = (findings: ReturnType<typeof checkReport>, rule: string) => findings.filter((f) => f.rule === rule);

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the 2019 grids', () => {
  it('第二十条: five blocks of three value columns, labels exactly as seed 003 prints them', () => {
    const grid = t2019.grid('article-20');
    expect(grid.columnCount).toBe(4);
    expect(headers(t2019, 'article-20').filter((h) => h.role === 'title').map((h) => h.label)).toEqual(
      ['（一）', '（五）', '（六）', '（八）', '（九）'].map((n) => `第二十条第${n}项`),
    );
    for (const h of headers(t2019, 'article-20')) expect(seedText, h.label).toContain(h.label);
    expect(spans(t2019, 'article-20', '本年增/减')).toEqual([[1, 1], [1, 1], [1, 2]]);
    expect(spans(t2019, 'article-20', '上一年项目数量')).toEqual([[1, 1], [1, 1], [1, 1]]);
    expect(spans(t2019, 'article-20', '采购总金额（元）')).toEqual([[1, 2]]);
    expect(grid.rowIds).toEqual(['regulations', 'normative-documents', 'licensing', 'other-services', 'penalty', 'enforcement', 'fees', 'procurement']);
    expect(grid.cells.filter((c) => c.kind === 'change').map((c) => c.id)).toEqual([
      'article-20:licensing:change', 'article-20:other-services:change', 'article-20:penalty:change', 'article-20:enforcement:change', 'article-20:fees:change',
    ]);
    expect(t2019.cells.get('article-20:procurement:procurement-amount')!.kind).toBe('amount');
  });

  it('三: the 2021 cells, except （六）其他处理 is one row `other` (and the 21 outcomes are 19)', () => {
    const ids19 = new Set(t2019.grid('applications').cells.map((c) => c.id));
    const ids21 = t2021.grid('applications').cells.map((c) => c.id);
    const expected = new Set([...ids21.filter((id) => !id.includes(':other.')), ...ids21.filter((id) => id.includes(':other.other:')).map((id) => id.replace(':other.other:', ':other:'))]);
    expect(ids19).toEqual(expected);
    expect(spans(t2019, 'applications', '（六）其他处理')).toEqual([[1, 2]]);
    expect(spans(t2019, 'applications', '三、本年度办理结果')).toEqual([[20, 1]]);
    expect(t2019.equations.find((e) => e.sum.id === 'outcome-total')!.items).toHaveLength(19);
  });

  it('四: the very grid of 2021', () => {
    expect(t2019.grid('appeals')).toEqual(t2021.grid('appeals'));
  });

  it('section 一 has no fixed parts (seed 003 writes its own four), and no 信息处理费 is asked for (R11 is 2021 only)', () => {
    expect(t2019.spec.sections[0]!.parts).toBeUndefined();
    expect(t2019.spec.sections.some((s) => s.fee)).toBe(false);
    expect(t2019.rules.map((r) => r.id)).not.toContain('R11');
    expect(t2019.spec.preface.default).toContain('国办公开办函〔2019〕60号');
  });
});

describe('本年增/减: the signed kind `change`', () => {
  it('takes a negative whole number as typed, refuses a fraction; count and amount still refuse negatives', () => {
    expect(parseCellInput('-180', 'change')).toEqual({ ok: true, value: -180 });
    expect(parseCellInput('－１８０', 'change')).toEqual({ ok: true, value: -180 });
    expect(parseCellInput('+12', 'change')).toEqual({ ok: true, value: 12 });
    expect(parseCellInput('-1,200', 'change')).toMatchObject({ ok: false, reason: '“-1,200”不是数字' });
    expect(parseCellInput('-1.5', 'change')).toMatchObject({ ok: false, reason: '“-1.5”带小数，增减数应为整数' });
    expect(parseCellInput('-1e12', 'change').ok).toBe(false);
    expect(parseCellInput('-180', 'count')).toMatchObject({ ok: false, reason: '“-180”是负数，件数不能为负' });
    expect(parseCellInput('-1', 'amount')).toMatchObject({ ok: false, reason: '“-1”是负数，金额不能为负' });
  });

  it('R5 accepts −180 in a change cell, words a fraction there with the template message, and still refuses −1 in a count cell', () => {
    const r = seed003();
    expect(only(checkReport(t2019, r), 'R5')).toEqual([]);
    r.values['article-20:other-services:change'] = -1.5;
    r.values['article-20:other-services:decisions'] = -1;
    const r5 = only(checkReport(t2019, r), 'R5');
    expect(r5.map((f) => [f.cells, f.message])).toEqual([
      [['article-20:other-services:change'], '二、主动公开政府信息情况 · 其他对外管理服务事项 · 本年增/减：“-1.5”不是有效的增减数，应为整数（减少的填负数）'],
      [['article-20:other-services:decisions'], '二、主动公开政府信息情况 · 其他对外管理服务事项 · 处理决定数量：“-1”不是有效的件数，应为0或正整数'],
    ]);
  });
});

describe('examples/seed-003.report.json (seed 003 transcribed)', () => {
  const report = seed003();

  it('is a report of the 2019 template with every input cell filled as printed', () => {
    expect(report.template).toBe('gov-info-2019');
    expect(report.year).toBe(2019);
    expect(t2019.inputCells.filter((c) => report.values[c.id] == null)).toEqual([]);
    expect(report.values['article-20:other-services:previous-items']).toBe(550);
    expect(report.values['article-20:other-services:change']).toBe(-180);
    expect(report.values['article-20:other-services:decisions']).toBe(370);
    expect(report.values['article-20:procurement:procurement-amount']).toBe(86960.6);
  });

  it('checks with no finding but the ASCII parentheses its source prints in 五 (“(一) 存在的主要问题”), drafting and as final', () => {
    for (const mode of ['draft', 'final'] as const) {
      expect(checkReport(t2019, report, { mode, today: '2020-01-20' }).map((f) => [f.rule, f.level, f.text])).toEqual([['R21', 'warning', 'problems']]);
    }
  });

  it('its printed totals add up', () => {
    const computed = computeValues(t2019, report);
    const printed = Object.entries(report.printed ?? {});
    expect(printed).toHaveLength(t2019.computedBy.size);
    for (const [id, v] of printed) expect(computed.get(id), id).toBe(v);
  });

  it('the preview\'s blocks (composeDocument) draw it: title, the three grids with its numbers, no 信息处理费 sentence', () => {
    const blocks = composeDocument(t2019, report);
    expect(blocks[0]).toEqual({ kind: 'title', text: '三元区莘口镇2019年政府信息公开工作年度报告' });
    const grids = blocks.flatMap((b) => (b.kind === 'grid' ? [b] : []));
    expect(grids.map((g) => g.grid.id)).toEqual(['article-20', 'applications', 'appeals']);
    expect(cellText(grids[0]!.values.get('article-20:other-services:change'))).toBe('-180');
    expect(blocks.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => (b.kind === 'heading' ? b.text : ''))).toContain('（三）规范公开平台，优化服务功能');
    expect(JSON.stringify(blocks)).not.toContain(t2019.spec.fee.label);
    expect(blocks.at(-1)).toEqual({ kind: 'signature', organ: '三元区莘口镇人民政府', date: '2020年1月13日' });
  });

  it('renderDocx renders it: each table is its resolved grid, spans and numbers (−180, 86960.6) included', async () => {
    const bytes = await renderDocx(t2019, report);
    expectDocxSpans(t2019, bytes, computeValues(t2019, report));
  });
});

describe('nianbao import of seed 003, then nianbao check', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-2019-'));
  const imported = await run('import', seedFile.pathname, '-o', dir);
  const file = join(dir, readdirSync(dir)[0]!);
  const parsed = parseReportText(readFileSync(file, 'utf8'), nodeRegistry().get);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  const report = parsed.report;
  const example = seed003();

  it('picks the 2019 template by the year read, reads every cell with certainty and notes nothing to review', () => {
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('三元区莘口镇人民政府 2019年；格式：2019年格式（国办公开办函〔2019〕60号）');
    expect(imported.out).toContain(`读到 ${t2019.inputCells.length + t2019.computedBy.size} 个数值；0 个单元格待核对`);
    expect(imported.out).not.toContain('待核对 ');
    expect(report.template).toBe('gov-info-2019');
  });

  it('gives exactly the values, printed totals, organ, year and dates of the example, and its text', () => {
    expect(report.values).toEqual(example.values);
    expect(report.printed).toEqual(example.printed);
    expect(report.organ).toEqual(example.organ);
    expect([report.year, report.dates]).toEqual([example.year, example.dates]);
    // The example joins the two paragraphs the web page broke across a page; otherwise the same text.
    const joined = (r: Report) => Object.fromEntries(Object.entries(r.narrative).map(([k, v]) => [k, (v ?? '').replace(/\n/g, '')]));
    expect(joined(report)).toEqual(joined(example));
  });

  it('nianbao check on it: no error', async () => {
    const checked = await run('check', file);
    expect(checked.code).toBe(0);
    expect(checked.out).toContain('共 0 个错误');
  });
});

describe('next year (2020) continues in the 2019 template', () => {
  const next = nextYearReport(t2019, seed003());
  // Every cell filled consistently with 2019 (上一年项目数量 = 2019's + 增/减, 对外公开总数量 kept).
  const fill = (r: Report) => {
    for (const c of t2019.inputCells) r.values[c.id] ??= 0;
    r.values['article-20:other-services:previous-items'] = 370;
    r.values['article-20:normative-documents:published-total'] = 8;
    return r;
  };

  it('is a 2020 report of gov-info-2019, 二、上年结转 pre-filled from 四、结转下年度继续办理', () => {
    expect(next.template).toBe('gov-info-2019');
    expect(next.year).toBe(2020);
    expect(nodeRegistry().forYear(next.year)).toBe(t2019);
    expect(next.values['applications:carried-over:natural-person']).toBe(0);
    expect(next.lastYear?.values['article-20:other-services:change']).toBe(-180);
  });

  it('R8: 上一年项目数量 = last year\'s 上一年项目数量 + 本年增/减 (550 − 180 = 370)', () => {
    const r = fill(structuredClone(next));
    expect(only(checkReport(t2019, r), 'R8')).toEqual([]);
    r.values['article-20:other-services:previous-items'] = 550;
    const r8 = only(checkReport(t2019, r), 'R8');
    expect(r8.map((f) => f.cells[0])).toEqual(['article-20:other-services:previous-items']);
    expect(r8[0]!.level).toBe('warning');
    expect(r8[0]!.message).toContain('上一年项目数量（550）');
    expect(r8[0]!.message).toContain('370');
  });

  it('R8: 对外公开总数量 = last year\'s 对外公开总数量 + 本年新公开数量', () => {
    const r = fill(structuredClone(next));
    r.values['article-20:normative-documents:published'] = 3;
    r.values['article-20:normative-documents:published-total'] = 11;
    expect(only(checkReport(t2019, r), 'R8')).toEqual([]);
    r.values['article-20:normative-documents:published-total'] = 3;
    const r8 = only(checkReport(t2019, r), 'R8');
    expect(r8.map((f) => f.cells[0])).toEqual(['article-20:normative-documents:published-total']);
    expect(r8[0]!.message).toContain('11');
  });

  it('R9 (乡镇 no 规章) and R10 (numbers in the text) apply to the 2019 cells', () => {
    const r = fill(structuredClone(next));
    r.values['article-20:regulations:made'] = 1;
    r.narrative.overview = '本年制定规范性文件5件。';
    const findings = checkReport(t2019, r);
    expect(only(findings, 'R9').map((f) => f.cells)).toEqual([['article-20:regulations:made']]);
    expect(only(findings, 'R10').map((f) => f.cells)).toEqual([['article-20:normative-documents:made']]);
  });
});
