// A total stated in the narrative with its parts after 其中 (主动公开政府信息2602条(其中机构职能类信息
// 82条，…)): parts that add up to more than the total are a slip a reviewer sends back. Parts that
// add up to less may be a list of the main kinds only, so they pass.
import type { RuleSpec } from '../../template/schema';
import type { Finding } from '../finding';
import type { RuleContext } from '../context';
import { dataRegex } from '../../text/sentences';
import { proseSlots, slotName } from './slots';

type Of<K extends RuleSpec['kind']> = Extract<RuleSpec, { kind: K }>;

const _LIST_END = /[。；;]|[)）]/u;
const _CLAUSE = /[，,、：:]/u;

/** The numbers of the list's clauses that end in the total's unit, up to a clause that ends the list. */
function _parts(list: string, unit: string, stops: string[]): number[] {
  const end = list.search(_LIST_END);
  const clauses = (end < 0 ? list : list.slice(0, end)).split(_CLAUSE);
  const parts: number[] = [];
  for (const clause of clauses) {
    if (stops.some((s) => dataRegex(s, 'u').test(clause))) break;
    const n = new RegExp(`(\\d+)\\s*${unit}\\s*$`, 'u').exec(clause);
    if (n) parts.push(Number(n[1]));
  }
  return parts;
}

export function checkNarrativeParts(rule: Of<'narrative-parts'>, ctx: RuleContext): Finding[] {
  return proseSlots(ctx).flatMap(({ slot, text }) => {
    for (const m of text.matchAll(dataRegex(rule.pattern))) {
      const total = Number(m[1]);
      const unit = m[2]!;
      const list = text.slice(m.index + m[0].length);
      const parts = _parts(list, unit, rule.stops);
      const sum = parts.reduce((a, b) => a + b, 0);
      if (parts.length < 2 || sum <= total) continue;
      const from = Math.max(m.index - 12, text.lastIndexOf('。', m.index) + 1);
      const quote = text.slice(from, m.index + m[0].length + Math.min(list.length, 16));
      return [ctx.finding(rule, { section: slot.section?.id, cells: [], text: slot.id, params: { text: slotName(slot), total, sum, unit, count: parts.length, quote } })];
    }
    return [];
  });
}
