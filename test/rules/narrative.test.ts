// Narrative against the grids and facts, in the words real reports use: R10 numbers, R11 the fee
// stated, R19 the fee against the grid, R12 last year's problems item by item, R14 on the unit's
// own words. Quotes come from the corpus copy (real()) unless marked as made up.
import { describe, expect, it } from 'vitest';
import { checkReport, computeValues, createReport } from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';
import { busy, findingsOf, published, real, realTexts, template } from './helpers';

describe('R10: numbers in the narrative against the grids', () => {
  it('reads 受理/收到…申请N件 (spaces before 件 too), 上年结转, 结转下年度, 已全部办结, 行政复议/诉讼 N件', () => {
    const r = busy();
    const v = (id: string) => findingsOf('R10', r).filter((f) => f.cells.includes(id));
    r.narrative['overview.request'] = real('02_', '2021年共受理政府信息公开申请8件，已全部在规定时间内答复及办结。');
    const newTotal = 'applications:new:total';
    expect(v(newTotal).map((f) => f.params.stated)).toEqual([8]);
    expect(v('applications:carry-forward:total').map((f) => f.params.stated)).toEqual([0]);
    r.narrative['overview.request'] = '全年收到政府信息公开申请 8 件。'; // made up: spaces as PDFs print them
    expect(v(newTotal).map((f) => f.params.stated)).toEqual([8]);
    for (const form of [
      real('17_', '办理依申请公开19件'),
      real('18_', '全年受理依申请公开3件'),
      real('13_', '收到群众通过邮寄、网络提交的各类政府信息公开申请共计8件'),
      real('09_', '2025年我局共收到政府网站上政府信息公开申请件2件'),
    ]) {
      r.narrative['overview.request'] = form;
      expect(v(newTotal).map((f) => f.params.quote), form).toEqual([expect.stringContaining(form.slice(-6))]);
    }
    r.narrative.appeals = '本年度发生行政复议3件，行政诉讼2件。'; // made up
    const f = findingsOf('R10', r);
    expect(f.find((x) => x.params.what === '行政复议件数')?.params.stated).toBe(3);
    expect(f.find((x) => x.params.what === '行政诉讼件数')?.cells).toEqual(['appeals:cases:direct.total', 'appeals:cases:after-review.total']);
  });

  it('reads 0 in the other ways units say it (暂未接到…依申请公开信息申请, 未收到…公开政府信息申请, 事项0项) and 行政处罚决定N起', () => {
    const r = busy();
    const stated = (id: string) => findingsOf('R10', r).filter((f) => f.cells.includes(id)).map((f) => f.params.stated);
    const newTotal = 'applications:new:total';
    expect(r.printed?.[newTotal]).toBeGreaterThan(0);
    for (const zero of [
      real('04_', '2021年暂未接到群众对依申请公开信息申请'),
      real('14_', '2019年，未收到公民提出的公开政府信息申请'),
      real('06_', '本年度收到依申请公开事项0项'),
    ]) {
      r.narrative['overview.request'] = zero;
      expect(stated(newTotal), zero).toEqual([0]);
    }
    r.narrative['overview.active'] = real('23_', '立案查处各类违法行为并作出行政处罚决定640起');
    expect(stated('article-20:penalty:decisions')).toEqual([640]);
    // Made up: the same words agreeing with the grid, and a 起 that counts no 行政处罚 decision.
    r.values['article-20:penalty:decisions'] = 640;
    r.narrative['overview.active'] = '作出行政处罚决定640起，调解纠纷12起。';
    expect(stated('article-20:penalty:decisions')).toEqual([]);
  });

  it('reads 无法提供/不予公开/不予处理 N件 against the sum of their rows, not 不予公开N条 (documents)', () => {
    const r = busy();
    const v = computeValues(template, r);
    const rows = (group: string, ids: string[]) => ids.map((x) => `applications:${group}.${x}:total`);
    const sumOf = (ids: string[]) => ids.reduce((a, id) => a + (v.get(id) ?? 0), 0);
    const unable = rows('unable', ['not-held', 'needs-creation', 'still-unclear']);
    const withheld = rows('withheld', ['state-secret', 'prohibited-by-law', 'three-securities', 'third-party', 'internal-affairs', 'process-info', 'enforcement-files', 'inquiry-matters']);
    const refused = rows('not-processed', ['petition', 'repeated', 'publications', 'vexatious', 'confirmation']);
    const said = () => findingsOf('R10', r).map((x) => [x.params.what, x.params.stated, x.cells]);
    expect(sumOf(unable)).not.toBe(4);
    r.narrative['overview.request'] = real('13_', '其中，同意公开3件，占比37.5%；无法提供4件');
    expect(said()).toEqual([['无法提供件数', 4, unable]]);
    r.narrative['overview.request'] = `无法提供${sumOf(unable)}件，不予公开${sumOf(withheld)}件，不予处理${sumOf(refused)}件。`; // made up
    expect(said()).toEqual([]);
    r.narrative['overview.request'] = `不予公开${sumOf(withheld) + 1}件，不予处理${sumOf(refused) + 2}件。`; // made up
    expect(said()).toEqual([['不予公开件数', sumOf(withheld) + 1, withheld], ['不予处理件数', sumOf(refused) + 2, refused]]);
    r.narrative['overview.request'] = real('18_', '其中主动公开54条、依申请公开316条、不予公开13条');
    expect(said()).toEqual([]);
  });

  it('gives nothing when the words agree with the grid, or state 未收到 with a grid of 0', () => {
    const r = busy();
    const n = (id: string) => r.printed?.[id] ?? 0;
    r.narrative['overview.request'] = `全年共受理政府信息公开申请${n('applications:new:total')}件，上年结转${n('applications:carried-over:total')}件。`;
    expect(findingsOf('R10', r)).toEqual([]);
  });
});

