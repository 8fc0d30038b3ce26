// Everything around the grids of a published report: page furniture, title, year, organ and the
// date the source shows, sections by their headings in any form, the template chosen by the grid,
// never a refusal of a report with a title or a heading, and notes that are true.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAny, importText, readText } from '../../src/import';
import { nodeRegistry } from '../../src/node/templates';

const registry = nodeRegistry();
const t2021 = registry.get('gov-info-2021')!;
const narrativeOf = (text: string) => importText(text, t2021).report.narrative;

describe('page furniture', () => {
  // The crawler's header and a page's chrome, as in test/fixtures/corpus (labelled example).
  const page = [
    '标题: 某某县某某镇2023年政府信息公开工作年度报告',
    '发布时间: 2024-01-12 08:58',
    '文号: ',
    '发布机构: 某某县某某镇',
    '原文链接: https://www.example.gov.cn/t20240119_1.htm',
    '==================== 正文 ====================',
    '首页>政务公开>政府信息公开年报',
    '#',
    '根据《中华人民共和国政府信息公开条例》，编制本报告。',
    '一、总体情况',
    '本年工作平稳。',
    'Page8-',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。',
    '附件下载',
  ].join('\n');
  const { report } = importText(page, t2021);

  it('keeps the header facts (标题, 发布时间) and none of the furniture in the text', () => {
    expect(report.source?.title).toBe('某某县某某镇2023年政府信息公开工作年度报告');
    expect(report.source).toMatchObject({ shownDate: '2024-01-12', shownDateKind: 'published' });
    expect(report.year).toBe(2023);
    expect(report.organ).toMatchObject({ name: '某某县某某镇人民政府', titleName: '某某县某某镇', level: 'township' });
    const all = Object.values(report.narrative).join('\n');
    for (const junk of ['首页', '原文链接', 'Page8', '附件下载', '发布机构', '#']) expect(all).not.toContain(junk);
    expect(report.narrative.preface).toBe('根据《中华人民共和国政府信息公开条例》，编制本报告。');
    expect(report.narrative.overview).toBe('本年工作平稳。');
  });

  it("removes Word's style sheet leaked into a page and a breadcrumb on the same line as the text", () => {
    const line = '当前位置： 首页政务公开政府信息公开年报 某某局2021年政府信息公开工作年度报告 来源： 时间：2022-01-25 10:40 --> 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： Normal 0 7.8 磅 0 2 false false false EN-US ZH-CN X-NONE /* Style Definitions */ table.MsoNormalTable {mso-style-name:普通表格; font-size:10.0pt;} 根据《条例》编制本报告。一、总体情况本年工作平稳。 某某局 2022年1月7日';
    const { report } = importText(`某某局2021年政府信息公开工作年度报告\n${line}`, t2021);
    expect(report.narrative.preface).toBe('根据《条例》编制本报告。');
    expect(report.narrative.overview).toBe('本年工作平稳。');
    expect(report.dates.written).toBe('2022-01-07');
  });
});

