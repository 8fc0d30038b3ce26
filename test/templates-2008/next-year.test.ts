// Next year's report across templates: a 2018 report on the pre-2019 统计表 starts the 2019 report
// (text carried by the 2008 template's nextYear data, no 统计表 number has a 2019 counterpart, and
// both are said); a 2019-format report starts a 2021-format one by ids that mean the same.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { nextYearAcross, nextYearTemplate, parseReport, type Report } from '../../src/core';
import { registry, template, transcription } from './seeds';

const t2019 = registry.get('gov-info-2019')!;
const t2021 = registry.get('gov-info-2021')!;
const reopen = (report: Report) => parseReport(JSON.parse(JSON.stringify(report)), (id) => registry.get(id));

describe('from the pre-2019 template', () => {
  it('a 2018 report starts 2019 in the 2019 template; a 2017 one stays in its own', () => {
    expect(nextYearTemplate(registry, template, transcription('001')).id).toBe('gov-info-2019');
    expect(nextYearTemplate(registry, template, transcription('004')).id).toBe('gov-info-2008');
  });

  it('004 (2017 → 2018, same template): the usual next year, its 统计表 kept as last year', () => {
    const next = nextYearAcross(template, template, transcription('004'));
    expect(next.report.template).toBe('gov-info-2008');
    expect(next.report.lastYear?.values['statistics:active.total:value']).toBe(315);
    expect(next.droppedTexts).toEqual([]);
  });

  it('001 (2018 → 2019): text carried by meaning and marked for revision, the 统计表 named as not carried', () => {
    const last = transcription('001');
    const next = nextYearAcross(template, t2019, last);
    const parsed = reopen(next.report);
    expect(parsed.ok && parsed.template.id).toBe('gov-info-2019');
    expect(next.report.year).toBe(2019);
    expect(next.report.organ).toEqual(last.organ);
    expect(next.report.narrative.overview).toBe(last.narrative.overview);
    expect(next.report.narrative.problems).toBe(last.narrative.problems);
    expect(next.report.narrative.preface).toBeUndefined();
    expect(next.report.revise?.sort()).toEqual(['active-disclosure', 'other', 'overview', 'problems']);
    // 上年结转 has nothing to come from: blank, for the clerk to fill.
    expect(Object.values(next.report.values).every((v) => v === null)).toBe(true);
    const filled = Object.values(last.values).filter((v) => v != null).length + Object.values(last.printed ?? {}).filter((v) => v != null).length;
    expect(next.droppedCells).toEqual([{ grid: 'statistics', label: '附件：政府信息公开情况统计表', count: filled }]);
  });

  it('004 as if 2018: its 收费及减免 text has no place in 2019 and is named', () => {
    const last = { ...transcription('004'), year: 2018 };
    const next = nextYearAcross(template, t2019, last);
    expect(next.droppedTexts).toEqual(['四、政府信息公开的收费及减免情况']);
    expect(next.report.narrative.appeals).toBe(last.narrative.appeals);
  });
});

describe('from the 2019 template to 2021 (no mapping data: the same ids carry)', () => {
  const seed003 = (): Report => {
    const r = parseReport(JSON.parse(readFileSync(new URL('../../examples/seed-003.report.json', import.meta.url), 'utf8')), (id) => registry.get(id));
    if (!r.ok) throw new Error('seed-003');
    return { ...r.report, year: 2020 };
  };

  it('上年结转 is filled from last year\'s 结转下年度继续办理, and the 2019-only rows are named', () => {
    const last = seed003();
    last.values['applications:carry-forward:natural-person'] = 2;
    const next = nextYearAcross(t2019, t2021, last);
    expect(reopen(next.report).ok).toBe(true);
    expect(next.report.values['applications:carried-over:natural-person']).toBe(2);
    expect(next.report.lastYear?.values['applications:carry-forward:natural-person']).toBe(2);
    expect(next.droppedCells.map((d) => d.grid)).toContain('article-20');
  });
});
