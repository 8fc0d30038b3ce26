// Seed 002's pasted text with the defects seen in published reports, one at a time: each is
// read or refused as it should be, and named in a note.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/import';
import { checkReport } from '../../src/core';
import { normalizeLabel, matchLabel, editDistance } from '../../src/import';
import { template } from '../core/fixtures';

const dir = new URL('../fixtures/seeds/', import.meta.url);
const seed002 = readFileSync(new URL(readdirSync(dir).find((f) => f.startsWith('002_'))!, dir), 'utf8');
const variant = (from: string, to: string) => {
  expect(seed002).toContain(from);
  return importText(seed002.replace(from, to), template);
};

describe('pasted text variants', () => {
  it('a mistyped row label is matched to the template row and flagged', () => {
    const r = variant('\t\t2.其他法律行政法规禁止公开\t0\t0', '\t\t2.其他法律行政止公开\t4\t0');
    expect(r.report.values['applications:withheld.prohibited-by-law:natural-person']).toBe(4);
    const note = r.notes.find((n) => n.message.includes('其他法律行政止公开'))!;
    expect(note.level).toBe('warning');
    expect(note.cells).toContain('applications:withheld.prohibited-by-law:natural-person');
  });

  it('行政事业型收费 with a 万元 amount with decimals', () => {
    const r = variant('行政事业性收费\t0', '行政事业型收费\t7730.28');
    expect(r.report.values['article-20:fees:fee-amount']).toBe(7730.28);
    expect(r.flagged).toContain('article-20:fees:fee-amount');
  });

  it('"/" is a blank with a note, never 0', () => {
    const r = variant('行政许可\t179\t\t', '行政许可\t/\t\t');
    expect(r.report.values['article-20:licensing:decisions']).toBeNull();
    expect(r.notes.find((n) => n.cells?.includes('article-20:licensing:decisions'))?.message).toContain('未当作 0');
  });

  it('a value that is not a number is refused with the text and the place', () => {
    const r = variant('行政处罚\t0', '行政处罚\t三件');
    expect(r.report.values['article-20:penalty:decisions']).toBeNull();
    const note = r.notes.find((n) => n.cells?.includes('article-20:penalty:decisions'))!;
    expect(note.level).toBe('error');
    expect(note.place).toContain('行政处罚');
  });

  it('extra spaces and full-width digits inside cells', () => {
    const r = variant('行政许可\t179\t\t', '行 政 许 可\t１７９\t\t');
    expect(r.report.values['article-20:licensing:decisions']).toBe(179);
    expect(r.flagged).not.toContain('article-20:licensing:decisions');
  });

  it('a shifted row that lost a value is refused, not guessed, when numbers miss the header columns', () => {
    const r = variant('\t\t4.保护第三方合法权益\t0\t0\t0\t0\t0\t0\t0', '\t\t4.保护第三方合法权益\t0\t0\t\t0\t0\t0\t0');
    expect(r.report.values['applications:withheld.third-party:natural-person']).toBeNull();
    expect(r.notes.find((n) => n.place.includes('4.保护第三方合法权益'))?.level).toBe('error');
  });

  it('a row printed twice keeps the first and notes the second', () => {
    const r = variant('行政强制\t0', '行政强制\t0\n行政强制\t5');
    expect(r.report.values['article-20:enforcement:decisions']).toBe(0);
    expect(r.notes.some((n) => n.message.includes('出现了两次'))).toBe(true);
  });

  it('a title broken over two lines is still the title', () => {
    const r = variant('原州区三营镇 2023年政府信息公开工作年度报告', '原州区三营镇 2023年\n政府信息公开工作年度报告');
    expect(r.report.organ.titleName).toBe('原州区三营镇');
    expect(r.report.year).toBe(2023);
    expect(r.report.narrative.preface).toMatch(/^根据/);
  });

  it('a fee collected is read from the template sentence', () => {
    const r = variant('本机关2023年未收到政府信息公开申请，未收取信息处理费。', '本机关2023年共发出收费通知3件，总金额1,200元，实际收取总金额900.5元。');
    expect(r.report.fee).toEqual({ status: 'collected', notices: 3, amount: 1200, collectedAmount: 900.5 });
  });
});