describe('title, year, organ and dates', () => {
  it.each([
    ['某某局2023年度政府信息公开工作年度报告', 2023, '某某局'],
    ['某某局关于2021年度政府信息公开工作年度报告', 2021, '某某局'],
    ['某某局2017 年政府信息公开工作年度报告', 2017, '某某局'],
    ['某某县某某镇2019年度政府信息公开年度报告', 2019, '某某县某某镇'],
    ['2022年度某某县某某局政府信息公开工作年度报告', 2022, '某某县某某局'],
    ['某某局关于2020年政府信息公开工作的年度报告', 2020, '某某局'],
    ['【某某局2021年政府信息公开工作年度报告】', 2021, '某某局'],
    ['某某局政府信息公开工作2022年度报告', 2022, '某某局'],
    ['某某局二〇二三年政府信息公开工作年度报告', 2023, '某某局'],
    ['首页 > 政务公开 > 年度报告 > 某某县某某局2022年政府信息公开工作年度报告', 2022, '某某县某某局'],
  ])('reads %s', (title, year, organ) => {
    const { report } = importText(`${title}\n一、总体情况\n本年工作平稳。`, t2021);
    expect(report.year).toBe(year);
    expect(report.organ.titleName ?? report.organ.name).toBe(organ);
    // The title exactly as printed.
    expect(title).toContain(report.source?.title);
  });

  it('takes the year from the statistics period when there is no title, and says so', () => {
    const r = importText('本报告统计期限自2022年1月1日至2022年12月31日。\n一、总体情况\n本年工作平稳。', t2021, { fallbackYear: 1999 });
    expect(r.report.year).toBe(2022);
    expect(r.notes.find((n) => n.place === '年度')?.message).toContain('2022年1月1日');
  });

  it('never takes a year silently: without any, the fallback is named as a guess', () => {
    const r = importText('一、总体情况\n本机关工作平稳。', t2021, { fallbackYear: 2030 });
    expect(r.report.year).toBe(2030);
    expect(r.notes.find((n) => n.place === '年度')?.message).toContain('暂定');
  });

  it('reads the signature at the end of a one-line report, and a date under the title', () => {
    const one = importText('某某局2023年政府信息公开工作年度报告 一、总体情况本年工作平稳。六、其他需要报告的事项无。 某某局 2024年1月12日', t2021);
    expect(one.report.dates.written).toBe('2024-01-12');
    expect(one.report.source).toMatchObject({ shownDate: '2024-01-12', shownDateKind: 'signature' });
    expect(one.report.narrative.other).toBe('无。');
    const under = importText('某某局2023年政府信息公开工作年度报告\n（2024年1月20日）\n一、总体情况\n本年工作平稳。', t2021);
    expect(under.report.source).toMatchObject({ shownDate: '2024-01-20', shownDateKind: 'title' });
    expect(under.report.dates.written).toBeNull();
  });

  it('keeps both the signature date and the 发布时间 of the page, so a report signed in time but published late shows it', () => {
    const both = importText('标题: 某某局2023年政府信息公开工作年度报告\n发布时间: 2024-02-20 09:00\n==================== 正文 ====================\n某某局2023年政府信息公开工作年度报告\n一、总体情况\n本年工作平稳。\n某某局\n2024年1月12日', t2021);
    expect(both.report.source).toMatchObject({ shownDate: '2024-01-12', shownDateKind: 'signature', publishedDate: '2024-02-20' });
    expect(both.report.dates.written).toBe('2024-01-12');
    const signedOnly = importText('某某局2023年政府信息公开工作年度报告\n一、总体情况\n本年工作平稳。\n某某局\n2024年1月12日', t2021);
    expect(signedOnly.report.source?.publishedDate).toBeUndefined();
  });

  it('keeps the text of a one-line report as printed when its date is read', () => {
    const r = importText('某某局2023年政府信息公开工作年度报告 一、总体情况二〇二三年，共公开１２条。六、其他需要报告的事项无。 某某局 二〇二四年一月二十日', t2021);
    expect(r.report.dates.written).toBe('2024-01-20');
    expect(r.report.narrative.overview).toBe('二〇二三年，共公开１２条。');
  });

  it('reads a 成文日期 in Chinese numerals and numbers in full-width digits', () => {
    const r = importText('某某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n规章 ０ ０ ０\n行政规范性文件 １２，０，１２\n三、收到\n某某局\n二〇二四年一月十二日', t2021);
    expect(r.report.dates.written).toBe('2024-01-12');
    expect(['issued', 'repealed', 'in-force'].map((c) => r.report.values[`article-20:normative-documents:${c}`])).toEqual([12, 0, 12]);
  });

  it("prefers the title's name when the signature misprints it by a character, and says so", () => {
    const r = importText('某某县财政金融局2022年政府信息公开工作年度报告\n一、总体情况\n本年工作平稳。\n某某县财政全融局\n2023年1月4日', t2021);
    expect(r.report.organ.name).toBe('某某县财政金融局');
    expect(r.notes.find((n) => n.place === '发文机关署名')?.message).toContain('财政全融局');
  });
});