describe('R11: the fee stated in the wordings units use', () => {
  const statements = [
    real('01_', '本年度没有产生信息公开处理费'),
    real('09_', '2025年，无收取信息处理费情况'),
    real('03_', '本年度未产生政府信息公开信息处理费用'),
    real('15_', '本机关依申请提供政府信息，不收取费用'),
    real('18_', '2025年度我局无向申请人收取政府信息公开费用的情况'),
    real('001_', '本年度我镇未发生政府信息依申请公开相关的收费及减免情况'),
    '本机关不存在收费情况。', // made up, from the list
  ];
  it.each(statements)('“%s” states it', (sentence) => {
    const r = busy();
    r.fee = { status: null, notices: null, amount: null, collectedAmount: null };
    r.narrative.other = sentence;
    expect(findingsOf('R11', r, { mode: 'final' })).toEqual([]);
  });
  it('a published report stating only what it collected has stated it, the fee fields read in part', () => {
    const r = published(busy(), { form: 'pdf' });
    // 淮安 2024 (corpus #26, a PDF): the import reads the amount collected, no count of notices.
    r.fee = { status: 'collected', notices: null, amount: null, collectedAmount: 3940 };
    r.narrative.other = '2024年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费3940元。';
    expect(findingsOf('R11', r)).toEqual([]);
    // A clerk who chose 已收取 in the fee fields still fills in the rest before export.
    expect(findingsOf('R11', { ...r, source: undefined }, { mode: 'final' }).map((f) => f.level)).toEqual(['error']);
  });
  it('“无” does not, and a published report is told to check its source (a warning)', () => {
    const r = busy();
    r.fee = { status: null, notices: null, amount: null, collectedAmount: null };
    r.narrative.other = '无。';
    expect(findingsOf('R11', r, { mode: 'final' }).map((f) => f.level)).toEqual(['error']);
    expect(findingsOf('R11', published(r)).map((f) => f.level)).toEqual(['warning']);
  });
});

describe('R19: the fee in 六 against the grid', () => {
  const unpaid = 'applications:other.fee-unpaid:natural-person';
  /** The busy report with no application closed for an unpaid fee (its new applications reduced to match). */
  const noUnpaid = () => {
    const r = busy();
    for (const [id, v] of Object.entries(r.values)) {
      if (!id.includes('other.fee-unpaid') || !v) continue;
      const col = id.split(':')[2];
      r.values[id] = 0;
      r.values[`applications:new:${col}`] = (r.values[`applications:new:${col}`] ?? 0) - v;
    }
    r.printed = undefined;
    return r;
  };
  it('六 says no fee arose while （六）2 shows fee notices were issued', () => {
    const r = noUnpaid();
    r.narrative.other = real('01_', '按照《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）规定的按件、按量收费标准，本年度没有产生信息公开处理费。');
    expect(findingsOf('R19', published(r))).toEqual([]);
    r.values[unpaid] = 1;
    r.values['applications:new:natural-person'] = (r.values['applications:new:natural-person'] ?? 0) + 1;
    const f = findingsOf('R19', published(r));
    expect(f.map((x) => x.params.unpaid)).toEqual([1]);
    expect(f[0]!.message).toContain('本年度没有产生信息公开处理费');
    // Stating the notices issued answers it.
    r.narrative.other = '本年度共发出收费通知1件，申请人逾期未缴费，实际收取0元。'; // made up
    expect(findingsOf('R19', published(r))).toEqual([]);
  });
  it('the reverse: fee facts of 未收取 while the grid or the text shows notices; a count that differs', () => {
    const r = noUnpaid();
    r.fee = { status: 'none', notices: null, amount: null, collectedAmount: null };
    r.values[unpaid] = 2;
    expect(findingsOf('R19', r).map((f) => [f.params.unpaid, f.message])).toEqual([[2, expect.stringContaining('总计为2，说明发出过收费通知')]]);
    r.values[unpaid] = 0;
    r.narrative.other = '本年度发出收费通知2件。'; // made up
    expect(findingsOf('R19', r).map((f) => f.message)).toEqual([expect.stringContaining('但正文写“本年度发出收费通知2件。”')]);
    r.values[unpaid] = 0;
    r.fee = { status: 'collected', notices: 3, amount: 30, collectedAmount: 30 };
    r.narrative.other = '本年度发出收费通知2件。'; // made up
    expect(findingsOf('R19', r).map((f) => [f.params.stated, f.params.notices])).toEqual([[2, 3]]);
  });
});