describe('label matching', () => {
  const cands = ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.其他', '结果维持', '结果纠正'].map((label) => ({ label, value: label }));
  it('normalises spaces, brackets, numbering and quotes', () => {
    expect(normalizeLabel(' (一) 予以 公开 ')).toBe('（一）予以公开');
    expect(normalizeLabel('1、 属于国家秘密。')).toBe('1.属于国家秘密');
    expect(normalizeLabel('3.危及"三安全一稳定"')).toBe(normalizeLabel('3.危及“三安全一稳定”'));
  });
  it('matches near misses within about one edit in four characters, and refuses others', () => {
    expect(matchLabel('2.其他法律行政止公开', cands)?.value).toBe('2.其他法律行政法规禁止公开');
    expect(matchLabel('结果维护', cands)?.value).toBe('结果维持');
    expect(matchLabel('结果', cands)).toBeUndefined();
    expect(matchLabel('1.其他', cands)).toBeUndefined(); // 3.其他 is one edit away, but the numbering differs…
    expect(matchLabel('2.其他法律行政止公开', cands.slice(0, 1))).toBeUndefined();
    expect(matchLabel('本年新制作数量', cands)).toBeUndefined();
    expect(editDistance('行政事业型收费', '行政事业性收费')).toBe(1);
  });
});

describe('the section due next, under its own number, in a unit’s own words', () => {
  const other = '六、其他需要报告的事项';
  it('is read as that section and named as reworded, its text kept whole', () => {
    for (const heading of ['六、需要说明的其他事项', '六、其他需要说明的事项']) {
      const r = variant(other, heading);
      // Corpus #20 prints its 六 as 需要说明的其他事项与附表; the fee statement under it is 六's.
      expect(r.report.source?.headings).toContain(heading);
      expect(r.report.narrative.other).toContain('信息处理费');
      expect(r.report.narrative.problems ?? '').not.toContain('信息处理费');
    }
  });
  it('a numbered line that ends in no heading’s words stays text', () => {
    const r = variant(other, '六、加强队伍建设，提升工作水平');
    expect(r.report.source?.headings ?? []).not.toContain('六、加强队伍建设');
    expect(r.report.narrative.other ?? '').toBe('');
  });
});

describe('a section numeral run into the label’s words with no 、', () => {
  it('is that heading where a sentence ends (corpus #07: “…）。一总体情况2020年”), its numbering mistyped', () => {
    const r = variant('一、总体情况\n', '一总体情况');
    expect(r.report.source?.headings).toContain('一总体情况');
    expect(r.report.narrative.overview ?? '').not.toBe('');
    expect(r.report.narrative.preface ?? '').not.toContain('总体情况');
  });
  it('is not one inside a sentence (“统一总体情况”)', () => {
    const r = variant('一、总体情况\n', '为统一总体情况的口径，');
    expect(r.report.source?.headings ?? []).not.toContain('一总体情况');
  });
});

