// Part-of relations: a 其中 item, or several items together, never exceed their whole (the
// pre-2019 统计表 prints 其中 rows under their totals). Exact arithmetic in 0.0001 units; blanks
// leave a relation unchecked, as sums do (R6 reports the blanks).
import { fromUnits, toUnits } from '../../report/amount';
import { expandAlong } from '../../template/expand';
import type { RuleSpec } from '../../template/schema';
import type { Finding } from '../finding';
import type { RuleContext } from '../context';
import { runParts, type Part } from '../part';

type AtMost = Extract<RuleSpec, { kind: 'at-most' }>;

/** One part per relation and row or column it holds in. */
export function atMostParts(rule: AtMost, ctx: RuleContext): Part[] {
  const grid = ctx.template.grid(rule.grid);
  return rule.relations.flatMap((relation) =>
    expandAlong(grid, rule, [...relation.parts, ...relation.whole]).map((inst) => (ctx: RuleContext): Finding[] => {
      const parts = relation.parts.map((p) => inst.term(p).cell);
      const whole = relation.whole.map((w) => inst.term(w).cell);
      if (![...parts, ...whole].every((c) => ctx.complete(c))) return [];
      const units = (cells: string[]) => cells.reduce((s, c) => s + toUnits(ctx.value(c) ?? 0), 0);
      const part = units(parts);
      const total = units(whole);
      if (part <= total) return [];
      const name = (cells: string[]) => cells.map((c) => ctx.cell(c).rowShort).join(' + ');
      return [
        ctx.finding(rule, {
          section: ctx.template.sectionOf(rule.grid)?.id,
          cells: [...parts, ...whole],
          params: {
            place: ctx.sectionLabel(rule.grid),
            partName: name(parts),
            wholeName: name(whole),
            part: fromUnits(part),
            whole: fromUnits(total),
          },
        }),
      ];
    }),
  );
}

export const checkAtMost = runParts(atMostParts);
