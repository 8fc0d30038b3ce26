// The import engine on the text forms real reports arrive in: digit runs split only where the
// template's sums leave one reading, rows found by their labels whatever the layout, page
// furniture, title/year/organ/dates, sections by headings anywhere, the template chosen by the
// grid, never a refusal of a report with a title, and notes that are true.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeValues, type CellId, type Report, type Template } from '../../src/core';
import { importAny, importText, readText } from '../../src/import';
import { splits, tokenize } from '../../src/import/split-run';
import { nodeRegistry } from '../../src/node/templates';
import { TEXT_FORMS, writeReport, type TextForm } from './text-forms';

const registry = nodeRegistry();
const t2021 = registry.get('gov-info-2021')!;
const t2019 = registry.get('gov-info-2019')!;
const counts = (n: number) => Array.from({ length: n }, () => 'count' as const);

describe('splitting a run of digits', () => {
  it('lists every reading without leading zeros, a lone 0 allowed', () => {
    const all = splits(tokenize('0012')!, counts(3))!;
    expect(all).toEqual([[0, 0, 12]]);
    expect(splits(tokenize('120010013')!, counts(7))!.length).toBeGreaterThan(1);
  });
  it('keeps separators as cell boundaries and digits as one cell when the counts match', () => {
    expect(splits(tokenize('12 0 0 1 0 0 13')!, counts(7))).toEqual([[12, 0, 0, 1, 0, 0, 13]]);
    expect(splits(tokenize('20 0 00 0 121')!, counts(7))!.every((r) => r[0] === 20 || r[0] === 2)).toBe(true);
  });
  it('starts a signed change at its minus sign, keeps decimals in amounts, reads dashes as blanks', () => {
    const kinds = ['count', 'change', 'count'] as const;
    const all = splits(tokenize('2648-18538')!, [...kinds])!;
    expect(all.every((r) => r[0] === 2648 && (r[1] as number) < 0)).toBe(true);
    expect(splits(tokenize('4166.214619')!, ['amount'])).toEqual([[4166.214619]]);
    expect(splits(tokenize('4166.21')!, ['count'])).toEqual([]);
    expect(splits(tokenize('— 3 /')!, counts(3))).toEqual([[null, 3, null]]);
    expect(tokenize('共3件，其中')).toBeNull();
  });
});

const OUTCOMES = [
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（三）不予公开1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”',
  '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项', '（四）无法提供1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确', '（五）不予处理1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息', '（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他',
];
/** A one-line 2021 report (as web pages lose their tables): grid 三 with the given runs. */
const flatReport = (runs: { new: string; disclosed: string; total: string }) =>
  [
    '某某镇2023年政府信息公开工作年度报告',
    '一、总体情况本年工作平稳。',
    '三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他',
    `一、本年新收政府信息公开申请数量${runs.new}二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开${runs.disclosed}`,
    ...OUTCOMES.map((label) => `${label}0000000`),
    `（七）总计${runs.total}四、结转下年度继续办理0000000`,
    '四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况无。 某某镇人民政府 2024年1月5日',
  ].join('');
const row = (report: Report, row: string) =>
  ['natural-person', 'commercial', 'research', 'public-interest', 'legal-services', 'other-organisation'].map((c) => report.values[`applications:${row}:${c}`]);

