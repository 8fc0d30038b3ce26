// .docx import: nianbao's own export imports back to the same report (examples and random
// reports), a hand-built published report with the usual defects imports with honest notes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { computeValues, type Report } from '../../src/core';
import { renderDocx } from '../../src/render/docx/render-docx';
import { importDocx, readDocx } from '../../src/import';
import { busy, seed002, template } from '../core/fixtures';

const filledNarrative = (r: Report) => Object.fromEntries(Object.entries(r.narrative).filter(([, v]) => (v ?? '').trim() !== ''));

function expectSameReport(got: Report, want: Report): void {
  expect(got.values).toEqual(Object.fromEntries(template.inputCells.map((c) => [c.id, want.values[c.id] ?? null])));
  expect(Object.fromEntries(computeValues(template, got))).toEqual(Object.fromEntries(computeValues(template, want)));
  expect(filledNarrative(got)).toEqual(filledNarrative(want));
  expect(got.organ).toEqual(want.organ);
  expect(got.year).toBe(want.year);
  expect(got.dates).toEqual(want.dates);
  expect(got.fee).toEqual(want.fee);
  expect(got.contact).toEqual(want.contact);
}

describe('round trip: nianbao .docx → import', () => {
  it('seed 002 (draft) imports back to the identical report, printed totals included', async () => {
    const want = seed002();
    const result = importDocx(await renderDocx(template, want, { draft: true }), template);
    expectSameReport(result.report, want);
    expect(result.report.printed).toEqual(want.printed);
    // Only the five blank 行政复议 cells are uncertain.
    expect(result.flagged.sort()).toEqual(template.grid('appeals').cells.filter((c) => c.column.startsWith('review.')).map((c) => c.id).sort());
  });

  it('the busy example (standard preface, fee collected, signature with date) imports back identically', async () => {
    const want = busy();
    const result = importDocx(await renderDocx(template, want), template);
    expectSameReport(result.report, want);
    expect(result.flagged).toEqual([]);
  });

  it('property: random reports survive render → import (values, totals, text, organ, fee, dates)', async () => {
    const cellsArb = fc.tuple(
      ...template.inputCells.map((c) =>
        c.kind === 'amount'
          ? fc.option(fc.integer({ min: 0, max: 99_999_999 }).map((n) => n / 10_000), { freq: 6 })
          : fc.option(fc.nat({ max: 99_999 }), { freq: 6 }),
      ),
    );
    const factsArb = fc.record({
      year: fc.integer({ min: 2021, max: 2035 }),
      organ: fc.constantFrom(
        { name: '示例县甲镇人民政府', titleName: '示例县甲镇', level: 'township' },
        { name: '示例市乙区丙街道办事处', titleName: '乙区丙街道', level: 'subdistrict' },
      ),
      written: fc.option(fc.date({ min: new Date('2022-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
      fee: fc.oneof(
        fc.constant({ status: 'none' as const, notices: null, amount: null, collectedAmount: null }),
        fc.record({ status: fc.constant('collected' as const), notices: fc.nat({ max: 50 }), amount: fc.nat({ max: 9999 }), collectedAmount: fc.nat({ max: 9999 }) }),
      ),
    });
    await fc.assert(
      fc.asyncProperty(cellsArb, factsArb, async (cells, facts) => {
        const want = busy();
        want.values = Object.fromEntries(template.inputCells.map((c, i) => [c.id, cells[i] ?? null]));
        want.year = facts.year;
        want.organ = facts.organ;
        want.dates = { written: facts.written, deadline: null };
        want.fee = facts.fee;
        const result = importDocx(await renderDocx(template, want), template);
        expectSameReport(result.report, want);
        // Every blank is flagged; no number is.
        const blanks = template.inputCells.filter((c) => want.values[c.id] == null).map((c) => c.id);
        expect(result.flagged.filter((id) => !template.cells.get(id)!.computed).sort()).toEqual(blanks.sort());
      }),
      { numRuns: 4 },
    );
  });
});

// ---- a published report built by hand, with the defects seen in the wild ---------------------

type Spec = { t: string; c?: number; r?: number };
const cell = (s: Spec) =>
  new TableCell({
    columnSpan: s.c,
    rowSpan: s.r,
    children: s.t.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })),
  });
const table = (rows: Spec[][]) => new Table({ rows: rows.map((r) => new TableRow({ children: r.map(cell) })) });
const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });

