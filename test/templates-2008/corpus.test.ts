// The 福建 short lists of the corpus (指标名称 / 计量单位 / 年末统计) map onto the standard
// indicators through the aliases of templates/index.json: a list flattened into running text (#11,
// #12) and a web page's table (#24, whose second column 历年累计 is not the year's) import their
// numbers; two printed rows of one indicator (电子邮件申请数, 网上申请数 → 网络申请数) add up, and
// rows without a counterpart (其他形式申请数, 行政申诉数) are named, not dropped silently.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importAny, readAnySource, readText, type AnyImportResult } from '../../src/import';
import { registry, template } from './seeds';

const corpus = (name: string) => readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url));
const numbers = (r: AnyImportResult) =>
  Object.fromEntries(Object.entries({ ...r.report.values, ...r.report.printed }).filter(([, v]) => v !== null).map(([k, v]) => [k.split(':')[1], v]));

describe('the short lists of the corpus', () => {
  it('#11 (2017, flattened text): every printed number', () => {
    const r = importAny(readText(corpus('11_pingtan-finance-2017.txt').toString('utf8')), registry);
    expect(r.template).toBe(template);
    expect(numbers(r)).toEqual({
      'active.total': 69, 'active.website': 69, 'active.gazette': 0,
      'applications.received': 1, 'applications.in-person': 0, 'applications.fax': 0, 'applications.online': 1,
    });
  });

  it('#12 (2009): 电子邮件 and 网上 add up to 网络申请数; 其他形式申请数 and 行政申诉数 are named', () => {
    const r = importAny(readText(corpus('12_pingtan-county-finance-2009.txt').toString('utf8')), registry);
    expect(numbers(r)).toEqual({
      'active.total': 6, 'active.website': 6, 'active.gazette': 0,
      'applications.received': 0, 'applications.in-person': 0, 'applications.fax': 0, 'applications.online': 0, 'applications.letter': 0,
      'applications.answered': 0, 'answered.disclosed': 0, 'answered.partly': 0, 'answered.refused': 0,
      review: 0, litigation: 0,
    });
    const named = r.notes.filter((n) => n.message.includes('没有对应的统计指标')).map((n) => n.message);
    expect(named).toEqual(['来源中的“6．其他形式申请数”没有对应的统计指标，未导入', '来源中的“行政申诉数”没有对应的统计指标，未导入']);
  });

  it('#24 (2013, web page): the year\'s column, 3 + 4 申请 by e-mail and online as 网络申请数 7', async () => {
    const source = await readAnySource(new Uint8Array(corpus('24_pingtan-county-gov-2013.html')), '24.html');
    const r = importAny(source.doc, registry);
    expect(r.report.year).toBe(2013);
    expect(numbers(r)).toEqual({
      'active.total': 1853, 'active.website': 1713, 'active.gazette': 0,
      'applications.received': 7, 'applications.in-person': 0, 'applications.fax': 0, 'applications.online': 7, 'applications.letter': 0,
      'applications.answered': 3, 'answered.disclosed': 2, 'answered.partly': 1, 'answered.refused': 0,
      review: 0, litigation: 0,
    });
    // 条 where the standard says 件: kept as printed-label differences.
    expect(r.report.source?.labels).toContainEqual({ row: 'applications.received', printed: '条', official: '件' });
  });
});
