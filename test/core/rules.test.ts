import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkReport, nextYearReport, type Finding } from '../../src/core';
import { busy, readReport, seed002, template } from './fixtures';

const expected = JSON.parse(readFileSync(new URL('../fixtures/broken/expected.json', import.meta.url), 'utf8')) as Record<
  string,
  { rule: string; mode: 'draft' | 'final'; cells: string[] }
>;
const rules = (fs: Finding[]) => [...new Set(fs.map((f) => f.rule))].sort();
const TODAY = '2025-01-25';

/** Appends the Luhn check digit, to make a card number the detector must see. */
function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d++) {
    const s = body + d;
    const sum = [...s].reverse().reduce((acc, ch, i) => {
      let n = Number(ch) * (i % 2 ? 2 : 1);
      if (n > 9) n -= 9;
      return acc + n;
    }, 0);
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}

describe('the real report of 原州区三营镇 2023 (seed 002)', () => {
  it('has no error while drafting and one warning; its blank 行政复议 cells and the x件 it left in are incomplete', () => {
    const findings = checkReport(template, seed002(), { today: TODAY });
    // 五 as published: "二是需一步加大政策解读力度" — 进一步 with its 进 lost (R32).
    expect(findings.filter((f) => f.level !== 'incomplete').map((f) => [f.rule, f.level, f.params.found])).toEqual([['R32', 'warning', '一步加大']]);
    // 六 as published: "办理中国政府网网民留言x件" — a placeholder never filled in (R22).
    expect(findings.filter((f) => f.rule === 'R22').map((f) => [f.level, f.text, f.params.quote])).toEqual([
      ['incomplete', 'other', expect.stringContaining('网民留言x件')],
    ]);
    // The published text gives no 成文日期 (R16) …
    expect(findings.filter((f) => f.rule === 'R16').map((f) => f.params.label)).toEqual(['成文日期']);
    // … and prints the 行政复议 cells blank (R6), the total too.
    expect(findings.filter((f) => f.rule === 'R6').map((f) => f.cells[0])).toEqual([
      'appeals:cases:review.upheld', 'appeals:cases:review.corrected', 'appeals:cases:review.other',
      'appeals:cases:review.pending', 'appeals:cases:review.total',
    ]);
  });
  it('has those blanks as errors once finished', () => {
    const findings = checkReport(template, seed002(), { mode: 'final', today: '2024-01-20' });
    expect(findings.filter((f) => f.level === 'error').map((f) => f.rule)).toEqual(['R6', 'R6', 'R6', 'R6', 'R6', 'R16', 'R22']);
    expect(findings.find((f) => f.cells[0] === 'appeals:cases:review.total')?.message).toBe('四、政府信息公开行政复议、行政诉讼情况 · 行政复议 · 总计：来源报告中此合计为空白，应为各项之和');
  });
});

describe('a consistent busy report', () => {
  it('passes every rule, finished, with last year given', () => {
    const r = busy();
    const previous = structuredClone(r);
    previous.year = 2023;
    const next = nextYearReport(template, r);
    expect(checkReport(template, r, { mode: 'final', today: TODAY })).toEqual([]);
    // Next year's carried-over equals this year's carry-forward: R7 holds without typing anything.
    expect(checkReport(template, next, { mode: 'draft' }).filter((f) => f.rule === 'R7')).toEqual([]);
    expect(next.values['applications:carried-over:natural-person']).toBe(r.values['applications:carry-forward:natural-person']);
  });
});

describe.each(Object.entries(expected))('crafted fixture %s', (file, exp) => {
  it(`fails ${exp.rule} and names its cells; the clean base does not`, () => {
    const findings = checkReport(template, readReport(`test/fixtures/broken/${file}.json`), { mode: exp.mode, today: TODAY });
    const hits = findings.filter((f) => f.rule === exp.rule);
    expect(hits.length).toBeGreaterThan(0);
    for (const cell of exp.cells) expect(hits.some((f) => f.cells.includes(cell))).toBe(true);
    expect(hits.every((f) => f.message.length > 10 && !/\{\w+\}/.test(f.message))).toBe(true);
    expect(checkReport(template, busy(), { mode: exp.mode, today: TODAY }).filter((f) => f.rule === exp.rule)).toEqual([]);
  });
});

