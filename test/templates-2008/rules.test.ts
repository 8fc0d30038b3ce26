// The published numbers of the three seeds against the pre-2019 rules, and each relation of the
// 统计表 breaking on purpose: stated sums (R2), 其中 parts never above their whole (R30), the
// channels covering every item published (R30, a warning).
import { describe, expect, it } from 'vitest';
import { checkReport, type Finding, type Report } from '../../src/core';
import { template, transcription } from './seeds';

const cell = (row: string) => `statistics:${row}:value`;
const gridFindings = (r: Report): Finding[] => checkReport(template, r, { mode: 'final' }).filter((f) => f.cells.length > 0);
const summary = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.level} ${f.cells[0]}`);

describe('the seeds as published', () => {
  it('000 prints 四、行政复议数量 without a number: its total is blank, every other relation holds', () => {
    expect(summary(gridFindings(transcription('000')))).toEqual([`R6 error ${cell('review')}`]);
  });

  it('001 holds every relation of the 统计表', () => {
    expect(gridFindings(transcription('001'))).toEqual([]);
  });

  it('004 leaves 专职人员数 blank under a printed 3 (and has no 政府公报 row, which the rules do not blame)', () => {
    expect(summary(gridFindings(transcription('004')))).toEqual([`R6 error ${cell('staffing.full-time')}`]);
  });

  it('004 with 政府公报 0: the channels (260) cover less than the 315 items published, a warning', () => {
    const r = transcription('004');
    r.values[cell('active.gazette')] = 0;
    r.source = undefined;
    const found = gridFindings(r).filter((f) => f.rule === 'R30');
    expect(summary(found)).toEqual([`R30 warning ${cell('active.total')}`]);
    expect(found[0]!.message).toContain('（315）');
    expect(found[0]!.message).toContain('（260）');
  });
});

describe('relations of the 统计表', () => {
  const base = (): Report => transcription('001');

  it('a printed total that is not the sum of its items is an error naming both (R2)', () => {
    const r = base();
    r.printed = { ...r.printed, [cell('applications.received')]: 3 };
    r.values[cell('applications.online')] = 1;
    const found = gridFindings(r).filter((f) => f.rule === 'R2');
    expect(summary(found)).toEqual([`R2 error ${cell('applications.received')}`]);
    expect(found[0]!.message).toMatch(/（一）收到申请数（3）≠ 各分项之和（1）/);
  });

  it('a 其中 item above its whole is an error (R30): 主要负责同志 at more press conferences than were held', () => {
    const r = base();
    r.values[cell('response.press')] = 1;
    r.values[cell('response.press-head')] = 2;
    const found = gridFindings(r);
    expect(summary(found)).toEqual([`R30 error ${cell('response.press-head')}`]);
    expect(found[0]!.message).toContain('其中：主要负责同志参加新闻发布会次数（2）大于1.参加或举办新闻发布会总次数（1）');
  });

  it('a part equal to its whole is fine; blanks leave the relation unchecked', () => {
    const r = base();
    r.values[cell('answered.refused')] = 2;
    r.values[cell('refused.privacy')] = 2;
    r.values[cell('answered.disclosed')] = null;
    expect(gridFindings(r).filter((f) => f.rule === 'R30')).toEqual([]);
    r.values[cell('answered.refused')] = null;
    r.values[cell('refused.privacy')] = 5;
    expect(gridFindings(r).filter((f) => f.rule === 'R30')).toEqual([]);
  });

  it('万元 rows are amounts: four decimals accepted, a fraction of a count refused (R5)', () => {
    const r = base();
    r.values[cell('staffing.funds')] = 1.2345;
    r.values[cell('training.trainees')] = 1.5;
    expect(summary(gridFindings(r).filter((f) => f.rule === 'R5'))).toEqual([`R5 error ${cell('training.trainees')}`]);
  });
});
