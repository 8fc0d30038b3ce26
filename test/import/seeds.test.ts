// Real published reports (test/fixtures/seeds) imported from their pasted web text.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport, parseReportText } from '../../src/core';
import { importAny, importText, readText } from '../../src/import';
import { nodeRegistry } from '../../src/node/templates';

const dir = new URL('../fixtures/seeds/', import.meta.url);
const seed = (prefix: string) => readFileSync(new URL(readdirSync(dir).find((f) => f.startsWith(prefix))!, dir), 'utf8');
const template = nodeRegistry().get('gov-info-2021')!;
const example = parseReportText(readFileSync(new URL('../../examples/seed-002.report.json', import.meta.url), 'utf8'), nodeRegistry().get);
if (!example.ok) throw new Error('example does not parse');
const expected = example.report;

describe('seed 002 (2021 template, pasted web text)', () => {
  const result = importText(seed('002_'), template, { fallbackYear: 1999 });
  const { report } = result;

  it('reads exactly the values, printed totals, fee, organ and year of the transcribed example', () => {
    expect(report.values).toEqual(expected.values);
    expect(report.printed).toEqual(expected.printed);
    expect(report.fee).toEqual(expected.fee);
    expect(report.organ).toEqual(expected.organ);
    expect(report.year).toBe(2023);
    expect(report.dates).toEqual(expected.dates);
  });

  it('reads the narrative of every slot, split by the template headings despite variant wording', () => {
    for (const t of template.texts) expect(report.narrative[t.id], t.id).toEqual(expected.narrative[t.id]);
    const headingNotes = result.notes.filter((n) => n.message.includes('按模板的'));
    expect(headingNotes.map((n) => n.place)).toEqual(['（三）政府信息管理', '（四）政府信息公开平台建设']);
  });

  it('is a valid report that checks exactly like the example', () => {
    expect(parseReportText(JSON.stringify(report), nodeRegistry().get).ok).toBe(true);
    const opts = { today: '2024-01-20' } as const;
    // The import marks the report as published (its `source`): the example checked as the same published report.
    expect(checkReport(template, report, opts)).toEqual(checkReport(template, { ...expected, source: report.source }, opts));
  });

  it('flags only grid 四: values aligned by column position and the blank 行政复议 cells', () => {
    const appeals = template.grid('appeals').cells.map((c) => c.id);
    expect(new Set(result.flagged)).toEqual(new Set(appeals));
    const shifted = result.notes.find((n) => n.message.includes('按表头的列位置对齐'));
    expect(shifted?.level).toBe('warning');
    const blank = result.notes.find((n) => n.message.includes('来源为空白'));
    expect(blank?.cells).toEqual(appeals.filter((id) => id.includes(':review.')));
    expect(result.format?.id).toBe('gov-info-2021');
    expect(result.valuesRead).toBe(Object.values(report.values).filter((v) => v !== null).length + Object.values(report.printed!).filter((v) => v !== null).length);
  });

  it('says the organ name was inferred from the title', () => {
    expect(result.notes.find((n) => n.place === '发文机关署名')?.message).toContain('原州区三营镇人民政府');
  });
});