describe('R12: last year problems, item by item', () => {
  const lastYear = real('02_', '一是政府门户网站中“基层政务公开”栏目更新不及时；二是政务公开的形式比较单一，载体不够多元化；三是公开的信息多为常规工作信息，缺乏深度。');
  it('reports each item this year does not take up; a sentence with 整改 is not enough', () => {
    const r = busy();
    r.lastYear = { year: 2023, values: {}, narrative: { problems: `（一）存在的主要问题 ${lastYear}（二）改进措施 一是不断规范工作。` } };
    r.narrative.problems = '针对上年报告指出的问题，我局已全部整改到位。'; // made up
    expect(findingsOf('R12', r).map((f) => f.params.item)).toEqual([
      '政府门户网站中“基层政务公开”栏目更新不及时',
      '政务公开的形式比较单一，载体不够多元化',
      '公开的信息多为常规工作信息，缺乏深度',
    ]);
    r.narrative.problems =
      '针对上年问题：“基层政务公开”栏目已安排专人每周更新；通过图解、短视频等载体丰富公开形式；减少常规工作信息，增加有深度的解读。'; // made up
    expect(findingsOf('R12', r).map((f) => f.params.item)).toEqual([]);
  });
  it('reads clauses when last year used no markers (#19), and nothing without last year', () => {
    const r = busy();
    r.lastYear = { year: 2023, values: {}, narrative: { problems: real('19_', '政府信息公开的深度和广度有待进一步拓展，政策解读、政民互动水平有待进一步提升。下一步') } };
    r.narrative.problems = '本年加强了政策解读，拓展政民互动渠道。'; // made up
    expect(findingsOf('R12', r).map((f) => f.params.item)).toEqual(['政府信息公开的深度和广度有待进一步拓展']);
    r.lastYear = undefined;
    expect(findingsOf('R12', r)).toEqual([]);
  });
});

describe('R14: only the unit own words are compared', () => {
  it('the template sentences, grid labels and figures do not make two texts alike', () => {
    const r = busy();
    const preface = realTexts().find((t) => t.file.startsWith('01_'))!.text.match(/根据《中华人民共和国政府信息公开条例》[^]*?联系（[^）]*）。/)![0];
    r.narrative.preface = preface;
    r.narrative.other = real('01_', '按照《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）规定的按件、按量收费标准，本年度没有产生信息公开处理费。');
    r.lastYear = { year: 2023, values: {}, narrative: { preface, other: r.narrative.other } };
    expect(findingsOf('R14', r)).toEqual([]);
  });
});

describe('R10 on the 2008 统计表, which holds the total the narrative quotes as 主动公开…N条', () => {
  it('reads 主动公开政府信息N条 (#11) against 主动公开政府信息数, both ways', () => {
    const t2008 = nodeRegistry().get('gov-info-2008')!;
    const r = createReport(t2008, 2017);
    r.narrative.preface = real('11_', '主动公开政府信息69条，作为依申请公开信息数1条');
    r.values['statistics:active.total:value'] = 69;
    const r10 = () => checkReport(t2008, r).filter((f) => f.rule === 'R10');
    expect(r10()).toEqual([]);
    r.values['statistics:active.total:value'] = 70;
    expect(r10().map((f) => [f.params.stated, f.params.actual])).toEqual([[69, 70]]);
    // Parts of the total (#24) are not the total.
    r.narrative.preface = real('24_', '其中主动公开政府信息1853条，作为依申请公开信息数107条，不予公开信息数1658条。主动公开的政府信息，县直各单位主动公开政府信息1251条，占67.5%。各乡镇主动公开政府信息602条，占32.5%。');
    r.values['statistics:active.total:value'] = 1853;
    expect(r10()).toEqual([]);
  });
});

describe('R10 on the outcome rows a narrative quotes', () => {
  it('予以公开N件 (#15) against （一）予以公开; 不予公开 is not 予以公开', () => {
    const r = busy();
    for (const slot of Object.keys(r.narrative)) r.narrative[slot] = '';
    const disclosed = r.printed?.['applications:disclosed:total'];
    r.narrative['overview.request'] = `全年共收到政府信息公开申请${r.printed?.['applications:new:total']}件，予以公开${disclosed}件。`;
    expect(findingsOf('R10', r)).toEqual([]);
    r.narrative['overview.request'] = real('15_', '2023年共收到政府信息公开申请1件，予以公开1件');
    expect(findingsOf('R10', r).map((f) => f.params.what)).toContain('予以公开件数');
    r.narrative['overview.request'] = '不予公开1件。'; // made up
    expect(findingsOf('R10', r).map((f) => f.params.what)).not.toContain('予以公开件数');
  });
});
