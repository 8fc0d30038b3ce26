// The unit names itself by another kind of organ (我委 in a 局's report): a sentence carried over
// from another unit's report, which a reviewer sends back. The organ kinds and the words are data.
import type { RuleSpec } from '../../template/schema';
import type { Finding } from '../finding';
import type { RuleContext } from '../context';
import { dataRegex, quoteAround } from '../../text/sentences';
import { proseSlots, slotName } from './slots';

type Of<K extends RuleSpec['kind']> = Extract<RuleSpec, { kind: K }>;

export function checkSelfReference(rule: Of<'self-reference'>, ctx: RuleContext): Finding[] {
  const organ = ctx.report.organ.name.trim();
  const own = rule.organs.find((o) => dataRegex(o.name).test(organ));
  // An organ of no kind listed (a 人民政府, a 办公室) calls itself in ways not judged here.
  if (!own) return [];
  return proseSlots(ctx).flatMap(({ slot, text }) => {
    // A word of the organ's own name is its own (我局 in a 局, 我委 in a …委员会直属局).
    const m = [...text.matchAll(dataRegex(rule.pattern))].find((x) => !organ.includes(x[1]!));
    if (!m) return [];
    return [
      ctx.finding(rule, {
        section: slot.section?.id,
        cells: [],
        text: slot.id,
        params: { text: slotName(slot), found: m[0], organ, self: `我${own.self}`, quote: quoteAround(text, m.index, m[0].length, 10) },
      }),
    ];
  });
}
