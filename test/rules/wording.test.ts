// Wording rules over real prose: doubled words (R20) with zero false hits on every corpus and
// seed report, ASCII punctuation (R21), placeholders (R22), the superseded basis (R23), another
// year (R24), format departures the import records in source (R25–R28).
import { describe, expect, it } from 'vitest';
import { findDoubled } from '../../src/core/text/doubled';
import { findAsciiPunctuation } from '../../src/core/text/punctuation';
import { busy, findingsOf, published, real, realTexts, template } from './helpers';

const rule = <K extends string>(kind: K) => template.rules.find((r) => r.kind === kind)! as Extract<(typeof template.rules)[number], { kind: K }>;

describe('R20: a character or word doubled by mistake', () => {
  it('over all real prose, finds exactly the real slips and no legitimate reduplication', () => {
    const { patterns, allowed } = rule('doubled-text');
    const hits = realTexts().flatMap(({ file, text }) => findDoubled(text, patterns, allowed).map((h) => `${file.slice(0, 3)}${h.match}`));
    // Each is a slip a reviewer would send back: 全会精神精神, 金融局局主动, 一些问题问题, 存在在与,
    // 耕地力地力补贴, 促进镇镇各项, 丰富的的政府信息. 常常, 人人, 法规规章, 每月月底, 首页页面… pass.
    expect(hits.sort()).toEqual(['000的的', '000镇镇', '09_精神精神', '11_局局', '15_问题问题', '17_在在', '20_地力地力']);
  });
  it('names the text slot and quotes the slip', () => {
    const r = busy();
    r.narrative.problems = real('15_', '但还存在一些问题问题和不足');
    expect(findingsOf('R20', r).map((f) => [f.text, f.level, f.params.quotes])).toEqual([['problems', 'warning', '“但还存在一些问题问题和不足”']]);
  });
});

describe('R21: ASCII punctuation in Chinese sentences', () => {
  const { marks } = rule('ascii-punctuation');
  it('finds the half-width marks real reports print', () => {
    expect(findAsciiPunctuation(real('04_', '上级部门报备,保障信息公开'), marks).map((h) => h.match)).toEqual([',']);
    expect(findAsciiPunctuation(real('10_', '(一)存在问题'), marks).map((h) => h.match)).toEqual(['(', ')']);
  });
  it('checks the headings a published report printed, which are not in its texts', () => {
    const headings = [real('20_', '（二）依申请公开办理情况'), real('20_', '(三）政府信息管理情况'), real('20_', '(四）平台建设保障情况')];
    const found = findingsOf('R21', published(busy(), { headings }));
    expect(found.map((f) => [f.level, f.params.text, f.params.count, f.params.quotes])).toEqual([['warning', '章节标题', 2, '“(三）政府信息管理情况”、“(四）平台建设保障情况”']]);
    expect(findingsOf('R21', published(busy(), { headings: headings.slice(0, 1) }))).toEqual([]);
  });
  it('finds < > standing in for the inner title marks 〈〉, and leaves a comparison alone', () => {
    const quoted = real('23_', '《国务院办公厅关于印发<政府信息公开信息处理费管理办法>的通知》');
    expect(findAsciiPunctuation(quoted, marks).map((h) => h.match)).toEqual(['<', '>']);
    for (const fine of ['群众满意率>95%，办结时限<15个工作日。', '《关于印发〈政务公开工作要点〉的通知》']) expect(findAsciiPunctuation(fine, marks), fine).toEqual([]); // made up
  });
  it('leaves URLs, e-mail, numbers, times and numbered items alone', () => {
    const fine = [
      real('01_', '平潭综合实验区党工委管委会门户网站（https://www.pingtan.gov.cn）公布'),
      real('08_', '政府门户网站(https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqspp/zfxxgknb/)查阅'),
      '邮箱：zwgk@example.gov.cn，办公时间8:30至17:30，金额1,200.50元，1.属于国家秘密', // made up
    ];
    for (const t of fine) expect(findAsciiPunctuation(t, marks), t).toEqual([]);
  });
});