describe('the fee', () => {
  it.each(['本年度没有产生信息公开处理费。', '2023年，无收取信息处理费情况。', '本年度未发生收费情况。', '本机关不存在收费。', '本年度未产生政府信息公开信息处理费用。', '我局无向申请人收取政府信息公开费用的情况。'])(
    'reads "%s" as no fee collected',
    (sentence) => {
      const r = importText(`某某局2023年政府信息公开工作年度报告\n六、其他需要报告的事项\n${sentence}`, t2021);
      expect(r.report.fee.status).toBe('none');
    },
  );

  it('reads a fee table printed as a section of its own (a local layout), flattened or spaced', () => {
    const none = importText('某某局2024年政府信息公开工作年度报告五、信息处理费收取情况通知收取件数通知收取金额（元）实际收取金额（元）信息处理费收取情况000六、存在的主要问题和改进情况问题甲。', t2021);
    expect(none.report.fee.status).toBe('none');
    const some = importText('某某局2024年政府信息公开工作年度报告\n五、信息处理费收取情况\n通知收取件数 通知收取金额（元） 实际收取金额（元）\n信息处理费收取情况 2 150 100\n六、存在的主要问题和改进情况', t2021);
    expect(some.report.fee).toEqual({ status: 'collected', notices: 2, amount: 150, collectedAmount: 100 });
    // A run with several readings ("2150100") states nothing for certain.
    const run = importText('某某局2024年政府信息公开工作年度报告五、信息处理费收取情况通知收取件数通知收取金额（元）实际收取金额（元）信息处理费收取情况2150100六、存在', t2021);
    expect(run.report.fee.status).toBeNull();
  });

  it.each([
    ['2024 年，市政府严格落实《政府信息公开信息处理费管理\n办法》，全年收取政府信息公开信息处理费 3940 元。', 3940],
    ['本年度共收取信息处理费0.394万元。', 3940],
    ['本年度收取信息处理费1,200元。', 1200],
  ])('reads "%s" as a fee collected (in 元), never as none', (sentence, collected) => {
    const r = importText(`某某市2024年政府信息公开工作年度报告\n六、其他需要报告的事项\n${sentence}`, t2021);
    expect(r.report.fee).toEqual({ status: 'collected', notices: null, amount: null, collectedAmount: collected });
  });

  it('leaves the fee unsaid when the text says both an amount collected and none (the clerk decides)', () => {
    const r = importText('某某局2024年政府信息公开工作年度报告\n六、其他需要报告的事项\n本年度收取信息处理费200元。本年度未收取信息处理费。', t2021);
    expect(r.report.fee.status).toBeNull();
  });
});

describe('sections by their headings, in any form', () => {
  it('reads Markdown headings and bold', () => {
    const n = narrativeOf('# 某某局2023年政府信息公开工作年度报告\n## 一、总体情况\n**（一）主动公开**\n主动公开信息10条。\n## 五、存在的主要问题及改进情况\n问题甲。');
    expect(n['overview.active']).toBe('主动公开信息10条。');
    expect(n.problems).toBe('问题甲。');
  });

  it('splits headings in the middle of a line and sub-parts run together', () => {
    const n = narrativeOf('某某局2023年政府信息公开工作年度报告 前言文字。一、总体情况总述。（一）主动公开方面。公开10条。（二）依申请公开方面。收到2件。五、存在的主要问题及改进措施问题甲。');
    expect(n).toMatchObject({ preface: '前言文字。', overview: '总述。', 'overview.active': '公开10条。', 'overview.request': '收到2件。', problems: '问题甲。' });
  });

  it('puts a report in a local layout where its headings say (五 and 六 swapped), and says they are misnumbered', () => {
    const r = importText('某某局2023年政府信息公开工作年度报告\n一、总体情况\n总述。\n五、其他需要报告的事项\n本年度未收取信息处理费。\n六、存在的主要问题及改进情况\n问题甲。', t2021);
    expect(r.report.narrative.other).toBe('本年度未收取信息处理费。');
    expect(r.report.narrative.problems).toBe('问题甲。');
    expect(r.report.source?.quirks).toContain('headings-misnumbered');
    expect(r.report.source?.headings).toEqual(['一、总体情况', '五、其他需要报告的事项', '六、存在的主要问题及改进情况']);
  });

  it('reads a heading printed without its number on a line of its own', () => {
    const r = importText('某某局2023年政府信息公开工作年度报告\n根据条例编制。\n总体情况\n总述。\n主动公开\n公开10条。\n存在的主要问题及改进情况\n问题甲。', t2021);
    expect(r.report.narrative).toMatchObject({ preface: '根据条例编制。', overview: '总述。', 'overview.active': '公开10条。', problems: '问题甲。' });
    expect(r.report.source?.headings).toEqual(['总体情况', '主动公开', '存在的主要问题及改进情况']);
  });

  it('records a reworded heading whole where the text runs on after it (corpus #18, #20)', () => {
    const corpus = (name: string) => readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), 'utf8');
    const h18 = importText(corpus('18_pingtan-social-affairs-2025.txt'), t2021).report.source?.headings;
    expect(h18).toContain('四、政府信息公开行政法复议、行政诉讼情况');
    expect(h18).toContain('五、政府信息公开工作存在的主要问题及改进情况');
    const r20 = importText(corpus('20_pingtan-agriculture-2021.txt'), t2021).report;
    expect(r20.source?.headings).toContain('五、政府信息公开存在的主要问题及改进情况');
    expect(r20.narrative.problems).toMatch(/^2021年我局/);
  });

  it('leaves numbered lines that match no label as text (一、加强培训 in 五)', () => {
    const n = narrativeOf('某某局2023年政府信息公开工作年度报告\n五、存在的主要问题及改进情况\n一、加强培训。\n二、完善制度。');
    expect(n.problems).toBe('一、加强培训。\n二、完善制度。');
  });
});

