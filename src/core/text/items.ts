// Last year's problems as items, and whether this year's text takes each one up. An item is
// the headline of one listed problem (一是…; （一）…; 1.…; or, without markers, a clause that
// names a shortcoming). It is addressed when this year's text carries most of its distinctive
// two-character terms — a sentence that only says 整改 does not.
import { dataRegex } from './sentences';

export interface ItemPatterns {
  problemsEnd: string[];
  itemMarkers: string[];
  indicators: string[];
}

function _firstMatch(text: string, patterns: string[]): number {
  let at = -1;
  for (const p of patterns) {
    const m = dataRegex(p).exec(text);
    if (m && m.index > 0 && (at < 0 || m.index < at)) at = m.index;
  }
  return at;
}

/** The part of a 五 text that lists problems, before the measures. */
export function problemsPart(text: string, problemsEnd: string[]): string {
  const end = _firstMatch(text, problemsEnd);
  return end < 0 ? text : text.slice(0, end);
}

const _headline = (s: string) => s.split(/[。；;！？]/u)[0]!.replace(/^[\s:：，,、]+/u, '').trim();

export function problemItems(text: string, p: ItemPatterns): string[] {
  const part = problemsPart(text, p.problemsEnd);
  const cuts = p.itemMarkers
    .flatMap((m) => [...part.matchAll(dataRegex(m))].map((x) => ({ at: x.index, len: x[0].length })))
    .sort((a, b) => a.at - b.at);
  const indicator = (s: string) => p.indicators.some((i) => dataRegex(i).test(s));
  if (cuts.length) {
    return cuts
      .map((c, i) => _headline(part.slice(c.at + c.len, cuts[i + 1]?.at ?? part.length)))
      .filter((s) => s.length >= 4 && indicator(s));
  }
  return part
    .split(/[。；;，,：:]/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= 4 && indicator(s));
}

function _bigrams(s: string): Set<string> {
  const han = s.replace(/[^\p{Script=Han}]+/gu, '|');
  const out = new Set<string>();
  for (const run of han.split('|')) for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  return out;
}

/**
 * The item's two-character terms that say what it is about: without the bigrams of generic words,
 * and without any bigram holding a generic single character (的, 不, 为…), which mostly spans a
 * word boundary (站中, 新不).
 */
export function distinctiveTerms(item: string, generic: string[]): string[] {
  const { common, stop } = _genericOf(generic);
  return [..._bigrams(item)].filter((b) => !common.has(b) && ![...b].some((c) => stop.has(c)));
}

const _generic = new WeakMap<string[], { common: Set<string>; stop: Set<string> }>();
function _genericOf(generic: string[]): { common: Set<string>; stop: Set<string> } {
  let sets = _generic.get(generic);
  if (!sets) {
    sets = { common: new Set(generic.flatMap((g) => [..._bigrams(g)])), stop: new Set(generic.filter((g) => g.length === 1)) };
    _generic.set(generic, sets);
  }
  return sets;
}

/** Share of the item's distinctive terms found in `text` (1 when it has none to judge by). */
export function coverage(item: string, text: string, generic: string[]): number {
  const terms = distinctiveTerms(item, generic);
  if (!terms.length) return 1;
  return terms.filter((t) => text.includes(t)).length / terms.length;
}