describe('R32: a misquoted 条例 name and impossible dates', () => {
  it('names the slip with its place, as a warning', () => {
    const r = busy();
    r.narrative.preface = real('11_', '本报告所列数据的统计期限自2017月1日起至2017年12月31日。');
    r.narrative.problems = `按照${real('11_', '《中华人民共和国政府信息公开工作条例》')}要求，进一步增强公开意识。`;
    r.narrative.other = '本报告于2023年2月30日编制。'; // made up
    const found = findingsOf('R32', r).map((f) => [f.text, f.level, f.params.found]);
    expect(found).toEqual([
      ['preface', 'warning', '2017月1日'],
      ['problems', 'warning', '《中华人民共和国政府信息公开工作条例》'],
      ['other', 'warning', '2月30日'],
    ]);
    for (const [text, date] of [['2023年13月发布。', '2023年13月'], ['截至4月31日。', '4月31日'], ['于2024年6月0日。', '6月0日']]) {
      r.narrative.other = text!; // made up
      expect(findingsOf('R32', r).filter((f) => f.text === 'other').map((f) => f.params.found), text).toEqual([date]);
    }
    // 2月29日 exists in a leap year.
    r.narrative.other = '于2024年2月29日编制。'; // made up
    expect(findingsOf('R32', r).filter((f) => f.text === 'other')).toEqual([]);
  });
  it('names a count that 万 makes over a billion, not a large but likely one', () => {
    const r = busy();
    r.narrative['overview.active'] = real('18_', '政务新媒体（微信公众号）发布推文787篇，累计阅读量3241654万次');
    expect(findingsOf('R32', r).map((f) => f.params.found)).toEqual(['3241654万次']);
    r.narrative['overview.active'] = `${real('25_', '汇聚数据8232万条')}，安排资金123456万元。`; // the amount made up
    expect(findingsOf('R32', r)).toEqual([]);
  });
  it('names 进一步 with its 进 lost, not 下一步 or 进一步', () => {
    const r = busy();
    r.narrative.problems = real('002_', '二是需一步加大政策解读力度，扩大解读范围');
    expect(findingsOf('R32', r).map((f) => [f.text, f.params.found])).toEqual([['problems', '一步加大']]);
    r.narrative.problems = `${real('19_', '下一步，我局')}将进一步加强培训，更进一步加大解读力度，第一步完善制度。`; // after the quote made up
    expect(findingsOf('R32', r)).toEqual([]);
  });
  it('leaves the right name, short forms and real dates alone', () => {
    const r = busy();
    r.narrative.preface = `${real('23_', '根据《中华人民共和国政府信息公开条例》（以下简称《条例》）有关规定')}，统计期限自2024年1月1日至2024年12月31日，12月31日前发布，2月28日、11月30日、10月1日。`; // dates made up
    expect(findingsOf('R32', r)).toEqual([]);
  });
});

