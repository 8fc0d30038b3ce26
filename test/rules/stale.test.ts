// R29 and the stale fee statement (R11): next year's report, made from real reports (seed 002, a
// township's 2023 report, and corpus #01 as the importer reads it), points at each sentence that
// is still last year's, with its character range, and lets it go once the sentence is rewritten.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport, nextYearReport, type Finding, type Report } from '../../src/core';
import { importAny, readText } from '../../src/import';
import { nodeRegistry } from '../../src/node/templates';
import { seed002 } from '../core/fixtures';
import { real, template } from './helpers';

const rule = (id: string, r: Report, mode: 'draft' | 'final' = 'draft') => checkReport(template, r, { mode }).filter((f) => f.rule === id);
/** The text a finding's range marks. */
const marked = (r: Report, f: Finding) => r.narrative[f.text!]!.slice(...f.range!);

function corpus01(): Report {
  const text = readFileSync(new URL('../fixtures/corpus/01_pingtan-junshan-area-2023.txt', import.meta.url), 'utf8');
  const imported = importAny(readText(text), nodeRegistry());
  expect(imported.template.id).toBe(template.id);
  return imported.report;
}

describe('R29: the sentences of next year’s report that are still last year’s', () => {
  it('marks each copied sentence of a real report by its range, the ones naming 2023 as such', () => {
    const next = nextYearReport(template, seed002());
    const found = rule('R29', next);
    const sentence = real('002', '2023年共主动公开政务信息6条。');
    const active = found.find((f) => f.text === 'overview.active' && marked(next, f) === sentence);
    expect(active?.params.why).toBe('year');
    expect(active?.message).toBe(`一、总体情况 · （一）主动公开：“${sentence}”写的是上一年度（2023年）的工作，请按本年情况改写`);
    const copied = real('002', '我镇积极配合区政府做好政府网站内容建设工作，指定专人负责信息公开材料的收集，并做好“三营发布”平台的维护，扎实开展好政务公开、政府信息公开各项工作，同时，配合做好13个村的“原州区村务公开”小程序信息发布维护、审核管理等工作。');
    const platforms = found.filter((f) => f.text === 'overview.platforms');
    expect(platforms.map((f) => [f.params.why, marked(next, f)])).toEqual([['copied', copied]]);
    // Every mark is one whole sentence of the text, and leads to its text slot.
    for (const f of found) {
      expect(marked(next, f)).toMatch(/^[^。！？；\n]+[。！？；]?$/u);
      expect(f.place).toEqual({ kind: 'text', slot: f.text });
      expect(f.level).toBe('warning');
    }
  });

  it('reads corpus #01 as imported: every copied sentence is marked, the template’s own sentence is not', () => {
    const last = corpus01();
    const next = nextYearReport(template, last);
    const found = rule('R29', next);
    expect(found.length).toBeGreaterThan(15);
    const named = found.find((f) => f.text === 'overview' && f.params.why === 'year');
    expect(marked(next, named!)).toContain(real('01_', '2023年，我局按照政务公开有关工作要求'));
    // 六's 按照《…信息处理费管理办法》… sentence is the template's wording, the same every year by design.
    expect(found.filter((f) => f.text === 'other')).toEqual([]);
    // R24 does not say again what R29 marks in place.
    expect(rule('R24', next)).toEqual([]);
  });

  it('a comparison with last year is this year’s sentence; a rewritten sentence is no longer marked', () => {
    const next = nextYearReport(template, seed002());
    const sentence = '2023年共主动公开政务信息6条。';
    const rewrite = (to: string): Report => ({ ...next, narrative: { ...next.narrative, 'overview.active': next.narrative['overview.active']!.replace(sentence, to) } });
    const at = (r: Report) => rule('R29', r).filter((f) => f.text === 'overview.active').map((f) => marked(r, f));
    expect(at(next)).toContain(sentence);
    expect(at(rewrite('2024年共主动公开政务信息9条，较2023年增加3条。'))).toEqual(at(next).filter((s) => s !== sentence));
    // One character changed is a rewrite (the clerk confirmed the sentence by editing it).
    expect(at(rewrite('2024年共主动公开政务信息6条。'))).not.toContain('2024年共主动公开政务信息6条。');
  });

  it('a figure equal to last year’s where this year’s differs is last year’s (and R10 leaves it to R29)', () => {
    const last = corpus01();
    const stated = real('01_', '全年共受理政府信息公开申请2件');
    expect(last.values['applications:new:natural-person']! + (last.values['applications:new:commercial'] ?? 0)).toBe(2);
    const next = nextYearReport(template, last);
    next.values = { ...next.values, 'applications:new:natural-person': 15 };
    const found = rule('R29', next).filter((f) => f.params.why === 'number');
    expect(found).toHaveLength(1);
    expect(marked(next, found[0]!)).toContain(stated);
    expect(found[0]!.message).toContain('中的2是上一年度的本年新收申请件数（本年为15），请按本年情况改写');
    expect(rule('R10', next).filter((f) => String(f.params.quote).includes('受理政府信息公开申请2件'))).toEqual([]);
    // The same figure this year is no longer last year's figure (the copy is still marked as a copy).
    next.values = { ...next.values, 'applications:new:natural-person': 2 };
    expect(rule('R29', next).filter((f) => f.params.why === 'number')).toEqual([]);
  });

  it('judges against a bare report file given as last year’s (totals added up) and never a published report', () => {
    const last = corpus01();
    const next = nextYearReport(template, last);
    const { lastYear: _l, revise: _r, ...bare } = next;
    const draft: Report = { ...bare, values: { ...next.values, 'applications:new:natural-person': 15 } };
    const previous = { year: last.year, values: last.values, narrative: last.narrative };
    const withFile = checkReport(template, draft, { previous }).filter((f) => f.rule === 'R29');
    expect(withFile.some((f) => f.params.why === 'number')).toBe(true);
    expect(checkReport(template, draft).filter((f) => f.rule === 'R29')).toEqual([]);
    const published: Report = { ...draft, source: { kind: 'published', form: 'text' } };
    expect(checkReport(template, published, { previous }).filter((f) => f.rule === 'R29')).toEqual([]);
  });
});