describe('rule details', () => {
  it('R1 prints both sides with the values, as reviewers read it', () => {
    const r = busy();
    r.printed = undefined;
    Object.assign(r.values, {
      'applications:new:natural-person': 5, 'applications:carried-over:natural-person': 1,
      'applications:carry-forward:natural-person': 1,
    });
    for (const c of template.inputCells.filter((c) => c.column === 'natural-person' && !['new', 'carried-over', 'carry-forward'].includes(c.row))) r.values[c.id] = 0;
    r.values['applications:disclosed:natural-person'] = 4;
    const r1 = checkReport(template, r).filter((f) => f.rule === 'R1' && f.params.place?.toString().endsWith('自然人列'));
    expect(r1.map((f) => f.message)).toEqual([
      '三、收到和处理政府信息公开申请情况 · 自然人列：一（5）+ 二（1）= 6，但（七）总计（4）+ 四（1）= 5（勾稽关系要求两边相等）',
    ]);
    expect(r1[0]!.level).toBe('error');
    // Highlight the column's 一, 二, （七）总计 and 四; the outcome cells behind the total are inputs.
    expect(r1[0]!.cells).toEqual(['new', 'carried-over', 'outcome-total', 'carry-forward'].map((row) => `applications:${row}:natural-person`));
    expect(r1[0]!.inputs).toContain('applications:disclosed:natural-person');
    expect(r1[0]!.inputs).toHaveLength(21);
  });

  it('R4 catches the published 总计 0 whose parts are 10 and 1', () => {
    const f = checkReport(template, readReport('test/fixtures/broken/R4-review-total.json')).filter((x) => x.rule === 'R4');
    expect(f.map((x) => x.message)).toEqual(['四、政府信息公开行政复议、行政诉讼情况：总计（0）≠ 结果维持、结果纠正、其他结果、尚未审结之和（11）']);
  });

  it('sums with a blank item are incomplete, not wrong (R1–R4 wait for R6)', () => {
    const r = busy();
    r.values['applications:disclosed:commercial'] = null;
    const f = checkReport(template, r);
    expect(f.filter((x) => ['R1', 'R2', 'R3'].includes(x.rule))).toEqual([]);
    expect(f.filter((x) => x.rule === 'R6').map((x) => [x.level, x.cells])).toEqual([['incomplete', ['applications:disclosed:commercial']]]);
  });

  it('accepts 万元 amounts to the fen (six decimals) and refuses a seventh (R5)', () => {
    const r = busy();
    r.values['article-20:fees:fee-amount'] = 0.1 + 0.2; // 0.30000000000000004 is 0.3 to six decimals
    expect(checkReport(template, r).filter((f) => f.rule === 'R5')).toEqual([]);
    r.values['article-20:fees:fee-amount'] = 1306.452317; // published to the fen
    expect(checkReport(template, r).filter((f) => f.rule === 'R5')).toEqual([]);
    r.values['article-20:fees:fee-amount'] = 0.1234567;
    expect(checkReport(template, r).filter((f) => f.rule === 'R5').map((f) => f.cells)).toEqual([['article-20:fees:fee-amount']]);
    r.values['article-20:fees:fee-amount'] = 7730.2801;
    expect(checkReport(template, r).filter((f) => f.rule === 'R5')).toEqual([]);
    r.values['article-20:licensing:decisions'] = -1;
    expect(checkReport(template, r).find((f) => f.rule === 'R5')?.message).toBe('二、主动公开政府信息情况 · 行政许可 · 本年处理决定数量：“-1”不是有效的件数，应为0或正整数');
  });

  it('R9 only for 乡镇 and 街道', () => {
    const r = readReport('test/fixtures/broken/R9-township-regulation.json');
    expect(rules(checkReport(template, r))).toContain('R9');
    r.organ.level = 'county-department';
    expect(rules(checkReport(template, r))).not.toContain('R9');
  });

  it('R10 reads 未收到 as 0 and numbers stated in the narrative', () => {
    const r = seed002();
    r.printed!['applications:new:total'] = 3;
    const f = checkReport(template, r).filter((x) => x.rule === 'R10');
    // Both 一（二） and 六 say no application was received.
    expect(f.map((x) => x.text)).toEqual(['overview.request', 'other']);
    expect(f[0]!.message).toContain('本年新收申请件数为0');
    expect(f[0]!.message).toContain('为3');
  });

  it('R11 accepts the structured fee facts or the 六 text that states them', () => {
    const r = busy();
    r.fee = { status: null, notices: null, amount: null, collectedAmount: null };
    expect(checkReport(template, r, { mode: 'final' }).filter((f) => f.rule === 'R11').map((f) => f.level)).toEqual(['error']);
    expect(checkReport(template, r, { mode: 'draft' }).filter((f) => f.rule === 'R11').map((f) => f.level)).toEqual(['incomplete']);
    r.narrative.other = '本机关2024年未收取信息处理费。';
    expect(checkReport(template, r, { mode: 'final' }).filter((f) => f.rule === 'R11')).toEqual([]);
    r.fee = { status: 'collected', notices: 1, amount: null, collectedAmount: 0 };
    r.narrative.other = '无';
    expect(checkReport(template, r, { mode: 'final' }).filter((f) => f.rule === 'R11')).toHaveLength(1);
  });

  it('R13 ignores the office phone, invalid ID numbers and ordinary long numbers', () => {
    const r = busy();
    r.contact.phone = '13912345678';
    r.narrative.other = '咨询电话13912345678；文号2024001号；编号110105194912310021（校验位错误）。';
    expect(checkReport(template, r).filter((f) => f.rule === 'R13')).toEqual([]);
    r.narrative.other = `银行卡${withLuhn('622202020011223344')}。`;
    const hits = checkReport(template, r).filter((f) => f.rule === 'R13');
    expect(hits.map((f) => f.message)).toEqual([expect.stringContaining('银行卡号“622')]);
  });

  it('R14 compares each text with last year and tolerates real revision', () => {
    const r = busy();
    r.lastYear = { year: 2023, values: {}, narrative: { ...r.narrative } };
    r.narrative.problems = '2024年存在的问题是：社区公开栏内容更新慢，部分办事指南与实际不符，群众查询不便。已按上年度问题清单完成整改。';
    const slots = checkReport(template, r).filter((f) => f.rule === 'R14').map((f) => f.text);
    expect(slots).not.toContain('problems');
    expect(slots).toContain('overview.oversight');
  });

  it('R16 wants the organ and the 成文日期 before publication', () => {
    const r = busy();
    r.organ.name = ' ';
    r.dates.written = null;
    expect(checkReport(template, r, { mode: 'final' }).filter((f) => f.rule === 'R16').map((f) => [f.level, f.message])).toEqual([
      ['error', '报告基本信息：机关名称（发文机关署名）尚未填写，正式发布的报告必须写明'],
      ['error', '报告基本信息：成文日期尚未填写，正式发布的报告必须写明'],
    ]);
    expect(checkReport(template, r).filter((f) => f.rule === 'R16').map((f) => f.level)).toEqual(['incomplete', 'incomplete']);
  });

  it('R17 warns about text copied from last year and not yet revised; next year starts a fresh preface', () => {
    const next = nextYearReport(template, busy());
    next.narrative.preface = undefined;
    const r17 = checkReport(template, next).filter((f) => f.rule === 'R17');
    // A text whose sentences R29 marks one by one is left to R29.
    const marked = new Set(checkReport(template, next).filter((f) => f.rule === 'R29').map((f) => f.text));
    expect(marked.size).toBeGreaterThan(0);
    expect(r17.map((f) => f.text)).toEqual(next.revise!.filter((slot) => !marked.has(slot)));
    expect(next.revise).not.toContain('preface');
    expect(next.narrative.preface).toBeUndefined();
    const short = { ...next, narrative: { ...next.narrative, overview: '无。' } };
    const overview = checkReport(template, short).filter((f) => f.rule === 'R17' && f.text === 'overview');
    expect(overview.map((f) => f.message)).toEqual(['一、总体情况沿用上一年度报告的文字，尚未按本年情况改写']);
    // R14 does not repeat R17 for text still marked as copied …
    expect(checkReport(template, next).filter((f) => f.rule === 'R14')).toEqual([]);
    next.revise = [];
    expect(checkReport(template, next).filter((f) => f.rule === 'R17')).toEqual([]);
    // … and speaks once the mark is gone but the text is still last year's.
    expect(checkReport(template, next).filter((f) => f.rule === 'R14').length).toBeGreaterThan(0);
  });

  it('R18 catches a report whose year the template does not cover (the superseded grid used again)', () => {
    const r = busy();
    expect(checkReport(template, r).filter((f) => f.rule === 'R18')).toEqual([]);
    r.year = 2020;
    const r18 = checkReport(template, r).filter((f) => f.rule === 'R18');
    expect(r18.map((f) => [f.level, f.message])).toEqual([
      ['error', '报告年度2020年不适用本格式：“政府信息公开工作年度报告（2021年格式）”依据国办公开办函〔2021〕30号，适用于2021年起的报告；2020年度的报告应使用当年适用的格式'],
    ]);
    expect(r18[0]!.params.path).toBe('year');
  });

  it('R15 uses the level-specific deadline and the 成文日期', () => {
    const r = busy();
    r.dates.written = '2025-03-01';
    r.organ.level = 'county-government';
    expect(rules(checkReport(template, r))).not.toContain('R15');
    r.dates.written = '2025-04-01';
    expect(checkReport(template, r).find((f) => f.rule === 'R15')?.message).toBe('成文日期2025年4月1日晚于公开期限2025年3月31日');
    r.dates.written = null;
    expect(checkReport(template, r, { mode: 'final', today: '2025-04-02' }).find((f) => f.rule === 'R15')?.message).toBe(
      '今天（2025年4月2日）已过公开期限2025年3月31日，请尽快完成并发布',
    );
    expect(rules(checkReport(template, r, { mode: 'draft', today: '2025-04-02' }))).not.toContain('R15');
  });

  it('orders errors before warnings before incomplete items', () => {
    const r = readReport('test/fixtures/broken/R1-carry-forward.json');
    r.values['article-20:penalty:decisions'] = null;
    r.dates.written = '2025-03-01';
    const levels = checkReport(template, r).map((f) => f.level);
    expect(levels).toEqual([...levels].sort((a, b) => ['error', 'warning', 'incomplete'].indexOf(a) - ['error', 'warning', 'incomplete'].indexOf(b)));
    expect(new Set(levels)).toEqual(new Set(['error', 'warning', 'incomplete']));
  });
});