describe('R22–R24: placeholders, the superseded basis, another year', () => {
  it('R22: x件, ××, XXX, （网址）, ＿＿ are errors in a finished report (unfinished in a draft); ordinary text is not', () => {
    const r = busy();
    r.narrative.other = real('002_', '办理中国政府网网民留言x件');
    expect(findingsOf('R22', r, { mode: 'final' }).map((f) => f.level)).toEqual(['error']);
    expect(findingsOf('R22', r).map((f) => f.level)).toEqual(['incomplete']);
    for (const t of ['××局', '联系人XXX', '详见（网址）', '成文日期＿＿年']) {
      r.narrative.other = `本机关${t}。`; // made up
      expect(findingsOf('R22', r), t).toHaveLength(1);
    }
    for (const fine of ['本机关共发布信息1142余篇，网址https://www.pingtan.gov.cn/xxgk/t2024_XXX.htm。', '面积3×4米，文件名report__final。', '联系方式（电话）：0591-23107633。']) {
      r.narrative.other = fine; // made up
      expect(findingsOf('R22', r), fine).toEqual([]);
    }
  });
  it('R22: a 统计期限 whose two dates were never filled in (自至), not one that names them', () => {
    const r = busy();
    r.narrative.preface = real('24_', '本报告所列数据的统计期限自至。');
    expect(findingsOf('R22', r, { mode: 'final' }).map((f) => [f.level, f.params.what])).toEqual([['error', '未填的起止日期']]);
    for (const fine of [real('22_', '本报告中所列数据的统计期限为2022年1月1日至2022年12月31日。'), '公开时间自2019年起至今。']) {
      r.narrative.preface = fine; // the second made up
      expect(findingsOf('R22', r, { mode: 'final' }), fine).toEqual([]);
    }
  });
  it('R23: 国办公开办函〔2019〕60号 cited in a report on the 2021 template', () => {
    const r = busy();
    r.narrative.preface = `根据${real('25_', '（国办公开办函〔2019〕60号）')}要求，编制本报告。`;
    expect(findingsOf('R23', r).map((f) => [f.level, f.params.found])).toEqual([['error', '国办公开办函〔2019〕60号']]);
    r.narrative.preface = '根据国办公开办函〔2021〕30号要求，编制本报告。'; // made up
    expect(findingsOf('R23', r)).toEqual([]);
  });
  it('R24: this year stated under another year, but not a comparison or a plan', () => {
    const r = busy();
    r.year = 2022;
    for (const slot of Object.keys(r.narrative)) r.narrative[slot] = '';
    r.narrative.preface = real('22_', '结合我局实际，编制完成2023年度政府信息公开工作年度报告。');
    expect(findingsOf('R24', r).map((f) => f.params.named)).toEqual([2023]);
    r.narrative.preface = '2021年共主动公开政府信息90条。'; // made up
    expect(findingsOf('R24', r).map((f) => f.params.named)).toEqual([2021]);
    for (const ok of [
      '2022年共主动公开政府信息90条，较2021年增长10%。',
      '2023年，我局将继续公开政府信息100条。',
      '针对2021年度政府信息公开工作年度报告指出的问题，逐项整改。',
      real('06_', '2022年累计主动公开政府信息90条'),
    ]) { // made up but the last
      r.narrative.preface = ok;
      expect(findingsOf('R24', r), ok).toEqual([]);
    }
  });
});

describe('R24: the 统计期限 of another year', () => {
  it('names a 统计期限 left at another year, in the phrasings units use (所列 is no comparison)', () => {
    const r = busy();
    for (const slot of Object.keys(r.narrative)) r.narrative[slot] = '';
    const period = real('22_', '本报告中所列数据的统计期限为2022年1月1日至2022年12月31日。');
    r.year = 2023;
    r.narrative.preface = period;
    expect(findingsOf('R24', r).map((f) => [f.text, f.params.named])).toEqual([['preface', 2022]]);
    r.narrative.preface = real('01_', '本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。');
    expect(findingsOf('R24', r)).toEqual([]);
    r.narrative.preface = '本报告所列数据的统计期限为2023年1月1日至2022年12月31日。'; // made up: the end year left
    expect(findingsOf('R24', r).map((f) => f.params.named)).toEqual([2022]);
    r.year = 2022;
    r.narrative.preface = period;
    expect(findingsOf('R24', r)).toEqual([]);
    // Last year's report, its problems listed (所列问题), is a comparison.
    r.narrative.problems = '针对2021年度报告所列问题，本年度已逐项整改，主动公开政府信息90条。'; // made up
    expect(findingsOf('R24', r)).toEqual([]);
  });
});

