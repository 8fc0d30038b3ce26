// Consistent random reports give no error, drafted or published, and the narrative rules stay
// silent when the words state what the grids hold (R10, R19, R24). The narrative is written from
// the grid in the forms real reports use; expected agreement is worked out here, not by the rules.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkReport, computeValues, type Report } from '../../src/core';
import { busy, published, real, template } from './helpers';

const apps = template.grid('applications');
const inputColumns = apps.columnIds.filter((col) => !template.cells.get(`applications:new:${col}`)!.computed);
const FEE_NONE = real('01_', '按照《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）规定的按件、按量收费标准，本年度没有产生信息公开处理费。');
const PROBLEMS = real('02_', '一是政府门户网站中“基层政务公开”栏目更新不及时；二是政务公开的形式比较单一，载体不够多元化；三是公开的信息多为常规工作信息，缺乏深度。');

const consistent = fc
  .record({
    counts: fc.array(fc.nat({ max: 40 }), { minLength: template.inputCells.length, maxLength: template.inputCells.length }),
    carry: fc.array(fc.nat({ max: 4 }), { minLength: 2 * inputColumns.length, maxLength: 2 * inputColumns.length }),
    amount: fc.integer({ min: 0, max: 999_999_999 }).map((u) => u / 1_000_000),
    spaced: fc.boolean(),
  })
  .map(({ counts, carry, amount, spaced }) => {
    const r: Report = { ...busy(), printed: undefined, lastYear: undefined, revise: undefined };
    r.organ.level = 'county-department';
    r.values = {};
    template.inputCells.forEach((c, i) => (r.values[c.id] = c.kind === 'amount' ? amount : counts[i]!));
    inputColumns.forEach((col, i) => {
      const outcomes = computeValues(template, r).get(`applications:outcome-total:${col}`) ?? 0;
      const forward = carry[i]!;
      const over = Math.min(carry[i + inputColumns.length]!, outcomes + forward);
      r.values[`applications:carry-forward:${col}`] = forward;
      r.values[`applications:carried-over:${col}`] = over;
      r.values[`applications:new:${col}`] = outcomes + forward - over;
    });
    const v = computeValues(template, r);
    const n = (id: string) => v.get(id) ?? 0;
    const s = spaced ? ' ' : '';
    const unpaid = n('applications:other.fee-unpaid:total');
    r.fee = unpaid > 0 ? { status: 'collected', notices: unpaid, amount: 0, collectedAmount: 0 } : { status: 'none', notices: null, amount: null, collectedAmount: null };
    r.narrative = {
      ...r.narrative,
      'overview.active': `${r.year}年主动公开政府信息312条，制发行政规范性文件${n('article-20:normative-documents:issued')}件，现行有效规范性文件${n('article-20:normative-documents:in-force')}件。`,
      'overview.request':
        `${r.year}年共受理政府信息公开申请${s}${n('applications:new:total')}${s}件，上年结转${n('applications:carried-over:total')}件，` +
        `结转下年度继续办理${n('applications:carry-forward:total')}件。` +
        (n('applications:carry-forward:total') === 0 ? '以上申请均已按时办结。' : ''),
      appeals: `本年度发生行政复议${n('appeals:cases:review.total')}件，行政诉讼${n('appeals:cases:direct.total') + n('appeals:cases:after-review.total')}件。`,
      problems: PROBLEMS,
      other: unpaid > 0 ? `本年度共发出收费通知${unpaid}件，申请人均逾期未缴纳，实际收取0元。` : FEE_NONE,
    };
    return r;
  });

describe('consistent random reports', () => {
  it('give no error, drafted, finished or published, and no narrative-versus-grid warning', () => {
    fc.assert(
      fc.property(consistent, (r) => {
        const asPublished = published(r, { shownDate: `${r.year + 1}-01-20`, shownDateKind: 'signature' });
        for (const findings of [
          checkReport(template, r, { mode: 'draft' }),
          checkReport(template, r, { mode: 'final', today: `${r.year + 1}-01-10` }),
          checkReport(template, asPublished),
        ]) {
          expect(findings.filter((f) => f.level === 'error').map((f) => f.message)).toEqual([]);
          expect(findings.filter((f) => ['R10', 'R19', 'R24'].includes(f.rule)).map((f) => f.message)).toEqual([]);
        }
      }),
      { numRuns: 120 },
    );
  });
});