describe('a part heading in the unit’s own words, run into its text', () => {
  const parts = (r: ReturnType<typeof variant>) => (r.report.source?.headings ?? []).filter((h) => /^[（(]/.test(h));
  it('goes on to the 情况 or 方面 that closes it (corpus #09, #10, #20: “（一）主动公开政府信息的情况全面贯彻…”)', () => {
    const r = variant('（一）主动公开\n\n原州区', '（一）主动公开政府信息的情况原州区');
    expect(parts(r)).toContain('（一）主动公开政府信息的情况');
    expect(r.report.narrative['overview.active']).toMatch(/^原州区/);
    const s = variant('（二）依申请公开\n\n2023年度', '（二）依申请公开办理情况我镇2023年度');
    expect(parts(s)).toContain('（二）依申请公开办理情况');
    expect(s.report.narrative['overview.request']).toMatch(/^我镇2023年度/);
  });
  it('is the part due under its number when it prints the label’s last word (corpus #03, #06, #19, #20)', () => {
    for (const heading of ['（四）平台建设方面。', '（四）公开平台阵地建设情况', '（四）加强公开平台建设。', '（四）平台建设保障情况']) {
      const r = variant('（四）平台建设\n\n我镇', `${heading}我镇`);
      expect(parts(r)).toContain(heading.replace(/。$/, ''));
      expect(r.report.narrative['overview.platforms']).toMatch(/^我镇积极配合/);
      expect(r.report.narrative['overview.management']).not.toContain('我镇积极配合');
    }
    const a = variant('（一）主动公开\n\n原州区', '（一）积极做好政府信息主动公开。原州区');
    expect(parts(a)).toContain('（一）积极做好政府信息主动公开');
    expect(a.report.narrative['overview.active']).toMatch(/^原州区/);
  });
  it('stopped short of the label’s last word, runs to the end of its sentence (corpus #08: “…平台日维护力度。”)', () => {
    const r = variant('（四）平台建设\n\n我镇', '（四）加强政府信息公开平台日维护力度。我镇');
    expect(parts(r)).toContain('（四）加强政府信息公开平台日维护力度');
    expect(r.report.narrative['overview.platforms']).toMatch(/^我镇积极配合/);
  });
  it('ends at a colon (corpus #18: “（二） 主动公开渠道优化：”)', () => {
    const r = variant('（一）主动公开\n\n原州区', '（一）主动公开渠道优化：原州区');
    expect(parts(r)).toContain('（一）主动公开渠道优化');
    expect(r.report.narrative['overview.active']).toMatch(/^原州区/);
  });
  it('never takes the text: digits, a full heading’s sentence, another part’s words stay text', () => {
    const digits = variant('（二）依申请公开\n\n2023年度', '（二）依申请公开2023年度');
    expect(parts(digits)).toContain('（二）依申请公开');
    expect(digits.report.narrative['overview.request']).toMatch(/^2023年度/);
    const sentence = variant('（二）依申请公开\n\n2023年度', '（二）依申请公开全年未收到申请。2023年度');
    expect(parts(sentence)).toContain('（二）依申请公开');
    expect(sentence.report.narrative['overview.request']).toMatch(/^全年未收到申请。/);
    const other = variant('（四）平台建设\n\n我镇', '（四）健全信息公开机制。我镇');
    expect(parts(other).some((h) => h.startsWith('（四）'))).toBe(false);
    expect(other.report.narrative['overview.platforms'] ?? '').toBe('');
    expect(other.report.narrative['overview.management']).toContain('健全信息公开机制');
  });
});

describe('a section heading as units word it, whole and no more', () => {
  /** Seed 002 with its heading reworded, as a page's archived text (one line, cells run together). */
  const flat = (from: string, to: string) => {
    expect(seed002).toContain(from);
    return importText(seed002.replace(from, to).replace(/[\n\t]+/g, ''), template);
  };
  const sections = (r: ReturnType<typeof variant>) => (r.report.source?.headings ?? []).filter((h) => /^[一二三四五六七]、/.test(h));
  it('goes on to the words that close it (…问题 + 及改进措施, 总体情况 + 概述, …事项 + 及附表, the 2008 wording of 四)', () => {
    const headings = [
      ['五、存在的主要问题及改进情况', '五、工作中存在的问题及改进措施'],
      ['五、存在的主要问题及改进情况', '五、主要问题及改进措施'],
      ['一、总体情况', '一、总体情况概述'],
      ['六、其他需要报告的事项', '六、其他需要报告的事项及附表'],
      ['四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
    ] as const;
    for (const [from, to] of headings)
      for (const r of [variant(from, to), flat(from, to)]) expect(sections(r), to).toContain(to);
    const r = flat('五、存在的主要问题及改进情况', '五、工作中存在的问题及改进措施');
    expect(r.report.narrative.problems).toMatch(/^2023年，我镇政务公开工作/);
  });
  it('stops where the label’s words end and the text or the grid begins (二 + 第二十条…, 四 + 行政复议 行政诉讼…)', () => {
    const active = flat('二、主动公开政府信息情况', '二、主动公开政府信息');
    expect(sections(active)).toContain('二、主动公开政府信息');
    expect(active.report.values['article-20:licensing:decisions']).toBe(179);
    const appeals = flat('四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政复议、行政诉讼');
    expect(sections(appeals)).toContain('四、政府信息公开行政复议、行政诉讼');
    const short = flat('四、政府信息公开行政复议、行政诉讼情况', '四、行政复议、行政诉讼情况');
    expect(sections(short)).toContain('四、行政复议、行政诉讼情况');
    // The grid's row 四、结转下年度继续办理 before it is no heading: its numbers stay the grid's.
    expect(sections(short).some((h) => h.includes('结转'))).toBe(false);
    expect(short.report.values['applications:carry-forward:natural-person']).toBe(0);
  });
  it('keeps words after a joining 及 (“五、存在的主要问题及明年工作”, corpus #13)', () => {
    for (const to of ['五、存在的主要问题及明年工作', '五、存在的主要问题及对策', '五、存在的主要问题及明年工作计划']) {
      const r = flat('五、存在的主要问题及改进情况', to);
      expect(sections(r)).toContain(to);
    }
  });
  it('takes no text that follows it (“六、其他需要报告的事项无”, corpus #14)', () => {
    const r = flat('六、其他需要报告的事项', '六、其他需要报告的事项无。');
    expect(sections(r)).toContain('六、其他需要报告的事项');
    expect(r.report.narrative.other).toMatch(/^无。/);
  });
  it('under its own number, sharing only common words with a section read, is its own (“三、依申请公开政府信息情况” after 二、主动公开政府信息情况)', () => {
    for (const r of [variant('三、收到和处理政府信息公开申请情况', '三、依申请公开政府信息情况'), flat('三、收到和处理政府信息公开申请情况', '三、依申请公开政府信息情况')])
      expect(sections(r)).toContain('三、依申请公开政府信息情况');
  });
  it('a section due first under its number, one heading word on its own line (“一、概述”), is 一', () => {
    const r = variant('一、总体情况', '一、概述');
    expect(sections(r)).toContain('一、概述');
    expect(r.report.narrative.overview).toContain('为了更好地为公民');
  });
});

describe('a table printed with its header and no numbers (§9: grids with headers but no numbers)', () => {
  const numbers = /\n\t\t\t\t\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n/;
  const appeals = (ids: string[]) => ids.filter((id) => id.startsWith('appeals:'));
  it('is the publisher’s blank: its cells are blanks to fill, not cells the import missed', () => {
    expect(seed002).toMatch(numbers);
    const r = importText(seed002.replace(numbers, '\n'), template);
    expect(r.notes.some((n) => n.message.includes('只有表头、没有数字'))).toBe(true);
    const inputs = template.grid('appeals').cells.filter((c) => !c.computed).map((c) => c.id);
    expect(appeals(r.report.source?.unread ?? []).filter((id) => inputs.includes(id))).toEqual([]);
    const blanks = checkReport(template, r.report, { published: true }).filter((f) => f.rule === 'R6' && f.level === 'error' && f.cells.some((c) => c.startsWith('appeals:')));
    expect(blanks.length).toBe(inputs.length);
  });
  it('a table the source does not print at all is left to the reader, unread', () => {
    const start = seed002.indexOf('行政复议\t');
    const end = seed002.indexOf('五、存在的主要问题及改进情况');
    const r = importText(seed002.slice(0, start) + seed002.slice(end), template);
    expect(r.notes.some((n) => n.message.includes('没有找到此表格的任何一行'))).toBe(true);
    expect(appeals(r.report.source?.unread ?? []).length).toBeGreaterThan(10);
  });
});

describe('the 落款 as printed', () => {
  it('is kept in source.signature beside the organ’s one spelling (corpus #10: 财政全融局 under 财政金融局)', () => {
    const corpus = new URL('../fixtures/corpus/', import.meta.url);
    const text = readFileSync(new URL(readdirSync(corpus).find((f) => f.startsWith('10_'))!, corpus), 'utf8');
    const r = importText(text, template);
    expect(r.report.source?.signature).toBe('平潭综合实验区财政全融局');
    expect(r.report.organ.name).toBe('平潭综合实验区财政金融局');
    expect(checkReport(template, r.report).filter((f) => f.rule === 'R35')).toHaveLength(1);
  });
  it('is absent where the source signs nothing (seed 002)', () => {
    expect(importText(seed002, template).report.source?.signature).toBeUndefined();
  });
});

describe('此函 before the 落款', () => {
  const corpus = new URL('../fixtures/corpus/', import.meta.url);
  const read = (id: string) => readFileSync(new URL(readdirSync(corpus).find((f) => f.startsWith(id))!, corpus), 'utf8');
  it('closes a report like a letter: recorded as a quirk the rules name (corpus #04), the signature read without it', async () => {
    const { nodeRegistry } = await import('../../src/node/templates');
    const t2019 = nodeRegistry().get('gov-info-2019')!;
    const r = importText(read('04_'), t2019);
    expect(r.report.source?.quirks).toContain('letter-closing');
    expect(r.report.source?.signature ?? '').not.toContain('此函');
    expect(checkReport(t2019, r.report).filter((f) => f.rule === 'R28').map((f) => f.message)).toEqual(['落款前写有“此函”，年度报告不是函件，应删去']);
  });
  it('a report that closes with its 落款 alone has no such quirk', () => {
    expect(importText(read('10_'), template).report.source?.quirks ?? []).not.toContain('letter-closing');
  });
});
