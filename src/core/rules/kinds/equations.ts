// Cross-footing rules: a sum's printed total against its items (R2–R4), a balance of two sides
// (R1), and an equation against last year's report (R7, R8). Exact arithmetic in 0.0001 units.
import { toUnits, fromUnits } from '../../report/amount';
import { expandAlong, type Term } from '../../template/expand';
import type { RuleSpec } from '../../template/schema';
import type { Finding } from '../finding';
import { formatValue } from '../finding';
import type { RuleContext } from '../context';
import { runParts, type Part } from '../part';

type Of<K extends RuleSpec['kind']> = Extract<RuleSpec, { kind: K }>;

const _refs = (terms: (string | { ref: string })[]) => terms.map((t) => (typeof t === 'string' ? t : t.ref));

function _atName(ctx: RuleContext, grid: string, each: 'row' | 'column', at: string): string {
  const cell = ctx.template.grid(grid).cells.find((c) => (each === 'row' ? c.row === at : c.column === at));
  if (!cell) return '';
  return each === 'row' ? cell.rowName : `${cell.columnName}列`;
}

function _place(ctx: RuleContext, grid: string, each: 'row' | 'column', at: string): string {
  const name = _atName(ctx, grid, each, at);
  return name ? `${ctx.sectionLabel(grid)} · ${name}` : ctx.sectionLabel(grid);
}

function _sumUnits(ctx: RuleContext, terms: Term[], previous?: Record<string, number | null | undefined>): number {
  return terms.reduce((s, t) => {
    const v = t.from === 'previous' ? previous?.[t.cell] : ctx.value(t.cell);
    return s + t.weight * toUnits(v ?? 0);
  }, 0);
}

/** "一（5）+ 二（1）": terms named by the axis they vary along. */
function _termsText(ctx: RuleContext, each: 'row' | 'column', terms: Term[], previous?: Record<string, number | null | undefined>): string {
  return terms
    .map((t, i) => {
      const v = t.from === 'previous' ? previous?.[t.cell] : ctx.value(t.cell);
      const cell = ctx.cell(t.cell);
      const name = (t.from === 'previous' ? '上年' : '') + (each === 'row' ? cell.columnName : cell.rowShort);
      const sign = i === 0 ? (t.weight < 0 ? '−' : '') : t.weight < 0 ? '− ' : '+ ';
      return `${sign}${name}（${formatValue(v)}）`;
    })
    .join('');
}

/** One part per row or column the balance holds in. */
export function balanceParts(rule: Of<'balance'>, ctx: RuleContext): Part[] {
  const grid = ctx.template.grid(rule.grid);
  return expandAlong(grid, rule, _refs([...rule.left, ...rule.right])).map((inst) => (ctx): Finding[] => {
    const left = rule.left.map(inst.term);
    const right = rule.right.map(inst.term);
    const all = [...left, ...right];
    if (!all.every((t) => ctx.complete(t.cell))) return [];
    const l = _sumUnits(ctx, left);
    const r = _sumUnits(ctx, right);
    if (l === r) return [];
    return [
      ctx.finding(rule, {
        section: ctx.template.sectionOf(rule.grid)?.id,
        cells: all.map((t) => t.cell),
        params: {
          place: _place(ctx, rule.grid, rule.each, inst.at),
          leftTerms: _termsText(ctx, rule.each, left),
          rightTerms: _termsText(ctx, rule.each, right),
          left: fromUnits(l),
          right: fromUnits(r),
        },
      }),
    ];
  });
}

/** One part per equation (a total and its items). */
export function sumParts(rule: Of<'sum'>, ctx: RuleContext): Part[] {
  const wanted = new Set(rule.sums);
  return ctx.template.equations
    .filter((eq) => wanted.has(eq.sum.id))
    .map((eq) => (ctx): Finding[] => {
      if (![eq.total, ...eq.items.map((i) => i.cell)].every((id) => ctx.complete(id))) return [];
      const total = ctx.value(eq.total) ?? 0;
      const sum = _sumUnits(ctx, eq.items);
      if (toUnits(total) === sum) return [];
      return [
        ctx.finding(rule, {
          section: ctx.template.sectionOf(eq.sum.grid)?.id,
          cells: [eq.total, ...eq.items.map((i) => i.cell)],
          params: {
            place: _place(ctx, eq.sum.grid, eq.sum.each, eq.at),
            totalName: ctx.cell(eq.total).name,
            total,
            sum: fromUnits(sum),
          },
        }),
      ];
    });
}

/** One part per row or column; none without last year's data. */
export function previousParts(rule: Of<'previous'>, ctx: RuleContext): Part[] {
  const previous = ctx.previous;
  if (!previous) return [];
  const grid = ctx.template.grid(rule.grid);
  return expandAlong(grid, rule, [rule.cell, ..._refs(rule.terms)]).map((inst) => (ctx): Finding[] => {
    const target = inst.term(rule.cell).cell;
    const terms = rule.terms.map(inst.term);
    const known = terms.every((t) => (t.from === 'previous' ? previous.values[t.cell] != null : ctx.complete(t.cell)));
    if (!known || !ctx.complete(target)) return [];
    const expected = _sumUnits(ctx, terms, previous.values);
    const actual = ctx.value(target) ?? 0;
    if (toUnits(actual) === expected) return [];
    return [
      ctx.finding(rule, {
        section: ctx.template.sectionOf(rule.grid)?.id,
        cells: [target, ...terms.filter((t) => t.from === 'this').map((t) => t.cell)],
        params: {
          place: _place(ctx, rule.grid, rule.each, inst.at),
          actual,
          expected: fromUnits(expected),
          terms: _termsText(ctx, rule.each, terms, previous.values),
          previousYear: previous.year,
        },
      }),
    ];
  });
}

export const checkBalance = runParts(balanceParts);
export const checkSum = runParts(sumParts);
export const checkPrevious = runParts(previousParts);