describe('seed 003 (2019 template)', () => {
  const result = importText(seed('003_'), template);
  it('is recognised as the 2019 format, with a note', () => {
    expect(result.format?.id).toBe('gov-info-2019');
    expect(result.notes.some((n) => n.place === '格式' && n.level === 'warning' && n.message.includes('2019'))).toBe(true);
  });
  it('puts the one-row （六）其他处理 into 3.其他, flagged, and leaves the other two blank', () => {
    const note = result.notes.find((n) => n.message.includes('印成一行'))!;
    expect(note.level).toBe('warning');
    expect(note.cells).toContain('applications:other.other:natural-person');
    expect(note.cells).toContain('applications:other.no-correction:natural-person');
    expect(result.report.values['applications:other.other:natural-person']).toBe(0);
    expect(result.report.values['applications:other.no-correction:natural-person']).toBeNull();
    expect(result.report.values['applications:other.fee-unpaid:commercial']).toBeNull();
  });
  it('imports no 2019 第二十条 column whose meaning differs, and says so', () => {
    expect(result.report.values['article-20:regulations:issued']).toBeNull();
    expect(result.notes.some((n) => n.message.includes('本年新制作数量') && n.message.includes('未导入'))).toBe(true);
    // 处理决定数量 is near enough to 本年处理决定数量: read, but flagged.
    expect(result.report.values['article-20:licensing:decisions']).toBe(0);
    expect(result.flagged).toContain('article-20:licensing:decisions');
    expect(result.notes.some((n) => n.message.includes('其他对外管理服务事项'))).toBe(true);
  });
  it('reads the signature and the date as 发文机关署名 and 成文日期', () => {
    expect(result.report.organ.name).toBe('三元区莘口镇人民政府');
    expect(result.report.dates.written).toBe('2020-01-13');
    expect(result.report.year).toBe(2019);
    expect(result.report.narrative.other).toBe('无');
  });
  it('reads grid 三 and grid 四 values', () => {
    expect(result.report.values['applications:new:natural-person']).toBe(0);
    expect(result.report.values['appeals:cases:review.upheld']).toBe(0);
    expect(result.report.values['appeals:cases:after-review.pending']).toBe(0);
  });
});

describe('seed 003: the 发文字号 above the title, and the preface heading 引言', () => {
  const text = seed('003_');
  it('keeps the 文号 out of the title: organ 三元区莘口镇, year 2019; the 文号 is a note', () => {
    const result = importText(text, template, { fallbackYear: 1999 });
    expect(result.report.organ).toEqual({ name: '三元区莘口镇人民政府', titleName: '三元区莘口镇', level: 'township' });
    expect(result.report.year).toBe(2019);
    const note = result.notes.find((n) => n.place === '发文字号');
    expect(note?.level).toBe('info');
    expect(note?.message).toContain('莘政文〔2020〕5号');
    expect(Object.values(result.report.narrative).join('\n')).not.toContain('莘政文');
  });

  it('reads a title broken over three lines with spaces, after a 文号 in other brackets', () => {
    const split = text
      .replace('莘政文〔2020〕5号', '莘政文[2020]5号')
      .replace('三元区莘口镇 2019 年政府信息公开工作 年度报告', '三元区莘口镇\n\n 2019 年政府信息公开\n工作 年度报告');
    expect(split).not.toBe(text);
    const result = importText(split, template, { fallbackYear: 1999 });
    expect(result.report.organ.titleName).toBe('三元区莘口镇');
    expect(result.report.year).toBe(2019);
    expect(result.notes.some((n) => n.place === '标题')).toBe(false);
    expect(result.report.narrative.preface).toMatch(/^本年度报告根据/);
  });

  it.each(['003_', '001_'])('%s: 引言 is a heading, not text of the preface', (prefix) => {
    const result = importText(seed(prefix), template);
    const preface = result.report.narrative.preface ?? '';
    expect(preface.length).toBeGreaterThan(20);
    expect(preface.split('\n')).not.toContain('引言');
    expect(result.notes.some((n) => n.place === template.spec.preface.label && n.message.includes('“引言”'))).toBe(true);
  });

  it('takes a numbered 一、概述 for the first section, not for a preface heading (seed 004: its text is 一’s)', () => {
    const result = importText(seed('004_'), template);
    expect(result.report.source?.headings).toContain('一、概述');
    expect(result.report.narrative.overview).toMatch(/^2017年，咸祥镇政府/);
    expect(result.notes.some((n) => n.place === template.spec.preface.label)).toBe(false);
  });
});

describe('older seeds (before 2019)', () => {
  it.each(['000_', '001_', '004_'])('%s is recognised as the older format; no value lands in the 2021 grid', (prefix) => {
    const result = importText(seed(prefix), template);
    expect(result.format?.id).toBe('gov-info-2008');
    expect(result.valuesRead).toBe(0);
    expect(Object.values(result.report.values).every((v) => v === null)).toBe(true);
    expect(result.report.year).toBeLessThan(2019);
    expect(result.recognised).toBe(true);
    // Chosen by its grid, it goes to the template of its 统计表.
    expect(importAny(readText(seed(prefix)), nodeRegistry()).template.id).toBe('gov-info-2008');
  });
});