describe('R11: a fee statement copied from last year is not this year’s', () => {
  const feeSentence = '本机关2023年未收到政府信息公开申请，未收取信息处理费。';

  it('is unfinished while drafting and an error checked as finished, placed on the sentence', () => {
    const next = nextYearReport(template, seed002());
    expect(next.fee.status).toBeNull();
    const draft = rule('R11', next);
    expect(draft).toHaveLength(1);
    expect(draft[0]!.level).toBe('incomplete');
    expect(marked(next, draft[0]!)).toBe(real('002', feeSentence));
    expect(draft[0]!.message).toContain(`信息处理费的说明“${feeSentence}”沿用上一年度报告`);
    expect(rule('R11', next, 'final')[0]!.level).toBe('error');
  });

  it('counts once rewritten for this year, or once the fee fields say this year’s', () => {
    const next = nextYearReport(template, seed002());
    const rewritten = { ...next, narrative: { ...next.narrative, other: next.narrative.other!.replace(feeSentence, '本机关2024年未收取信息处理费。') } };
    expect(rule('R11', rewritten, 'final')).toEqual([]);
    // Unchanged but without a year is still a copy.
    const noYear = { ...next, narrative: { ...next.narrative, other: '未收取信息处理费。' }, lastYear: { ...next.lastYear!, narrative: { ...next.lastYear!.narrative, other: '未收取信息处理费。' } } };
    expect(rule('R11', noYear, 'final')).toHaveLength(1);
    const confirmed = { ...next, fee: { ...next.fee, status: 'none' as const } };
    expect(rule('R11', confirmed, 'final')).toEqual([]);
  });
});
