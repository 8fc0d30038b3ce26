// A published report is judged as published: the date it shows, not today; no demand for a
// 成文日期 it does not print; a cell the import could not read is not the publisher's blank; a
// value the import is unsure of never drives an error. R5 takes 万元 amounts to the fen.
import { describe, expect, it } from 'vitest';
import { checkReport, shownDateOf } from '../../src/core';
import { busy, findingsOf, published, real, template } from './helpers';

describe('how check knows a report is published', () => {
  it('source.kind or the published option; asked with the option, the check is of a finished report', () => {
    const r = busy();
    r.dates.written = null;
    expect(findingsOf('R16', r).map((f) => f.level)).toEqual(['incomplete']);
    expect(findingsOf('R16', published(r)).map((f) => f.level)).toEqual(['warning']);
    expect(findingsOf('R16', r, { published: true }).map((f) => f.level)).toEqual(['warning']);
    expect(findingsOf('R16', r, { mode: 'final' }).map((f) => f.level)).toEqual(['error']);
  });
});

describe('R15 compares the date the source shows, never today', () => {
  it('a late shown date is named by its kind; no shown date, no finding, whatever today is', () => {
    const r = published(busy(), { shownDate: '2025-02-20', shownDateKind: 'published' });
    r.dates.written = null;
    expect(findingsOf('R15', r, { today: '2026-12-01' }).map((f) => f.message)).toEqual(['来源显示的发布日期2025年2月20日晚于公开期限2025年1月31日']);
    r.source!.shownDate = '2025-01-20';
    expect(findingsOf('R15', r, { today: '2026-12-01' })).toEqual([]);
    r.source!.shownDate = null;
    expect(findingsOf('R15', r, { today: '2026-12-01' })).toEqual([]);
    // No date shown but a signature read into 成文日期: that date.
    r.dates.written = '2025-02-03';
    expect(findingsOf('R15', r, { today: '2026-12-01' }).map((f) => f.params.date)).toEqual(['2025年2月3日']);
    // A draft finished today past the deadline is still told so.
    expect(findingsOf('R15', { ...busy(), dates: { written: null, deadline: null } }, { mode: 'final', today: '2026-12-01' })).toHaveLength(1);
  });

  it('signed in time but published late is late, by the 发布日期; the later of the two dates decides', () => {
    const withPublished = (shownDate: string, publishedDate?: string) => {
      const r = published(busy(), { shownDate, shownDateKind: 'signature', ...(publishedDate ? { publishedDate } : {}) });
      r.dates.written = shownDate;
      return findingsOf('R15', r).map((f) => f.message);
    };
    expect(withPublished('2025-01-20', '2025-02-10')).toEqual(['来源显示的发布日期2025年2月10日晚于公开期限2025年1月31日']);
    expect(withPublished('2025-01-20', '2025-01-25')).toEqual([]);
    // Signed late and published later still: the later date is named.
    expect(withPublished('2025-02-03', '2025-02-10')).toEqual(['来源显示的发布日期2025年2月10日晚于公开期限2025年1月31日']);
    // A 发布日期 before the signature (a slip in the source): the signature is the later date.
    expect(withPublished('2025-02-03', '2025-01-25')).toEqual(['来源报告落款的成文日期2025年2月3日晚于公开期限2025年1月31日']);
    // Without the key the signature alone decides, as before.
    expect(withPublished('2025-01-20')).toEqual([]);
    expect(withPublished('2025-02-03')).toEqual(['来源报告落款的成文日期2025年2月3日晚于公开期限2025年1月31日']);
    // Only a 发布日期, no signature read.
    const r = published(busy(), { publishedDate: '2025-02-10' });
    r.dates.written = null;
    expect(findingsOf('R15', r).map((f) => f.params.date)).toEqual(['2025年2月10日']);
  });

  it('a 成文日期 before the year has ended is named, in a draft and in a published report', () => {
    const r = busy();
    r.dates.written = `${r.year - 1}-01-05`; // made up: last year's date left in
    expect(findingsOf('R15', r).map((f) => [f.level, f.message])).toEqual([
      ['warning', `成文日期${r.year - 1}年1月5日早于${r.year}年度结束，报告不应在统计期限结束前成文，请核对（可能沿用了上一年的日期）`],
    ]);
    const p = published(busy(), { shownDate: `${r.year}-11-30`, shownDateKind: 'signature' });
    p.dates.written = null;
    expect(findingsOf('R15', p).map((f) => f.params.date)).toEqual([`${r.year}年11月30日`]);
    // Signed on the last day of the year (#11: 2017年12月31日) or in January after it: not early.
    const f = real('11_', '平潭综合实验区财政金融局2017年12月31日');
    expect(f).toContain('12月31日');
    for (const written of [`${r.year}-12-31`, `${r.year + 1}-01-20`]) {
      r.dates.written = written;
      expect(findingsOf('R15', r), written).toEqual([]);
    }
    // A 发布日期 is no 成文日期: published early it says nothing of when the report was written.
    const q = published(busy(), { shownDate: `${r.year}-06-01`, shownDateKind: 'published' });
    q.dates.written = null;
    expect(findingsOf('R15', q)).toEqual([]);
  });

  it('shownDateOf, which the review can share with R15: the later date and its kind, or null', () => {
    const dates = { written: '2025-01-20', deadline: null };
    expect(shownDateOf({ dates, source: { kind: 'published', form: 'html', publishedDate: '2025-02-10' } })).toEqual({ date: '2025-02-10', kind: 'published' });
    expect(shownDateOf({ dates, source: { kind: 'published', form: 'html' } })).toEqual({ date: '2025-01-20', kind: 'signature' });
    expect(shownDateOf({ dates: { written: null, deadline: null } })).toBeNull();
  });

  it('an organ of unknown level gets the latest deadline any level has (3月31日 for a 县级以上人民政府)', () => {
    const r = published(busy(), { shownDate: '2025-03-05', shownDateKind: 'published' });
    r.organ.level = null;
    expect(findingsOf('R15', r)).toEqual([]);
    r.organ.level = 'county-department';
    expect(findingsOf('R15', r)).toHaveLength(1);
  });
});

