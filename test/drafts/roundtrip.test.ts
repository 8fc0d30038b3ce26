// Property: any valid report saved to the drafts database and read back is identical, through
// create and through save (fake-indexeddb implements the structured clone IndexedDB uses).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReport, parseReport, type CellKind, type Report } from '../../src/core';
import { reportFileText, openReportBytes } from '../../src/drafts/files';
import { freshDb, registry, template } from './fixtures';

const levels = [null, ...template.spec.organLevels.map((l) => l.id)];
const value = (kind: CellKind) =>
  fc.oneof(
    fc.constant(null),
    fc.constant(0),
    kind === 'count' ? fc.integer({ min: 0, max: 1_000_000 }) : kind === 'change' ? fc.integer({ min: -1_000_000, max: 1_000_000 }) : fc.integer({ min: 0, max: 99_999_999 }).map((u) => u / 10_000),
  );
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constant(''));
const date = fc.oneof(fc.constant(null), fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));

const reportArb: fc.Arbitrary<Report> = fc
  .record({
    year: fc.integer({ min: 2000, max: 2100 }),
    name: fc.string({ maxLength: 30 }),
    level: fc.constantFrom(...levels),
    written: date,
    values: fc.tuple(...template.inputCells.map((c) => fc.option(value(c.kind), { nil: undefined }))),
    narrative: fc.tuple(...template.texts.map(() => fc.option(text, { nil: undefined }))),
    fee: fc.record({ status: fc.constantFrom(null, 'none', 'collected'), notices: fc.option(fc.nat(50)), amount: fc.option(fc.nat(1000)), collectedAmount: fc.option(fc.nat(1000)) }),
    revise: fc.option(fc.subarray(template.texts.map((t) => t.id)), { nil: undefined }),
  })
  .map((g) => {
    const r = createReport(template, g.year) as Report;
    r.organ = { name: g.name, level: g.level };
    r.dates = { written: g.written, deadline: null };
    template.inputCells.forEach((c, i) => {
      const v = g.values[i];
      if (v !== undefined) r.values[c.id] = v; // absent key and null are both blank, kept as they were
    });
    template.texts.forEach((t, i) => {
      const s = g.narrative[i];
      if (s !== undefined) r.narrative[t.id] = s;
    });
    r.fee = { ...g.fee } as Report['fee'];
    if (g.revise) r.revise = [...g.revise];
    return r;
  });

describe('saved drafts are identical when reopened', () => {
  it('for any valid report (create, save, file text)', async () => {
    const db = await freshDb().open();
    const base = await db.create(createReport(template, 2024));
    let rev = base.rev;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(reportArb, async (report) => {
        runs++;
        expect(parseReport(report, registry.get).ok).toBe(true);
        const created = await db.create(report);
        const back = (await db.get(created.id))!.report;
        expect(back).toStrictEqual(report);
        expect(JSON.stringify(back)).toBe(JSON.stringify(report));
        const saved = await db.save(base.id, { report, focus: { cell: 'x' }, errors: 0 }, rev);
        expect(saved.ok).toBe(true);
        if (saved.ok) rev = saved.rev;
        expect((await db.get(base.id))!.report).toStrictEqual(report);
        // and through a file: save as file, open it again
        const file = await openReportBytes(new TextEncoder().encode(reportFileText(report)), registry.get);
        expect(file.ok && JSON.stringify(file.report)).toBe(JSON.stringify(report));
      }),
      { numRuns: 200, seed: 5 },
    );
    expect(runs).toBe(200);
  });
});