const OUTCOMES = [
  ['（一）予以公开'], ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  ['（三）不予公开', '1.属于国家秘密', '2.其他法律行政止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'],
  ['（四）无法提供', '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'],
  ['（五）不予处理', '1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'],
  ['（六）其他处理'], // printed as ONE row (2019 layout)
  ['（七）总计'],
];
const seven = (n: number): Spec[] => [1, 2, 3, 4, 5, 6].map((i) => ({ t: String(i === 1 ? n : 0) })).concat([{ t: String(n) }]);

function applicationsTable(): Table {
  const rows: Spec[][] = [
    [{ t: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', c: 3, r: 3 }, { t: '申请人情况', c: 7 }],
    [{ t: '自然人', r: 2 }, { t: '法人或其他组织', c: 5 }, { t: '总计', r: 2 }],
    [{ t: '商业 企业' }, { t: '科研\n机构' }, { t: '社会公益组织' }, { t: '法律服务机构' }, { t: '其他' }],
    [{ t: '一、本年新收政府信息公开申请数量', c: 3 }, ...seven(5)],
    [{ t: '二、上年结转政府信息公开申请数量', c: 3 }, ...seven(1)],
  ];
  const outcomeRows = OUTCOMES.reduce((s, g) => s + Math.max(1, g.length - 1), 0);
  let first = true;
  for (const group of OUTCOMES) {
    const lead: Spec[] = first ? [{ t: '三、本年度办理结果', r: outcomeRows }] : [];
    first = false;
    if (group.length === 1) {
      const n = group[0] === '（一）予以公开' ? 3 : group[0] === '（七）总计' ? 6 : group[0] === '（六）其他处理' ? 1 : 0;
      rows.push([...lead, { t: group[0]!, c: 2 }, ...seven(n)]);
      continue;
    }
    group.slice(1).forEach((leaf, i) => {
      const values = seven(leaf.startsWith('1.本机关') ? 2 : 0);
      if (leaf === '2.重复申请') values[1] = { t: '/' };
      if (leaf === '3.要求提供公开出版物') values[2] = { t: '' };
      rows.push([...(i === 0 ? [...lead, { t: group[0]!, r: group.length - 1 }] : []), { t: leaf }, ...values]);
    });
  }
  rows.push([{ t: '四、结转下年度继续办理', c: 3 }, ...seven(0)]);
  return table(rows);
}

function appealsTable(): Table {
  const five = (x: string[]) => x.map((t) => ({ t, r: 1 }));
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return table([
    [{ t: '行政复议', c: 5 }, { t: '行政诉讼', c: 10 }],
    [...results.map((t) => ({ t, r: 2 })), { t: '未经复议直接起诉', c: 5 }, { t: '复议后起诉', c: 5 }],
    [...five(results), ...five(results)],
    ['1', '0', '0', '0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'].map((t) => ({ t })),
  ]);
}

async function publishedDocx(): Promise<Uint8Array> {
  const art20 = (title: string, header: string[], rows: string[][]) =>
    table([
      [{ t: title, c: 4 }],
      [{ t: header[0]! }, ...(header.length === 2 ? [{ t: header[1]!, c: 3 }] : header.slice(1).map((t) => ({ t })))],
      ...rows.map((r) => [{ t: r[0]! }, ...(r.length === 2 ? [{ t: r[1]!, c: 3 }] : r.slice(1).map((t) => ({ t })))]),
    ]);
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('示例县甲镇 2022 年政府信息公开工作年度报告')] }),
          p('本报告依据《中华人民共和国政府信息公开条例》编制。'),
          p('一、总体情况'),
          p('2022年，甲镇认真贯彻《条例》。'),
          p('（一）主动公开'),
          p('全年主动公开信息120条。'),
          p('（二）依申请公开'),
          p('全年收到申请5件。'),
          p('（三）政府信息管理情况。'),
          p('落实保密审查制度。'),
          p('（四）平台建设'),
          p('维护政府网站栏目。'),
          p('（五）监督保障'),
          p('开展培训2次。'),
          p('二、主动公开政府信息情况'),
          art20('第二十条第（一）项', ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], [['规章', '0', '/', '0'], ['行政规范\n性文件', '2', '1', '7']]),
          art20('第二十条第（五）项', ['信息内容', '本年处理决定数量'], [['行政许可', '1,234']]),
          art20('第二十条第（六）项', ['信息内容', '本年处理决定数量'], [['行政处罚', '3'], ['行政强制', '—']]),
          art20('第二十条第（八）项', ['信息内容', '本年收费金额（单位：万元）'], [['行政事业型收费', '7730.28']]),
          p('三、收到和处理政府信息公开申请情况'),
          applicationsTable(),
          p('四、政府信息公开行政复议、行政诉讼情况'),
          appealsTable(),
          p('五、存在的主要问题及改进情况'),
          p('一是公开质量有待提高。'),
          p('六、其他需要报告的事项'),
          p('本机关2022年共发出收费通知2件，总金额150元，实际收取总金额100元。'),
          p('示例县甲镇人民政府'),
          p('2023年1月16日'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('a published .docx with the usual defects', async () => {
  const result = importDocx(await publishedDocx(), template);
  const { report, notes } = result;
  const v = report.values;
  const notesOn = (id: string) => notes.filter((n) => n.cells?.includes(id));

  it('reads title, organ, level, year, date and the fee facts', () => {
    expect(report.organ).toEqual({ name: '示例县甲镇人民政府', titleName: '示例县甲镇', level: 'township' });
    expect(report.year).toBe(2022);
    expect(report.dates.written).toBe('2023-01-16');
    expect(report.fee).toEqual({ status: 'collected', notices: 2, amount: 150, collectedAmount: 100 });
  });

  it('reads the four 第二十条 tables by their labels, thousands separators and 万元 decimals', () => {
    expect(v['article-20:normative-documents:issued']).toBe(2);
    expect(v['article-20:normative-documents:in-force']).toBe(7);
    expect(v['article-20:licensing:decisions']).toBe(1234);
    expect(v['article-20:penalty:decisions']).toBe(3);
    expect(v['article-20:fees:fee-amount']).toBe(7730.28);
  });

  it('keeps "/" and "—" as blanks, never 0, and says so', () => {
    expect(v['article-20:regulations:repealed']).toBeNull();
    expect(v['article-20:enforcement:decisions']).toBeNull();
    expect(v['applications:not-processed.repeated:commercial']).toBeNull();
    for (const id of ['article-20:regulations:repealed', 'article-20:enforcement:decisions', 'applications:not-processed.repeated:commercial']) {
      expect(notesOn(id).some((n) => n.message.includes('按空白导入') && n.message.includes('未当作 0'))).toBe(true);
    }
    expect(v['applications:not-processed.publications:research']).toBeNull();
    expect(notesOn('applications:not-processed.publications:research')[0]?.message).toContain('来源为空白');
  });

  it('matches near-miss labels and flags them', () => {
    expect(v['applications:withheld.prohibited-by-law:natural-person']).toBe(0);
    expect(notesOn('applications:withheld.prohibited-by-law:natural-person')[0]?.message).toContain('其他法律行政止公开');
    expect(notesOn('article-20:fees:fee-amount')[0]?.message).toContain('行政事业型收费');
    // …and hands them to the rules with the official wording.
    expect(report.source?.labels).toEqual(
      expect.arrayContaining([
        { row: 'withheld.prohibited-by-law', printed: '2.其他法律行政止公开', official: '2.其他法律行政法规禁止公开' },
        { row: 'fees', printed: '行政事业型收费', official: '行政事业性收费' },
      ]),
    );
  });

  it('puts the one-row （六）其他处理 into 3.其他 as a flagged guess', () => {
    expect(v['applications:other.other:natural-person']).toBe(1);
    expect(v['applications:other.no-correction:natural-person']).toBeNull();
    expect(notesOn('applications:other.other:natural-person')[0]?.message).toContain('印成一行');
    expect(report.source?.quirks).toContain('other-handling-one-row');
    expect(report.source?.uncertain).toContain('applications:other.other:natural-person');
  });

  it('reads grid 三 through vertical merges and cells with line breaks, and keeps printed totals', () => {
    expect(v['applications:new:natural-person']).toBe(5);
    expect(v['applications:unable.not-held:natural-person']).toBe(2);
    expect(v['applications:new:research']).toBe(0);
    expect(report.printed?.['applications:new:total']).toBe(5);
    expect(report.printed?.['applications:outcome-total:total']).toBe(6);
    expect(v['appeals:cases:review.upheld']).toBe(1);
    expect(report.printed?.['appeals:cases:review.total']).toBe(1);
  });

  it('reads the narrative into the template slots', () => {
    expect(report.narrative['overview.management']).toBe('落实保密审查制度。');
    expect(report.narrative['overview.platforms']).toBe('维护政府网站栏目。');
    expect(report.narrative.problems).toBe('一是公开质量有待提高。');
  });
});

describe('readDocx keeps the table structure', () => {
  it('gives grid columns from w:gridSpan and marks vMerge continuations as covered', async () => {
    const doc = readDocx(await publishedDocx());
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(6);
    const apps = tables[4]!;
    if (apps.kind !== 'table') throw new Error('not a table');
    expect(apps.rows[1]![0]).toMatchObject({ col: 0, span: 3, covered: true });
    expect(apps.rows[1]![1]).toMatchObject({ text: '自然人', col: 3 });
    expect(apps.rows[2]![1]).toMatchObject({ col: 3, covered: true });
    expect(apps.rows[2]![3]).toMatchObject({ text: '科研\n机构', col: 5 });
  });
});

describe('a grid spread over two tables (a page break), header repeated by hand, blank cells', async () => {
  const header: Spec[][] = [
    [{ t: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', c: 3, r: 3 }, { t: '申请人情况', c: 7 }],
    [{ t: '自然人', r: 2 }, { t: '法人或其他组织', c: 5 }, { t: '总计', r: 2 }],
    [{ t: '商业企业' }, { t: '科研机构' }, { t: '社会公益组织' }, { t: '法律服务机构' }, { t: '其他' }],
  ];
  const row = (label: string, values: string[], c = 3): Spec[] => [{ t: label, c }, ...values.map((t) => ({ t }))];
  const first = table([...header, row('一、本年新收政府信息公开申请数量', ['4', '1', '0', '0', '0', '0', '5']), row('二、上年结转政府信息公开申请数量', ['', '', '', '', '', '', ''])]);
  const second = table([...header, row('三、本年度办理结果（一）予以公开', ['4', '1', '0', '0', '0', '0', '5'])]);
  const doc = new Document({
    sections: [{ children: [p('示例县乙镇2023年政府信息公开工作年度报告'), p('三、收到和处理政府信息公开申请情况'), first, p('- 5 -'), second, p('四、政府信息公开行政复议、行政诉讼情况')] }],
  });
  const { report } = importDocx(new Uint8Array(await Packer.toBuffer(doc)), template);

  it('reads both tables as one grid, and keeps printed blanks apart from cells not read', () => {
    expect(report.values['applications:new:natural-person']).toBe(4);
    expect(report.printed?.['applications:new:total']).toBe(5);
    expect(report.values['applications:disclosed:commercial']).toBe(1);
    expect(report.values['applications:carried-over:natural-person']).toBeNull();
    expect(report.source?.unread ?? []).not.toContain('applications:carried-over:natural-person');
    expect(report.source?.unread).toContain('applications:withheld.state-secret:natural-person');
  });
});
