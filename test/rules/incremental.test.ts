// The incremental checker (what the form runs on each keystroke) against the full check: after any
// sequence of edits, of single cells (re-checked in part) and of anything else (texts, facts, the
// mode, last year's data: checked in full), its findings and values equal checkWithValues of the
// same report. And it re-runs only the rules that read a changed cell.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkWithValues, createChecker, type CheckOptions, type Report } from '../../src/core';
import { busy, published, template } from './helpers';

const inputs = template.inputCells.map((c) => c.id);
const value = fc.constantFrom(null, 0, 1, 2, 3, 7, 40, 1.5, 1_000_000_000);
const edit = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('cell' as const), cell: fc.constantFrom(...inputs), value }) },
  // A paste of a block: several cells in one change.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('paste' as const), cells: fc.array(fc.record({ cell: fc.constantFrom(...inputs), value }), { minLength: 2, maxLength: 12 }) }) },
  // 填0: every blank input becomes 0.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('zero' as const) }) },
  // Undo: back to the report of some steps before.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), steps: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('text' as const), text: fc.constantFrom('', '本年度主动公开信息 12 条。', '2019年收到申请 3 件，办理 3 件') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('mode' as const), mode: fc.constantFrom('draft' as const, 'final' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('previous' as const), on: fc.boolean() }) },
);

/** Starting reports: finished with printed totals (as imported), all totals computed, published, a blank draft, and an import that could not read or was unsure of some cells. */
const starts = fc.constantFrom(
  busy,
  () => ({ ...busy(), printed: undefined }),
  () => published(busy()),
  () => ({ ...busy(), values: {}, printed: undefined }),
  () => published(busy(), { unread: inputs.slice(0, 6), uncertain: [...inputs.slice(10, 14), 'applications:new:total'] }),
);

describe('createChecker', () => {
  it('equals the full check after any sequence of edits', () => {
    fc.assert(
      fc.property(starts, fc.array(edit, { minLength: 1, maxLength: 40 }), (start, edits) => {
        const check = createChecker();
        let report: Report = start();
        const history: Report[] = [report];
        const lastYear = busy();
        let options: CheckOptions = { mode: 'draft', today: '2025-01-10' };
        check(template, report, options);
        for (const e of edits) {
          if (e.kind === 'cell') report = { ...report, values: { ...report.values, [e.cell]: e.value } };
          if (e.kind === 'paste') report = { ...report, values: { ...report.values, ...Object.fromEntries(e.cells.map((c) => [c.cell, c.value])) } };
          if (e.kind === 'zero') report = { ...report, values: { ...report.values, ...Object.fromEntries(inputs.filter((id) => report.values[id] == null).map((id) => [id, 0])) } };
          if (e.kind === 'undo') report = history[Math.max(0, history.length - 1 - e.steps)]!;
          if (e.kind === 'text') report = { ...report, narrative: { ...report.narrative, [template.texts[0]!.id]: e.text } };
          if (e.kind === 'mode') options = { ...options, mode: e.mode };
          if (e.kind === 'previous') options = { ...options, previous: e.on ? lastYear : undefined };
          history.push(report);
          const got = check(template, report, options);
          const want = checkWithValues(template, report, options);
          expect(got.findings).toEqual(want.findings);
          expect(got.values).toEqual(want.values);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('after a keystroke in one cell re-runs only the rules that read it; after a text edit, all', () => {
    const check = createChecker();
    const report = busy();
    expect(check(template, report).ran).toEqual(template.rules.map((r) => r.id));
    const cell = 'applications:new:natural-person';
    const typed = { ...report, values: { ...report.values, [cell]: (report.values[cell] ?? 0) + 1 } };
    const ran = check(template, typed).ran;
    // R1 (三 balance) and R2 (applicant total) read the cell; the wording rules read only texts.
    expect(ran).toEqual(expect.arrayContaining(['R1', 'R2']));
    for (const id of ran) expect(template.rules.find((r) => r.id === id)!.kind).not.toMatch(/text|punctuation|forbidden|other-year|title|headings/);
    expect(ran.length).toBeLessThan(template.rules.length / 2);
    // The same report again: nothing changed, nothing runs.
    expect(check(template, typed)).toMatchObject({ ran: [], partsRan: 0 });
    const texted = { ...typed, narrative: { ...typed.narrative, [template.texts[0]!.id]: '改了' } };
    expect(check(template, texted).ran).toHaveLength(template.rules.length);
  });

  it('re-runs only the parts of rules that read the typed cell or a total above it', () => {
    const check = createChecker();
    const report = { ...busy(), printed: undefined };
    const all = check(template, report).partsRan;
    const cell = 'applications:new:natural-person';
    const typed = check(template, { ...report, values: { ...report.values, [cell]: null } });
    // Its blank (R6), its range (R5), its applicant total (R2) and the balance of its column (R1), a few more totals' equations: not every cell and instance.
    expect(typed.ran).toEqual(expect.arrayContaining(['R1', 'R2', 'R5', 'R6']));
    expect(typed.partsRan).toBeGreaterThanOrEqual(4);
    expect(typed.partsRan).toBeLessThan(all / 10);
    expect(typed.findings.filter((f) => f.rule === 'R6').map((f) => f.cells)).toEqual([[cell]]);
  });
});