describe('a one-line report with rows run together', () => {
  it('reads a run whose row total leaves one split (190000019 = 19,0,0,0,0,0,19)', () => {
    const { report, notes } = importText(flatReport({ new: '190000019', disclosed: '1900000 19', total: '19 0 0 0 0 0 19' }), t2021);
    expect(row(report, 'new')).toEqual([19, 0, 0, 0, 0, 0]);
    expect(report.printed?.['applications:new:total']).toBe(19);
    expect(notes.some((n) => n.place.endsWith('一、本年新收政府信息公开申请数量') && n.message.includes('只有一种拆分'))).toBe(true);
    expect(report.source?.uncertain ?? []).toEqual([]);
  });
  it('keeps a run that two readings satisfy (120010013: 12,0,0,1,0,0,13 or 1,2,0,0,10,0,13) uncertain', () => {
    const { report, notes } = importText(flatReport({ new: '120010013', disclosed: '12 0 0 1 0 0 13', total: '12 0 0 1 0 0 13' }), t2021);
    // Both readings agree on 科研机构 0, 其他 0 and 总计 13: those are read; the rest is not.
    expect(row(report, 'new')).toEqual([null, null, 0, null, null, 0]);
    expect(report.printed?.['applications:new:total']).toBe(13);
    expect(report.source?.uncertain).toEqual(['natural-person', 'commercial', 'public-interest', 'legal-services'].map((c) => `applications:new:${c}`));
    expect(notes.find((n) => n.place.endsWith('一、本年新收政府信息公开申请数量'))?.message).toMatch(/120010013.*2 种拆分/);
  });
  it('settles a run by the column totals of the rows already read', () => {
    // 予以公开 alone is ambiguous like row 一 above; 总计 printed with spaces decides its columns.
    const { report } = importText(flatReport({ new: '12 0 0 1 0 0 13', disclosed: '120010013', total: '12 0 0 1 0 0 13' }), t2021);
    expect(row(report, 'disclosed')).toEqual([12, 0, 0, 1, 0, 0]);
    expect(report.source?.uncertain ?? []).toEqual([]);
  });
  it('leaves a run with several readings uncertain, never guessed, and names it', () => {
    // 1111: 11,1 / 1,11 … with no sum to decide between them (a three-cell 第二十条 row).
    const text = '某某镇2023年政府信息公开工作年度报告二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件3021第二十条第（五）项信息内容本年处理决定数量行政许可7三、收到和处理政府信息公开申请情况';
    const { report, notes } = importText(text, t2021);
    expect(report.values['article-20:normative-documents:issued']).toBeNull();
    expect(report.source?.uncertain).toEqual(expect.arrayContaining(['article-20:normative-documents:issued', 'article-20:normative-documents:in-force']));
    expect(report.values['article-20:regulations:issued']).toBe(0);
    expect(report.values['article-20:licensing:decisions']).toBe(7);
    expect(notes.find((n) => n.place.includes('行政规范性文件'))?.message).toContain('3021');
  });
  it('keeps a cell on which every reading agrees (4500 as 45,0,0 or 4,50,0: the last is 0)', () => {
    const text = '某某镇2020年政府信息公开工作年度报告二、主动公开政府信息情况第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可4500其他对外管理服务事项000三、收到';
    const { report } = importText(text, t2019);
    expect(report.values['article-20:licensing:decisions']).toBe(0);
    expect(report.values['article-20:licensing:previous-items']).toBeNull();
    expect(report.source?.uncertain).toEqual(['article-20:licensing:previous-items', 'article-20:licensing:change']);
  });
});

/** A random consistent report of a template: input values, totals computed, as a writer prints them. */
function arbitraryValues(template: Template, digits: 'one' | 'many') {
  const inputs = template.inputCells;
  const value = (kind: string) =>
    kind === 'amount'
      ? fc.integer({ min: 0, max: 99_999 }).map((n) => (digits === 'one' ? n % 10 : n / 100))
      : kind === 'change'
        ? fc.integer({ min: -99, max: 99 }).map((n) => (digits === 'one' ? Math.abs(n) % 10 : n))
        : fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 9 }) }, { weight: digits === 'one' ? 0 : 1, arbitrary: fc.integer({ min: 10, max: 999 }) });
  return fc.tuple(...inputs.map((c) => value(c.kind))).map((vals) => {
    const report = { values: Object.fromEntries(inputs.map((c, i) => [c.id, vals[i]!])) } as Pick<Report, 'values' | 'printed'>;
    return computeValues(template, report);
  });
}

const facts = { organ: '某某县某某镇', year: 2023, written: '2024-01-05' };
const narrative = (template: Template) => Object.fromEntries(template.spec.sections.filter((s) => !s.grids?.length).map((s, i) => [s.id, `本节情况说明甲乙丙${'丁'.repeat(i)}。`]));

function reimport(template: Template, values: ReadonlyMap<CellId, number | null>, form: TextForm) {
  const year = template.id === 'gov-info-2019' ? 2020 : facts.year;
  const text = writeReport(template, { ...facts, year }, values, narrative(template), form);
  return importAny(readText(text), registry);
}

