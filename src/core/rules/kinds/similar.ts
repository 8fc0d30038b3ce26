// R14: a text nearly identical to last year's, compared on the unit's own words only — without
// the template's sentences, grid labels and figures, which are the same every year by design.
import type { RuleSpec } from '../../template/schema';
import type { Finding } from '../finding';
import type { RuleContext } from '../context';
import type { Template } from '../../template/load';
import { diceCoefficient } from '../../text/dice';
import { dataRegex } from '../../text/sentences';
import { memoByText } from '../../text/memo';
import { proseSlots, slotName } from './slots';

type Of<K extends RuleSpec['kind']> = Extract<RuleSpec, { kind: K }>;

/** Similarity of two texts, ignoring whitespace and punctuation (Dice over character bigrams). */
export function similarity(a: string, b: string): number {
  const clean = (s: string) => s.replace(/[\s\p{P}]/gu, '');
  return diceCoefficient(clean(a), clean(b));
}

/**
 * What a text is compared without: the template's sentences (the rule's boilerplate and the
 * preface the template proposes), the grid labels and figures, since a grid flattened into a text
 * slot is the same every year by design. Worked out once per rule, which belongs to one template.
 */
const _stripsOf = new WeakMap<object, { boilerplate: string[]; gridWords: string[] }>();
function _strips(rule: Of<'similar-text'>, ctx: RuleContext): { boilerplate: string[]; gridWords: string[] } {
  let strips = _stripsOf.get(rule);
  if (!strips) {
    const words = new Set<string>();
    for (const c of ctx.template.cells.values()) for (const w of [c.rowName, c.columnName, ...c.name.split(' · ')]) if (w && w.length >= 2) words.add(w);
    for (const g of ctx.template.spec.grids) words.add(g.label);
    strips = { boilerplate: boilerplateOf(rule, ctx.template), gridWords: [...words].sort((a, b) => b.length - a.length) };
    _stripsOf.set(rule, strips);
  }
  return strips;
}

/** The narrative as the unit wrote it. */
const _ownWords = memoByText((text: string, rule: Of<'similar-text'>) => {
  const { boilerplate, gridWords } = _stripsOf.get(rule)!;
  let out = boilerplate.reduce((t, p) => t.replace(dataRegex(p), ''), text);
  for (const w of gridWords) out = out.split(w).join('');
  return out.replace(/[\d.]+/g, '');
});

export function checkSimilarText(rule: Of<'similar-text'>, ctx: RuleContext): Finding[] {
  const previous = ctx.previous;
  if (!previous) return [];
  // Text still marked as copied (R17) is identical by construction: R17 says it once.
  const copied = new Set(ctx.report.revise ?? []);
  _strips(rule, ctx);
  return proseSlots(ctx).flatMap(({ slot, text: raw }) => {
    if (slot.id === 'preface' || copied.has(slot.id) || slot.section?.grids) return [];
    const text = _ownWords(raw, rule);
    const before = _ownWords(previous.narrative[slot.id] ?? '', rule);
    if (text.length < rule.minLength || before.length < rule.minLength) return [];
    const s = similarity(text, before);
    if (s < rule.threshold) return [];
    return [
      ctx.finding(rule, {
        section: slot.section?.id,
        cells: [],
        text: slot.id,
        params: { text: slotName(slot), similarity: Math.round(s * 100) },
      }),
    ];
  });
}

/** The template's own sentences, the same every year by design, as patterns: the rule's and the preface's. */
export function boilerplateOf(rule: Of<'similar-text'>, template: Template): string[] {
  return [...(rule.boilerplate ?? []), ..._literal([template.spec.preface.default])];
}

/** Literal sentences as patterns, with {placeholders} matching anything short. */
function _literal(texts: string[]): string[] {
  return texts.flatMap((t) =>
    t
      .split(/(?<=[。；])/u)
      .map((x) => x.trim())
      .filter((x) => x.length >= 8)
      .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{[A-Za-z]+\\\}/g, '[^。；]{0,40}?')),
  );
}