describe('R6 and the import', () => {
  it('a cell in source.unread is not the publisher blank; the same blank unread-less is an error', () => {
    const r = busy();
    r.values['applications:disclosed:commercial'] = null;
    expect(findingsOf('R6', published(r), { mode: 'final' }).map((f) => [f.level, f.cells[0]])).toEqual([['error', 'applications:disclosed:commercial']]);
    expect(findingsOf('R6', published(r, { unread: ['applications:disclosed:commercial'] }), { mode: 'final' })).toEqual([]);
    // A total printed blank ("/") is the publisher's; one the import could not read is not.
    const t = busy();
    t.printed = { ...t.printed, 'applications:new:total': null };
    expect(findingsOf('R6', published(t), { mode: 'final' }).map((f) => f.cells[0])).toEqual(['applications:new:total']);
    expect(findingsOf('R6', published(t, { unread: ['applications:new:total'] }), { mode: 'final' })).toEqual([]);
  });

  it('a blank the import is unsure of is its doubt, named in its notes, not a blank to send the unit', () => {
    // #21 prints this row's three cells as four digits run together: the import cannot split them.
    expect(real('21_', '行政规范性文件2025第二十条').match(/文件(\d+)第/)?.[1]).toHaveLength(4);
    const row = ['article-20:normative-documents:issued', 'article-20:normative-documents:repealed', 'article-20:normative-documents:in-force'];
    const r = busy();
    for (const id of row) r.values[id] = null;
    r.values['applications:disclosed:commercial'] = null; // made up: a blank the import is sure of
    expect(findingsOf('R6', published(r, { uncertain: row }), { mode: 'final' }).map((f) => [f.level, f.cells])).toEqual([['error', ['applications:disclosed:commercial']]]);
    // Without the doubt, each is the publisher's blank; in a draft, the clerk's to fill in.
    expect(findingsOf('R6', published(r), { mode: 'final' }).map((f) => f.cells[0])).toEqual([...row, 'applications:disclosed:commercial']);
    expect(findingsOf('R6', r, { mode: 'final' }).map((f) => f.cells[0])).toEqual([...row, 'applications:disclosed:commercial']);
    // A total printed blank that the import is unsure of is not told either.
    const t = busy();
    t.printed = { ...t.printed, 'applications:new:total': null };
    expect(findingsOf('R6', published(t, { uncertain: ['applications:new:total'] }), { mode: 'final' })).toEqual([]);
    expect(findingsOf('R6', published(t), { mode: 'final' }).map((f) => f.cells[0])).toEqual(['applications:new:total']);
  });

  it('a published blank is told as what the source shows (blank where a number is required), not as an instruction to fill in 0', () => {
    const r = busy();
    r.values['applications:disclosed:commercial'] = null;
    const [pub = ''] = findingsOf('R6', published(r), { mode: 'final' }).map((f) => f.message);
    expect(pub).toMatch(/^三、.*商业企业.*：来源报告中此处为空白，模板要求填写数字/);
    expect(pub).not.toContain('请填');
    expect(findingsOf('R6', r, { mode: 'final' }).map((f) => f.message)).toEqual([pub.replace(/：.*$/, '：尚未填写，没有发生的请填0')]);
  });

  it('a value in source.uncertain turns an arithmetic error into a warning that says so', () => {
    const r = busy();
    r.values['applications:disclosed:natural-person'] = (r.values['applications:disclosed:natural-person'] ?? 0) + 1;
    const sums = (fs: ReturnType<typeof checkReport>) => fs.filter((f) => ['R1', 'R2', 'R3'].includes(f.rule));
    const certain = sums(checkReport(template, published(r)));
    expect(certain.length).toBeGreaterThan(0);
    expect(certain.every((f) => f.level === 'error')).toBe(true);
    const unsure = sums(checkReport(template, published(r, { uncertain: ['applications:disclosed:natural-person'] })));
    expect(unsure.map((f) => f.rule)).toEqual(certain.map((f) => f.rule));
    expect(unsure.every((f) => f.level === 'warning' && f.message.includes('导入值不确定'))).toBe(true);
  });

  it('一 written as prose: covered aspects pass, a missing one is a warning naming it', () => {
    const r = busy();
    for (const p of ['active', 'request', 'management', 'platforms', 'oversight']) r.narrative[`overview.${p}`] = '';
    // Real prose of 一 from #01, which covers 主动公开 and 依申请 but says nothing of the others.
    r.narrative.overview =
      real('01_', '全年主动公开信息数160条') + '。' + real('01_', '全年共受理政府信息公开申请2件，已全部在规定时间内答复及办结。');
    const f = findingsOf('R6', published(r), { mode: 'final' });
    expect(f.map((x) => [x.level, x.params.part])).toEqual([
      ['warning', '（三）政府信息管理'],
      ['warning', '（四）政府信息公开平台建设'],
      ['warning', '（五）监督保障'],
    ]);
    r.narrative.overview += real('01_', '建立信息公开监督和保障制度') + real('01_', '依托“平潭综合实验区”政府门户网站') + real('01_', '完善信息公开审核、保密安全制度');
    expect(findingsOf('R6', published(r))).toEqual([]);
  });

  it('一 as prose: 保障 as a verb (保障政府信息应公开尽公开) is no word on 监督保障; 组织保障 is', () => {
    const r = busy();
    for (const p of ['active', 'request', 'management', 'platforms', 'oversight']) r.narrative[`overview.${p}`] = '';
    const base = real('17_', '全年政府信息主动公开52条') + '；' + real('17_', '办理依申请公开19件') + '。' + real('17_', '对存在应公开未公开的内容进行全面审核，保障政府信息应公开尽公开') + '，在门户网站公开。';
    r.narrative.overview = base;
    expect(findingsOf('R6', published(r)).map((x) => x.params.part)).toEqual(['（五）监督保障']);
    r.narrative.overview = base + '加强组织保障，明确专人负责。'; // made up
    expect(findingsOf('R6', published(r))).toEqual([]);
  });

  it('a text part a published report seems to lack is a warning (the import may miss a reworded heading)', () => {
    const r = busy();
    r.narrative.other = '';
    expect(findingsOf('R6', published(r)).map((f) => [f.level, f.text])).toEqual([['warning', 'other']]);
    expect(findingsOf('R6', r, { mode: 'final' }).map((f) => [f.level, f.text])).toEqual([['error', 'other']]);
  });
});

describe('R5: 万元 amounts', () => {
  it('six decimals (to the fen) are valid, seven are not', () => {
    const r = busy();
    r.values['article-20:fees:fee-amount'] = 1306.452317;
    expect(findingsOf('R5', r)).toEqual([]);
    r.values['article-20:fees:fee-amount'] = 1306.4523171;
    expect(findingsOf('R5', r).map((f) => f.message)).toEqual([expect.stringContaining('最多6位小数')]);
  });
});