describe('the template by the grid, not by the year', () => {
  it('imports a 2022 report printed on the 2019 grid into the 2019 template, and marks the superseded grid', () => {
    const text = '某某局2022年政府信息公开工作年度报告二、主动公开政府信息情况第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件444三、收到和处理政府信息公开申请情况';
    const r = importAny(readText(text), registry);
    expect(r.template.id).toBe('gov-info-2019');
    expect(r.report.year).toBe(2022);
    expect(r.report.values['article-20:normative-documents:published-total']).toBe(4);
    expect(r.report.source?.quirks).toContain('superseded-grid');
  });
  it('reads nothing into a grid whose columns it does not print (the 2019 第二十条 with the 2021 template)', () => {
    const text = '某某局2022年政府信息公开工作年度报告二、主动公开政府信息情况第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可111三、收到';
    expect(importText(text, t2021).report.values['article-20:licensing:decisions']).toBeNull();
  });
});

describe('never refused, and notes that are true', () => {
  it('recognises a report that has only a title, or only a section heading', () => {
    expect(importText('某某局2023年政府信息公开工作年度报告', t2021).recognised).toBe(true);
    expect(importText('一、总体情况\n本年工作平稳。', t2021).recognised).toBe(true);
  });

  it('tells a printed 0 from a printed blank from a row not found', () => {
    const text = ['某某局2023年政府信息公开工作年度报告', '二、主动公开政府信息情况', '第二十条第（一）项', '信息内容 本年制发件数 本年废止件数 现行有效件数', '规章 0 0 0', '行政规范性文件 / / /', '第二十条第（五）项', '信息内容 本年处理决定数量', '三、收到'].join('\n');
    const r = importText(text, t2021);
    const blankNote = r.notes.find((n) => n.message.includes('来源为空白'));
    expect(r.report.values['article-20:regulations:issued']).toBe(0);
    expect(blankNote?.place).toContain('行政规范性文件');
    expect(r.notes.some((n) => n.place.includes('规章') && n.message.includes('空白'))).toBe(false);
    // 行政规范性文件 printed without numbers: the publisher's blank, not the import's.
    expect(r.report.source?.unread ?? []).not.toContain('article-20:normative-documents:issued');
    // 行政许可 not printed at all: not read, and said so; the grid itself was found.
    expect(r.report.source?.unread).toContain('article-20:licensing:decisions');
    expect(r.notes.some((n) => n.place === '二、主动公开政府信息情况' && n.message.includes('没有找到此表格'))).toBe(false);
    expect(r.notes.find((n) => n.place.endsWith('行政许可'))?.message).toBe('来源中没有找到此行，未导入');
  });
});

describe('row labels printed without their numbering', () => {
  it('reads 本年新收… and 上年结转… without 一、 and 二、, not from a sentence that names them', () => {
    const text = ['某某局2023年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况', '本年新收政府信息公开申请数量5件。',
      '申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他',
      '本年新收政府信息公开申请数量 4 1 0 0 0 0 5', '上年结转政府信息公开申请数量 0 0 0 0 0 0 0', '四、政府信息公开行政复议、行政诉讼情况'].join('\n');
    const { report } = importText(text, t2021);
    expect(report.values['applications:new:natural-person']).toBe(4);
    expect(report.printed?.['applications:new:total']).toBe(5);
    expect(report.values['applications:carried-over:natural-person']).toBe(0);
    expect(report.source?.labels).toEqual(expect.arrayContaining([{ row: 'new', printed: '本年新收政府信息公开申请数量', official: '一、本年新收政府信息公开申请数量' }]));
  });
});

describe('a preface that lists the sections with their numbers', () => {
  it('takes the list for text and the headings below for headings', () => {
    const n = narrativeOf('某某局2023年政府信息公开工作年度报告\n本报告包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。\n一、总体情况\n总述。\n五、存在的主要问题及改进情况\n问题甲。\n六、其他需要报告的事项\n无。');
    expect(n.preface).toContain('本报告包括：一、总体情况；');
    expect(n).toMatchObject({ overview: '总述。', problems: '问题甲。', other: '无。' });
  });
});

describe('amounts in 万元 published to six decimals', () => {
  it('reads them as printed from a table row and from running text', () => {
    const tab = importText('某某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t4166.214619\n三、收到', t2021);
    expect(tab.report.values['article-20:fees:fee-amount']).toBe(4166.214619);
    const units = importText('某某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t12件\n三、收到', t2021);
    expect(units.report.values['article-20:licensing:decisions']).toBe(12);
    const flat = importText('某某局2023年政府信息公开工作年度报告二、主动公开政府信息情况第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费1306.452317三、收到', t2021);
    expect(flat.report.values['article-20:fees:fee-amount']).toBe(1306.452317);
  });
});
