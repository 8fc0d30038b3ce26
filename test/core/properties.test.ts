// Property tests over the rules engine (fast-check). Expected values are worked out here from the
// spec's arithmetic (the lists of items below, written out by hand), never by the code under test.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkReport, computeValues, createReport, parseCellInput, parseReport, type Finding, type Report } from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';
import { busy, readReport, template } from './fixtures';

const registry = nodeRegistry();
const apps = template.grid('applications');

/** A random consistent report: every rule holds; totals printed (as an import keeps them) or not. */
const consistentReport = fc
  .record({
    counts: fc.array(fc.nat({ max: 60 }), { minLength: template.inputCells.length, maxLength: template.inputCells.length }),
    extra: fc.array(fc.nat({ max: 5 }), { minLength: 14, maxLength: 14 }),
    amount: fc.integer({ min: 0, max: 99_999_999 }).map((u) => u / 10_000),
    printed: fc.boolean(),
  })
  .map(({ counts, extra, amount, printed }) => {
    const r: Report = { ...busy(), printed: undefined, lastYear: undefined };
    r.organ.level = 'other';
    r.values = {};
    template.inputCells.forEach((c, i) => (r.values[c.id] = c.kind === 'amount' ? amount : counts[i]!));
    // Balance each applicant column: new = outcomes + carry-forward − carried-over, never negative.
    apps.columnIds.filter((col) => !template.cells.get(`applications:new:${col}`)!.computed).forEach((col, i) => {
      const outcomes = computeValues(template, r).get(`applications:outcome-total:${col}`) ?? 0;
      const carryForward = extra[i]!;
      const carriedOver = Math.min(extra[i + 7]!, outcomes + carryForward);
      r.values[`applications:carry-forward:${col}`] = carryForward;
      r.values[`applications:carried-over:${col}`] = carriedOver;
      r.values[`applications:new:${col}`] = outcomes + carryForward - carriedOver;
    });
    const v = computeValues(template, r);
    if (printed) r.printed = Object.fromEntries([...template.cells.values()].filter((c) => c.computed).map((c) => [c.id, v.get(c.id)!]));
    // Last year consistent with this year's 第二十条（一）, for R8.
    const ly: Record<string, number> = {};
    for (const row of ['regulations', 'normative-documents']) {
      const g = (col: string) => v.get(`article-20:${row}:${col}`)!;
      ly[`article-20:${row}:in-force`] = g('in-force') - g('issued') + g('repealed');
    }
    for (const col of apps.columnIds) ly[`applications:carry-forward:${col}`] = v.get(`applications:carried-over:${col}`)!;
    r.lastYear = { year: r.year - 1, values: ly, narrative: {} };
    r.narrative = { ...r.narrative, 'overview.request': '依申请公开工作依法有序开展。', 'overview.active': '主动公开工作依法有序开展。', other: '本年无其他需要报告的事项。' };
    return r;
  });