describe('property: random consistent reports written in each text form import to the same values', () => {
  for (const template of [t2021, t2019]) {
    for (const form of TEXT_FORMS) {
      it(`${template.id} · ${form}`, () => {
        fc.assert(
          fc.property(arbitraryValues(template, form === 'flat' ? 'one' : 'many'), (values) => {
            const result = reimport(template, values, form);
            expect(result.template.id).toBe(template.id);
            for (const c of template.inputCells) expect(result.report.values[c.id], `${form} ${c.id}`).toBe(values.get(c.id));
            for (const [id, cell] of template.cells) if (cell.computed) expect(result.report.printed?.[id], `${form} ${id}`).toBe(values.get(id));
            expect(result.report.source?.uncertain ?? []).toEqual([]);
            expect(result.report.source?.unread ?? []).toEqual([]);
            expect(result.report.organ.name).toBe(facts.organ);
            expect(result.report.dates.written).toBe(facts.written);
            for (const [slot, text] of Object.entries(narrative(template))) expect(result.report.narrative[slot], `${form} ${slot}`).toBe(text);
          }),
          { numRuns: 12 },
        );
      });
    }
  }
  it('2021 · flat with numbers of several digits: every value read is the printed one, the rest uncertain', () => {
    fc.assert(
      fc.property(arbitraryValues(t2021, 'many'), (values) => {
        const result = reimport(t2021, values, 'flat');
        const doubtful = new Set([...(result.report.source?.uncertain ?? []), ...(result.report.source?.unread ?? [])]);
        for (const c of t2021.inputCells) {
          const got = result.report.values[c.id];
          if (got !== null) expect(got, c.id).toBe(values.get(c.id));
          else expect(doubtful.has(c.id), c.id).toBe(true);
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('rows found by their labels, whatever surrounds them', () => {
  it('skips a sentence above the grid that names a row (本年制定规章3件，…) and reads the grid row', () => {
    const text = [
      '某某局2023年政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '本年制定规章3件，行政规范性文件若干。',
      // No block title printed: nothing but the order of the labels places the grid.
      '信息内容 本年制发件数 本年废止件数 现行有效件数',
      '规章 0 0 0', '行政规范性文件 2 0 5',
      '三、收到和处理政府信息公开申请情况',
    ].join('\n');
    const { report } = importText(text, t2021);
    expect(['issued', 'repealed', 'in-force'].map((c) => report.values[`article-20:regulations:${c}`])).toEqual([0, 0, 0]);
    expect(report.values['article-20:normative-documents:in-force']).toBe(5);
  });

  it('reads a row whose label cell carries pieces of the merged group cell (a PDF without lines), taken as the label printed', () => {
    const rows = [
      ['2.重复申请', '2', '2', '2', '3', '3', '0', '12'],
      ['（五）3.要求提供公开出版物不予处', '3', '2', '0', '1', '1', '2', '9'],
      ['理', '4.无正当理由大量反复申请', '1', '1', '2', '0', '3', '2', '9'],
    ];
    const text = ['某某局2023年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况', ...rows.map((r) => r.join('\t'))].join('\n');
    const r = importText(text, t2021);
    const row = (id: string) => ['natural-person', 'commercial', 'research', 'public-interest', 'legal-services', 'other-organisation'].map((c) => r.report.values[`applications:not-processed.${id}:${c}`]);
    expect(row('publications')).toEqual([3, 2, 0, 1, 1, 2]);
    expect(row('vexatious')).toEqual([1, 1, 2, 0, 3, 2]);
    expect(r.report.source?.labels ?? []).toEqual([]);
  });

  it('joins a label a table without lines wraps over three rows, its numbers beside pieces of the group cells', () => {
    const rows = [
      ['1.本机关不掌握相关政府信息（四）', '2', '2', '2', '0', '3', '3', '12'],
      ['三、本无法提2.没有现成信息需要另行制', ''],
      ['年度办', '2', '1', '3', '0', '2', '2', '10'],
      ['供', '作'],
      ['理结果3.补正后申请内容仍不明确', '2', '3', '1', '2', '1', '0', '9'],
    ];
    const text = ['某某局2023年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况', ...rows.map((r) => r.join('\t'))].join('\n');
    const r = importAny(readText(text), registry, { form: 'pdf' });
    const row = (id: string) => ['natural-person', 'commercial', 'research', 'public-interest', 'legal-services', 'other-organisation'].map((c) => r.report.values[`applications:unable.${id}:${c}`]);
    expect(row('not-held')).toEqual([2, 2, 2, 0, 3, 3]);
    expect(row('needs-creation')).toEqual([2, 1, 3, 0, 2, 2]);
    expect(row('still-unclear')).toEqual([2, 3, 1, 2, 1, 0]);
    expect(r.report.source?.labels ?? []).toEqual([]);
    expect((r.report.source?.unread ?? []).filter((id) => id.startsWith('applications:unable.'))).toEqual([]);
  });

  it('reads 四 under a header whose column words a table without lines broke across lines, one number per column', () => {
    // Cells at the columns a PDF without ruling lines gives them (nianbao's own export, borders removed).
    const at = (cells: [number, string][]) => { const row = Array<string>(16).fill(''); for (const [c, t] of cells) row[c] = t; return row.join('\t'); };
    const numbers = [21, 10, 1, 18, 50, 1, 5, 10, 26, 42, 28, 30, 7, 4, 69];
    const header = [
      at([[3, '行政复议'], [10, '行政诉讼']]),
      at([[7, '未经复议直接起诉'], [13, '复议后起诉']]),
      at([[0, '结果结果其他尚未']]),
      at([[5, '总计结果结果其他尚未'], [11, '结果结果其他尚未']]),
      at([[1, '维持纠正结果审结'], [10, '总计'], [15, '总计']]),
      at([[6, '维持纠正结果审结'], [11, '维持纠正结果审结']]),
    ];
    const read = (rows: string[]) => importAny(readText(['某某局2023年政府信息公开工作年度报告', '四、政府信息公开行政复议、行政诉讼情况', ...rows].join('\n')), registry, { form: 'pdf' }).report.values;
    const values = read([...header, at(numbers.map((n, i) => [i + 1, String(n)]))]);
    expect(['review.upheld', 'review.pending', 'direct.upheld', 'direct.pending', 'after-review.pending'].map((c) => values[`appeals:cases:${c}`])).toEqual([21, 18, 1, 26, 4]);
    // One number missing: no placement is certain, nothing is read.
    const short = read([...header, at(numbers.slice(1).map((n, i) => [i + 2, String(n)]))]);
    expect(Object.keys(short).filter((id) => id.startsWith('appeals:') && short[id] != null)).toEqual([]);
  });
});

describe('（六）其他处理 printed as one row (the 2019 layout) in a 2021 report', () => {
  it('reads none of its three rows, marks them uncertain and names the quirk', () => {
    const rows = OUTCOMES.slice(0, -3).map((label) => `${label}0000000`).join('');
    const text = `某某镇2023年政府信息公开工作年度报告三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量3000003二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开2000002${rows}（六）其他处理1000001（七）总计3000003四、结转下年度继续办理0000000四、政府信息公开行政复议`;
    const { report } = importText(text, t2021);
    expect(report.source?.quirks).toContain('other-handling-one-row');
    expect(report.values['applications:other.other:natural-person']).toBeNull();
    expect(report.source?.uncertain).toEqual(expect.arrayContaining(['applications:other.other:natural-person', 'applications:other.no-correction:total']));
    expect(report.values['applications:disclosed:natural-person']).toBe(2);
  });
});

describe('property: labels as real pages print them (spaces inside, half-width brackets, 1、) read the same', () => {
  /** Spaces inside words, （ ） as ( ), "1." as "1、": what copying a web page or a PDF does to labels. */
  const noisy = (text: string, seed: number) => {
    let k = seed;
    const rnd = () => ((k = (k * 1103515245 + 12345) % 2147483648) / 2147483648);
    return text
      .split('\n')
      .map((line) => {
        const m = /^(\S+?)((\s+[-\d.]+)+)$/.exec(line);
        const label = m ? m[1]! : line;
        const noisyLabel = [...label]
          .map((ch) => (/[\u4e00-\u9fff]/.test(ch) && rnd() < 0.15 ? `${ch} ` : ch))
          .join('')
          .replace(/（/g, () => (rnd() < 0.5 ? '(' : '（'))
          .replace(/）/g, () => (rnd() < 0.5 ? ')' : '）'))
          .replace(/^(\d)\./, (_, d: string) => (rnd() < 0.5 ? `${d}、` : `${d}.`));
        return m ? noisyLabel + m[2] : noisyLabel;
      })
      .join('\n');
  };
  for (const template of [t2021, t2019]) {
    it(template.id, () => {
      fc.assert(
        fc.property(arbitraryValues(template, 'many'), fc.nat(), (values, seed) => {
          const year = template.id === 'gov-info-2019' ? 2020 : facts.year;
          const text = noisy(writeReport(template, { ...facts, year }, values, narrative(template), 'spaces'), seed);
          const result = importAny(readText(text), registry);
          expect(result.template.id).toBe(template.id);
          for (const c of template.inputCells) expect(result.report.values[c.id], c.id).toBe(values.get(c.id));
          expect(result.report.source?.uncertain ?? []).toEqual([]);
        }),
        { numRuns: 15 },
      );
    });
  }
});

describe('a Markdown table with empty cells', () => {
  it('reads an empty cell between pipes as the publisher blank, in its column', () => {
    const text = [
      '# 某某局2023年政府信息公开工作年度报告',
      '## 三、收到和处理政府信息公开申请情况',
      // No header row: only the pipes say where each number stands.
      '| 一、本年新收政府信息公开申请数量 | 12 |  |  |  |  |  | 12 |',
      '| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    ].join('\n');
    const { report } = importText(text, t2021);
    expect(['natural-person', 'commercial', 'other-organisation'].map((c) => report.values[`applications:new:${c}`])).toEqual([12, null, null]);
    expect(report.printed?.['applications:new:total']).toBe(12);
    expect(report.source?.unread ?? []).not.toContain('applications:new:commercial');
    expect(report.source?.uncertain ?? []).not.toContain('applications:new:commercial');
  });
});
