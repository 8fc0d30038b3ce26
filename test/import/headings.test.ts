// Section headings as real reports print them, read from the corpus copies: a report on an older
// layout that left out a section and numbered the rest down, a 一 qualified before the label's words.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAny, readText } from '../../src/import';
import { nodeRegistry } from '../../src/node/templates';

const registry = nodeRegistry();
const corpus12 = readFileSync(new URL('../fixtures/corpus/12_pingtan-county-finance-2009.txt', import.meta.url), 'utf8');
const read = (text: string) => importAny(readText(text), registry, { form: 'text' });

describe('a section printed under another number without the label’s leading words (corpus #12, 2008 layout)', () => {
  it('“五、存在的主要问题和改进措施” is 六 (…存在的主要问题及改进情况): its text is not the fee section’s', () => {
    const r = read(corpus12);
    expect(r.template.id).toBe('gov-info-2008');
    expect(r.report.source?.headings).toContain('五、存在的主要问题和改进措施');
    expect(r.report.narrative.problems).toMatch(/^（一）存在的问题/);
    expect(r.report.narrative.fees).toBe('无收费及减免情况。');
  });
  it('a numbered line whose words are not the label’s last words stays in its section', () => {
    const r = read(corpus12.replace('五、存在的主要问题和改进措施', '五、下一步工作措施'));
    expect(r.report.source?.headings ?? []).not.toContain('五、下一步工作措施');
    expect(r.report.narrative.problems ?? '').toBe('');
    expect(r.report.narrative.fees).toContain('下一步工作措施');
  });
});

describe('the section due first, its label’s words qualified before them (corpus #12: “一、年度政府信息公开工作概述”)', () => {
  it('is 一、概述, its text the overview’s, not the preface’s', () => {
    const r = read(corpus12);
    expect(r.report.source?.headings).toContain('一、年度政府信息公开工作概述');
    expect(r.report.narrative.overview).toMatch(/^根据上级的有关规定/);
    expect(r.report.narrative.preface).not.toContain('根据上级的有关规定');
  });
  it('a numbered line not ending in the label’s words is not the heading', () => {
    const r = read(corpus12.replace('一、年度政府信息公开工作概述', '一、年度政府信息公开工作安排'));
    expect(r.report.source?.headings ?? []).not.toContain('一、年度政府信息公开工作安排');
  });
});

describe('a report that added a section of its own numbers the rest its way (seed 004, 2008 layout: 三 is 重点领域, 四…八 follow)', () => {
  const seed004 = readFileSync(new URL(`../fixtures/seeds/${readdirSync(new URL('../fixtures/seeds/', import.meta.url)).find((f) => f.startsWith('004_'))}`, import.meta.url), 'utf8');
  it('reads each section by its words: 四 is 依申请公开 (三 of the template), 六 the appeals, 八 the other matters', () => {
    const r = read(seed004);
    expect(r.template.id).toBe('gov-info-2008');
    const n = r.report.narrative;
    expect(n.applications).toMatch(/^2017年镇政府未收到政府信息公开申请/);
    expect(n.fees).toMatch(/^2017年镇政府未发生向政府信息公开申请人收/);
    expect(n.appeals).toMatch(/^2017年度未发生针对本乡镇/);
    expect(n.problems).toMatch(/^回顾过去一年/);
    expect(n.other).toMatch(/^本年度无其他需要报告的事项。/);
  });
  it('a heading that opens with the words of a section already read is that section’s text (三、主动公开重点领域政府信息情况)', () => {
    const r = read(seed004);
    expect(r.report.narrative['active-disclosure']).toContain('三、主动公开重点领域政府信息情况');
    expect(r.report.source?.headings ?? []).not.toContain('三、主动公开重点领域政府信息情况');
  });
  it('a heading under its own number that shares only common words with a section read stays its own (三、依申请公开政府信息情况)', () => {
    const r = read(corpus12);
    expect(r.report.source?.headings).toContain('三、依申请公开政府信息情况');
    expect(r.report.narrative.applications).toBe('2009年度，我局没有收到信息公开申请。');
  });
});

describe('a 2008-layout report that calls its 一、概述 “一、总体情况” (seed 001), as later layouts do', () => {
  const seed001 = readFileSync(new URL(`../fixtures/seeds/${readdirSync(new URL('../fixtures/seeds/', import.meta.url)).find((f) => f.startsWith('001_'))}`, import.meta.url), 'utf8');
  it('is read as 一 (importHints.headingWords: 总体情况 for 概述)', () => {
    const r = read(seed001);
    expect(r.template.id).toBe('gov-info-2008');
    expect(r.report.source?.headings).toContain('一、总体情况');
    expect(r.report.narrative.overview ?? '').not.toBe('');
  });
  it('a first heading in other words stays text', () => {
    const r = read(seed001.replace('一、总体情况', '一、工作安排情况'));
    expect(r.report.source?.headings ?? []).not.toContain('一、工作安排情况');
  });
});

describe('a section taken on loosely fitting words, then printed in its own words further on', () => {
  const extra = (later: string) =>
    read(corpus12.replace('三、依申请公开政府信息情况', `三、重点领域政府信息公开情况 本年度公开重点领域信息6条。 ${later}`));
  it('is the later heading’s: the earlier one and its text go back to the section before (2008: 三 重点领域 under 二, 五 is 依申请)', () => {
    const r = extra('五、依申请公开政府信息和不予公开政府信息情况');
    const headings = r.report.source?.headings ?? [];
    expect(headings).toContain('五、依申请公开政府信息和不予公开政府信息情况');
    expect(headings).not.toContain('三、重点领域政府信息公开情况');
    expect(r.report.narrative.applications).toBe('2009年度，我局没有收到信息公开申请。');
    expect(r.report.narrative['active-disclosure']).toMatch(/三、重点领域政府信息公开情况\s*本年度公开重点领域信息6条。$/);
  });
  it('a later heading that fits no better leaves it where it was', () => {
    const r = extra('五、其他工作情况');
    expect(r.report.source?.headings).toContain('三、重点领域政府信息公开情况');
    expect(r.report.narrative.applications).toMatch(/^本年度公开重点领域信息6条。/);
  });
});

describe('a 2008-layout report with sections of its own (重点领域, 政策解读) between the template’s', () => {
  const layout = [
    '一、概述', '二、主动公开政府信息情况', '三、重点领域政府信息公开情况', '四、政策解读与回应社会关切情况',
    '五、依申请公开政府信息和不予公开政府信息情况', '六、政府信息公开的收费及减免情况', '七、因政府信息公开申请行政复议、提起行政诉讼的情况',
    '八、政府信息公开工作存在的主要问题及改进情况', '九、其他需要报告的事项',
  ];
  const text = ['某某县财政局2016年政府信息公开工作年度报告', ...layout.flatMap((h, k) => [h, `第${k + 1}部分的文字。`])].join('\n');
  it('reads the template’s sections by their words; its own sections are text, never the 统计表 attachment', () => {
    const r = read(text);
    expect(r.template.id).toBe('gov-info-2008');
    const n = r.report.narrative;
    expect(n.applications).toBe('第5部分的文字。');
    expect(n.fees).toBe('第6部分的文字。');
    expect(n.appeals).toBe('第7部分的文字。');
    expect(n.problems).toBe('第8部分的文字。');
    expect(n.other).toBe('第9部分的文字。');
    expect(n.statistics ?? '').toBe('');
    expect(n['active-disclosure']).toContain('三、重点领域政府信息公开情况');
  });
});