describe('rules engine properties', () => {
  it('random consistent reports produce no error (draft and final)', () => {
    fc.assert(
      fc.property(consistentReport, (r) => {
        expect(checkReport(template, r, { mode: 'final', today: '2025-01-10' }).filter((f) => f.level === 'error')).toEqual([]);
        expect(checkReport(template, r, { mode: 'draft' }).filter((f) => f.level === 'error')).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  // Every cell some cross-footing or continuity rule covers: grids 三 and 四 (with their printed
  // totals) and 第二十条（一） (with last year's report). （五）（六）（八） have no such rule.
  const covered = [...template.cells.values()].filter((c) => c.grid !== 'article-20' || ['regulations', 'normative-documents'].includes(c.row));

  // With the totals printed, as in a published report: typed totals make every cell checkable.
  it('changing any one covered cell of a consistent report yields findings that name that cell', () => {
    fc.assert(
      fc.property(consistentReport, fc.constantFrom(...covered), fc.integer({ min: 1, max: 9 }), (r, cell, delta) => {
        const v = computeValues(template, r);
        r.printed ??= Object.fromEntries([...template.cells.values()].filter((c) => c.computed).map((c) => [c.id, v.get(c.id)!]));
        if (cell.computed) {
          r.printed[cell.id] = (r.printed[cell.id] ?? 0) + delta;
        } else {
          r.values[cell.id] = (r.values[cell.id] ?? 0) + delta;
        }
        const findings = checkReport(template, r, { mode: 'draft' });
        expect(findings.some((f) => f.cells.includes(cell.id))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('any value that is not a non-negative count or 4-decimal amount is an R5 error naming the cell', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...template.inputCells),
        fc.oneof(fc.integer({ max: -1 }), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => Math.abs(d * 10_000 - Math.round(d * 10_000)) > 1e-3) /* off the 0.0001 grid by more than float noise */, fc.constant(1e12)),
        (cell, bad) => {
          const r = busy();
          r.values[cell.id] = bad;
          const r5 = checkReport(template, r).filter((f) => f.rule === 'R5');
          expect(r5.map((f) => [f.level, f.cells])).toEqual([['error', [cell.id]]]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on any JSON input: a report or Chinese problems', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const parsed = parseReport(json, registry.get);
        if (parsed.ok) checkReport(parsed.template, parsed.report);
        else expect(parsed.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on a valid report with any part replaced by any JSON', () => {
    const base = busy() as unknown as Record<string, unknown>;
    const keys = Object.keys(base);
    const cellIds = [...template.cells.keys()];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.constantFrom(...cellIds), fc.jsonValue(), fc.boolean(), (key, cell, junk, inValues) => {
        const doc = structuredClone(base) as Record<string, Record<string, unknown>>;
        if (inValues) doc.values![cell] = junk;
        else (doc as Record<string, unknown>)[key] = junk;
        const parsed = parseReport(doc, registry.get);
        if (parsed.ok) expect(() => checkReport(parsed.template, parsed.report, { mode: 'final', previous: parsed.report })).not.toThrow();
        else expect(parsed.problems.every((p) => p.message.length > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('an empty new report checks without throwing and lists every blank cell as incomplete', () => {
    const r = createReport(template, 2025);
    const f = checkReport(template, r);
    expect(f.filter((x) => x.rule === 'R6' && x.cells.length === 1)).toHaveLength(template.inputCells.length);
    expect(f.every((x) => x.level !== 'error')).toBe(true);
  });
});

// The spec's sums, written out independently of the template's `sums` and `rules`.
const APPLICANTS = ['natural-person', 'commercial', 'research', 'public-interest', 'legal-services', 'other-organisation'];
const OUTCOMES = [
  'disclosed', 'partly-disclosed',
  'withheld.state-secret', 'withheld.prohibited-by-law', 'withheld.three-securities', 'withheld.third-party',
  'withheld.internal-affairs', 'withheld.process-info', 'withheld.enforcement-files', 'withheld.inquiry-matters',
  'unable.not-held', 'unable.needs-creation', 'unable.still-unclear',
  'not-processed.petition', 'not-processed.repeated', 'not-processed.publications', 'not-processed.vexatious', 'not-processed.confirmation',
  'other.no-correction', 'other.fee-unpaid', 'other.other',
];
const APPLICATION_ROWS = ['new', 'carried-over', ...OUTCOMES, 'carry-forward'];
const APPEALS = ['review', 'direct', 'after-review'];
const APPEAL_RESULTS = ['upheld', 'corrected', 'other', 'pending'];

/** A sum as the spec means it: blanks count as nothing, and a total of blanks only is blank. */
function sumOf(values: Record<string, number | null | undefined>, ids: string[]): number | null {
  const present = ids.map((id) => values[id]).filter((v): v is number => v != null);
  return present.length ? present.reduce((a, b) => a + b, 0) : null;
}

/** Every total of the 2021 grids, from the input values alone. */
function specTotals(values: Record<string, number | null | undefined>): Map<string, number | null> {
  const app = (row: string, col: string) => `applications:${row}:${col}`;
  const totals = new Map<string, number | null>();
  for (const row of APPLICATION_ROWS) totals.set(app(row, 'total'), sumOf(values, APPLICANTS.map((c) => app(row, c))));
  for (const col of APPLICANTS) totals.set(app('outcome-total', col), sumOf(values, OUTCOMES.map((o) => app(o, col))));
  totals.set(app('outcome-total', 'total'), sumOf(values, OUTCOMES.flatMap((o) => APPLICANTS.map((c) => app(o, c)))));
  for (const g of APPEALS) totals.set(`appeals:cases:${g}.total`, sumOf(values, APPEAL_RESULTS.map((r) => `appeals:cases:${g}.${r}`)));
  return totals;
}

const EQUATION_KINDS = new Set(['balance', 'sum', 'previous']);
const equationRules = template.spec.rules.filter((r) => EQUATION_KINDS.has(r.kind)).map((r) => r.id);
const onlyRule = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

describe('totals and equations against the spec', () => {
  it('every computed total is the spec sum of its items, blank only when all its items are blank', () => {
    const blankable = fc.option(fc.nat({ max: 40 }), { nil: null, freq: 3 });
    fc.assert(
      fc.property(
        fc.array(blankable, { minLength: template.inputCells.length, maxLength: template.inputCells.length }),
        fc.subarray(APPLICATION_ROWS),
        fc.subarray(APPLICANTS),
        (cells, blankRows, blankColumns) => {
          const r = busy();
          r.printed = undefined;
          template.inputCells.forEach((c, i) => (r.values[c.id] = c.kind === 'count' ? cells[i]! : r.values[c.id]));
          // Whole rows and columns blank, so totals of blanks only occur.
          for (const c of template.inputCells) {
            if (c.grid === 'applications' && (blankRows.includes(c.row) || blankColumns.includes(c.column))) r.values[c.id] = null;
          }
          const expected = specTotals(r.values);
          const computed = computeValues(template, r);
          const computedCells = [...template.cells.values()].filter((c) => c.computed).map((c) => c.id).sort();
          expect(computedCells).toEqual([...expected.keys()].sort());
          for (const [id, v] of expected) expect([id, computed.get(id)]).toEqual([id, v]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the equation rules are R1–R4, R7 and R8', () => {
    expect(equationRules).toEqual(['R1', 'R2', 'R3', 'R4', 'R7', 'R8']);
  });

  it('a consistent report, last year included, gives no finding of any equation rule at any level', () => {
    fc.assert(
      fc.property(consistentReport, (r) => {
        const findings = checkReport(template, r, { mode: 'final', today: '2025-01-10' });
        expect(findings.filter((f) => equationRules.includes(f.rule)).map((f) => f.message)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('R8: 现行有效件数 is last year’s + 制发 − 废止; a last year off by δ gives one warning with that expectation', () => {
    fc.assert(
      fc.property(consistentReport, fc.constantFrom('regulations', 'normative-documents'), fc.integer({ min: 1, max: 9 }), (r, row, delta) => {
        const at = (col: string) => `article-20:${row}:${col}`;
        r.lastYear!.values[at('in-force')]! += delta;
        const lastYear = r.lastYear!.values[at('in-force')]!;
        const [issued, repealed, inForce] = [r.values[at('issued')]!, r.values[at('repealed')]!, r.values[at('in-force')]!];
        const r8 = onlyRule(checkReport(template, r), 'R8');
        expect(r8.map((f) => [f.level, f.cells[0], f.params.actual, f.params.expected])).toEqual([['warning', at('in-force'), inForce, lastYear + issued - repealed]]);
      }),
      { numRuns: 100 },
    );
  });

  it('R1: a change of δ in any cell of a 三 column unbalances that column and 总计 by exactly δ', () => {
    fc.assert(
      fc.property(consistentReport, fc.constantFrom(...APPLICATION_ROWS), fc.constantFrom(...APPLICANTS), fc.integer({ min: 1, max: 9 }), fc.boolean(), (r, row, col, step, down) => {
        r.printed = undefined;
        const delta = down ? -Math.min(step, r.values[`applications:${row}:${col}`]!) || step : step;
        r.values[`applications:${row}:${col}`]! += delta;
        const findings = checkReport(template, r);
        // That column, and the 总计 column that adds it in.
        const onLeft = row === 'new' || row === 'carried-over';
        const r1 = onlyRule(findings, 'R1').map((f) => [f.cells[0], Number(f.params.left) - Number(f.params.right)]);
        expect(r1).toEqual([`applications:new:${col}`, 'applications:new:total'].map((cell) => [cell, onLeft ? delta : -delta]));
        // Totals are computed here, so the sum rules have nothing to say.
        expect(findings.filter((f) => ['R2', 'R3', 'R4'].includes(f.rule))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('R2–R4: against printed totals, a change of δ in an item puts its row and column totals off by exactly δ (too small or too large)', () => {
    const items = [
      ...OUTCOMES.flatMap((o) => APPLICANTS.map((c) => ({ cell: `applications:${o}:${c}`, totals: { R2: `applications:${o}:total`, R3: `applications:outcome-total:${c}` } }))),
      ...APPEALS.flatMap((g) => APPEAL_RESULTS.map((x) => ({ cell: `appeals:cases:${g}.${x}`, totals: { R4: `appeals:cases:${g}.total` } }))),
    ];
    fc.assert(
      fc.property(consistentReport, fc.constantFrom(...items), fc.integer({ min: 1, max: 9 }), fc.boolean(), (r, item, step, down) => {
        const v = computeValues(template, r);
        r.printed = Object.fromEntries([...template.cells.values()].filter((c) => c.computed).map((c) => [c.id, v.get(c.id)!]));
        // Down by at most the value (counts stay ≥ 0); up when the cell holds 0.
        const delta = down ? -Math.min(step, r.values[item.cell]!) || step : step;
        r.values[item.cell]! += delta;
        const findings = checkReport(template, r);
        const got = findings.filter((f) => ['R2', 'R3', 'R4'].includes(f.rule)).map((f) => [f.rule, f.cells[0], Number(f.params.sum) - Number(f.params.total)]);
        expect(got.sort()).toEqual(Object.entries(item.totals).map(([rule, total]) => [rule, total, delta]).sort());
      }),
      { numRuns: 200 },
    );
  });
});

describe('cell input', () => {
  const MAX = 1e11;
  const fullWidth = (s: string) => s.replace(/[0-9.,-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const grouped = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 4 });

  it('reads any count as typed plainly, in full-width digits, with thousands separators or spaces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX }), fc.constantFrom(' ', '\u3000', '\t', ''), (n, pad) => {
        for (const typed of [String(n), fullWidth(String(n)), grouped(n), fullWidth(grouped(n)), `${pad}${n}${pad}`]) {
          expect([typed, parseCellInput(typed, 'count')]).toEqual([typed, { ok: true, value: n }]);
        }
      }),
      { numRuns: 300 },
    );
  });

  // Up to about 1.1 × 10⁸ 万元 (2⁴⁰ units of 0.0001): far past any real amount, where float error
  // in scaling is largest.
  it('reads any 万元 amount of up to 4 decimals exactly, and refuses a fifth', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 9 }), (units, fifth) => {
        const amount = units / 10_000;
        expect(parseCellInput(String(amount), 'amount')).toEqual({ ok: true, value: amount });
        expect(parseCellInput(grouped(amount), 'amount')).toEqual({ ok: true, value: amount });
        const fiveDecimals = `${Math.floor(units / 10_000)}.${String(units % 10_000).padStart(4, '0')}${fifth}`;
        expect(parseCellInput(fiveDecimals, 'amount')).toMatchObject({ ok: false, code: 'too-precise' });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses fractions and negatives of counts, and anything past 10¹¹, with the reason as a code and what was typed; a signed cell takes negatives', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX }), fc.integer({ min: 1, max: 9 }), (n, tenth) => {
        const refusals = [
          [`${n - 1}.${tenth}`, 'count', 'fraction'], [`-${n}`, 'count', 'negative'], [`${MAX + n}`, 'count', 'too-large'],
          [`${n}.${tenth}`, 'change', 'fraction'], [`${MAX + n}`, 'amount', 'too-large'], [`-${n}`, 'amount', 'negative'],
        ] as const;
        for (const [typed, kind, code] of refusals) {
          const r = parseCellInput(typed, kind);
          expect([typed, kind, r.ok, !r.ok && r.code]).toEqual([typed, kind, false, code]);
          expect(!r.ok && r.reason).toContain(typed);
        }
        expect(parseCellInput(`-${n}`, 'change')).toEqual({ ok: true, value: -n });
      }),
      { numRuns: 300 },
    );
  });
});

// The 2019 grid's continuity, by the meaning of its columns (spec of 国办公开办函〔2019〕60号):
// 上一年项目数量 of this year = last year's 上一年项目数量 + last year's 本年增/减; 对外公开总数量 (a
// running total) = last year's + this year's 本年新公开数量.
describe('2019 template: continuity against last year', () => {
  const t2019 = registry.get('gov-info-2019')!;
  const ITEM_ROWS = ['licensing', 'other-services', 'penalty', 'enforcement', 'fees'];
  const DOCUMENT_ROWS = ['regulations', 'normative-documents'];
  const at = (row: string, col: string) => `article-20:${row}:${col}`;

  const withLastYear = fc
    .record({
      items: fc.array(fc.tuple(fc.nat({ max: 500 }), fc.integer({ min: -500, max: 200 })), { minLength: 5, maxLength: 5 }),
      documents: fc.array(fc.tuple(fc.nat({ max: 300 }), fc.nat({ max: 30 })), { minLength: 2, maxLength: 2 }),
    })
    .map(({ items, documents }) => {
      const r = readReport('examples/seed-003.report.json');
      const last: Record<string, number> = {};
      ITEM_ROWS.forEach((row, i) => {
        const [before, change] = items[i]!;
        const c = Math.max(change, -before); // the count never goes below 0
        last[at(row, 'previous-items')] = before;
        last[at(row, 'change')] = c;
        r.values[at(row, 'previous-items')] = before + c;
      });
      DOCUMENT_ROWS.forEach((row, i) => {
        const [total, published] = documents[i]!;
        last[at(row, 'published-total')] = total;
        r.values[at(row, 'published')] = published;
        r.values[at(row, 'published-total')] = total + published;
      });
      for (const c of t2019.grid('applications').cells.filter((c) => c.row === 'carry-forward')) {
        last[c.id] = computeValues(t2019, r).get(c.id.replace('carry-forward', 'carried-over'))!;
      }
      r.lastYear = { year: r.year - 1, values: last, narrative: {} };
      return r;
    });

  it('a consistent 2019 report with last year gives no equation finding', () => {
    const rules = t2019.spec.rules.filter((r) => EQUATION_KINDS.has(r.kind)).map((r) => r.id);
    expect(rules).toContain('R8');
    fc.assert(
      fc.property(withLastYear, (r) => {
        expect(checkReport(t2019, r, { mode: 'final', today: '2020-01-10' }).filter((f) => rules.includes(f.rule)).map((f) => f.message)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('R8: a last year off by δ gives one warning, expecting the sum worked out here', () => {
    fc.assert(
      fc.property(withLastYear, fc.constantFrom(...ITEM_ROWS, ...DOCUMENT_ROWS), fc.integer({ min: 1, max: 9 }), (r, row, delta) => {
        const items = ITEM_ROWS.includes(row);
        const target = at(row, items ? 'previous-items' : 'published-total');
        const last = r.lastYear!.values as Record<string, number>;
        last[target]! += delta;
        const expected = items ? last[at(row, 'previous-items')]! + last[at(row, 'change')]! : last[at(row, 'published-total')]! + r.values[at(row, 'published')]!;
        const r8 = onlyRule(checkReport(t2019, r), 'R8');
        expect(r8.map((f) => [f.level, f.cells[0], f.params.actual, f.params.expected])).toEqual([['warning', target, r.values[target], expected]]);
      }),
      { numRuns: 100 },
    );
  });
});
