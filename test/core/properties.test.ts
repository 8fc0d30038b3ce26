// Property tests over the rules engine (fast-check).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkReport, computeValues, createReport, parseReport, type Report } from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';
import { busy, template } from './fixtures';

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