describe('R25–R28: format departures recorded by the import', () => {
  it('R25 quotes the official wording of an altered label; width and spaces alone are not a change', () => {
    const r = published(busy(), {
      labels: [
        { cell: 'applications:withheld.prohibited-by-law:total', printed: '2.其他法律行政止公开', official: '2.其他法律行政法规禁止公开' },
        { printed: '（一） 予以公开', official: '（一）予以公开' },
        { row: 'normative-documents', printed: '规范性文件', official: '行政规范性文件' },
      ],
    });
    expect(findingsOf('R25', r).map((f) => f.message)).toEqual([
      expect.stringContaining('来源印为“2.其他法律行政止公开”，与规范文字“2.其他法律行政法规禁止公开”不一致'),
      '二、主动公开政府信息情况：来源印为“规范性文件”，与规范文字“行政规范性文件”不一致',
    ]);
    expect(findingsOf('R25', busy())).toEqual([]);
  });
  it('R26 the title; R27 headings altered, misnumbered, out of order; R28 （六） as one row', () => {
    const r = published(busy(), {
      title: real('04_', '平潭综合实验区海坛片区管理局 关于2021年度政府信息公开工作年度报告'),
      // 二 as a page may cut it: a strict beginning of the official heading is left alone.
      headings: ['一、总体情况', '二、主动公开政府信息', '三、收到和处理政府信息公开申请情况', real('18_', '四、政府信息公开行政法复议、行政诉讼情况'), '六、存在的主要问题和改进情况', '五、其他需要报告的事项'],
      quirks: ['other-handling-one-row'],
    });
    r.organ.name = '平潭综合实验区海坛片区管理局';
    r.organ.titleName = undefined;
    r.year = 2021;
    expect(findingsOf('R26', r)).toHaveLength(1);
    r.source!.title = '平潭综合实验区海坛片区管理局2021年度政府信息公开工作年度报告';
    expect(findingsOf('R26', r)).toEqual([]);
    expect(findingsOf('R27', r).map((f) => f.params.printed)).toEqual(['四、政府信息公开行政法复议、行政诉讼情况', '六、存在的主要问题和改进情况', '五、其他需要报告的事项']);
    // A section heading printed without its number is misnumbered; a part's words alone are not a section's.
    r.source!.headings = ['总体情况', '主动公开', '二、主动公开政府信息情况'];
    expect(findingsOf('R27', r).map((f) => f.message)).toEqual(['章节标题“总体情况”编号有误，规范格式为“一、总体情况”']);
    // The numeral run into the words with no 、 (corpus #07: “一总体情况2020年，我局…”) is mistyped too.
    r.source!.headings = ['一总体情况', '二、主动公开政府信息情况'];
    expect(findingsOf('R27', r).map((f) => f.message)).toEqual(['章节标题“一总体情况”编号有误，规范格式为“一、总体情况”']);
    expect(findingsOf('R28', r)).toHaveLength(1);
  });
});

describe('R35: the 落款 names the organ as the title does', () => {
  const title = '平潭综合实验区财政金融局';
  const signed = (signature: string) => {
    const r = published(busy(), { signature });
    r.organ.name = title;
    r.organ.titleName = undefined;
    return r;
  };
  it('one or two characters apart at the same length is a misprint in one of them (corpus #10)', () => {
    const f = findingsOf('R35', signed(real('10_', '平潭综合实验区财政全融局')));
    expect(f.map((x) => [x.level, x.message])).toEqual([['warning', '发文机关署名：落款“平潭综合实验区财政全融局”与标题中的机关名称“平潭综合实验区财政金融局”相差一两个字，请核对哪一处印错']]);
  });
  it('the same name, another length (the office signing for it) or a wholly other name is not compared', () => {
    for (const signature of [title, '平潭综合实验区财政金融局办公室', '平潭县财政局', '平潭综合实验区社会事业局']) {
      expect(findingsOf('R35', signed(signature)), signature).toEqual([]);
    }
    expect(findingsOf('R35', published(busy()))).toEqual([]);
  });
});

