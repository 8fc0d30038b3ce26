// Wording defects a reviewer sends back: a character or word doubled by mistake (R20), ASCII
// punctuation in Chinese prose (R21), a bracket or quote without its partner (R31), placeholders or a superseded basis left in (R22, R23),
// this year's work stated under another year (R24). Patterns and allowed forms are template data.
import type { RuleSpec } from '../../template/schema';
import type { Finding } from '../finding';
import type { RuleContext } from '../context';
import { findDoubled, type Hit } from '../../text/doubled';
import { findAsciiPunctuation } from '../../text/punctuation';
import { findUnpaired } from './paired';
import { dataRegex, quoteAround, splitSentences } from '../../text/sentences';
import { memoByText } from '../../text/memo';
import { printedProseSlots, proseSlots, slotName } from './slots';
import { namesLastYear } from './stale';

type Of<K extends RuleSpec['kind']> = Extract<RuleSpec, { kind: K }>;

/** One finding per text slot: the number of hits and the first few quoted. */
function _perSlot(rule: RuleSpec, ctx: RuleContext, find: (text: string) => Hit[], examples: number): Finding[] {
  return proseSlots(ctx).flatMap(({ slot, text }) => {
    const hits = find(text);
    if (!hits.length) return [];
    const quotes = hits.slice(0, examples).map((h) => `“${quoteAround(text, h.index, h.length, 6)}”`);
    return [
      ctx.finding(rule, {
        section: slot.section?.id,
        cells: [],
        text: slot.id,
        params: { text: slotName(slot), count: hits.length, quotes: quotes.join('、'), first: hits[0]!.match },
      }),
    ];
  });
}

const _doubled = memoByText((t: string, rule: Of<'doubled-text'>) => findDoubled(t, rule.patterns, rule.allowed));
const _ascii = memoByText((t: string, rule: Of<'ascii-punctuation'>) => findAsciiPunctuation(t, rule.marks));

export function checkDoubledText(rule: Of<'doubled-text'>, ctx: RuleContext): Finding[] {
  return _perSlot(rule, ctx, (t) => _doubled(t, rule), 3);
}

export function checkAsciiPunctuation(rule: Of<'ascii-punctuation'>, ctx: RuleContext): Finding[] {
  return [..._perSlot(rule, ctx, (t) => _ascii(t, rule), rule.examples), ..._headingPunctuation(rule, ctx)];
}

/** The headings a published report printed are not in its texts: (三）政府信息管理情况 is read as a heading. */
function _headingPunctuation(rule: Of<'ascii-punctuation'>, ctx: RuleContext): Finding[] {
  if (!rule.headingsText) return [];
  const hits = (ctx.report.source?.headings ?? []).flatMap((h) => _ascii(h, rule).map((hit) => ({ heading: h, hit })));
  if (!hits.length) return [];
  const quotes = [...new Set(hits.map((x) => x.heading))].slice(0, rule.examples).map((h) => `“${h}”`);
  return [ctx.finding(rule, { cells: [], params: { text: rule.headingsText, count: hits.length, quotes: quotes.join('、'), first: hits[0]!.hit.match } })];
}

const _unpaired = memoByText((t: string, rule: Of<'paired-punctuation'>) => findUnpaired(t, rule.pairs, rule.itemNumbers));

export function checkPairedPunctuation(rule: Of<'paired-punctuation'>, ctx: RuleContext): Finding[] {
  return _perSlot(rule, ctx, (t) => _unpaired(t, rule), rule.examples);
}

export function checkForbiddenText(rule: Of<'forbidden-text'>, ctx: RuleContext): Finding[] {
  // What would be printed: the default preface holds a placeholder for each empty contact fact.
  return printedProseSlots(ctx).flatMap(({ slot, text }) =>
    rule.items.flatMap((item) => {
      const m = dataRegex(item.pattern).exec(text);
      if (!m) return [];
      return [
        ctx.finding(rule, {
          section: slot.section?.id,
          cells: [],
          text: slot.id,
          params: { text: slotName(slot), what: item.what, found: m[0], quote: quoteAround(text, m.index, m[0].length, 10) },
        }),
      ];
    }),
  );
}

export function checkOtherYear(rule: Of<'other-year'>, ctx: RuleContext): Finding[] {
  const year = ctx.report.year;
  return proseSlots(ctx).flatMap(({ slot, text }) => {
    // A title cited in 《》 (a notice of another year) is not a statement of this year's work.
    for (const s of splitSentences(text.replace(/《[^》]*》/gu, (t) => '　'.repeat(t.length)))) {
      // A sentence comparing with another year (较上年, 同比, 2022年以来…) names it on purpose.
      if (rule.comparisons.some((c) => dataRegex(c).test(s.text))) continue;
      for (const p of rule.statements) {
        const m = dataRegex(p).exec(s.text);
        const named = m ? Number(m[1]) : NaN;
        // Last year named in next year's report: R29 marks that sentence in place.
        if (!m || !Number.isInteger(named) || named === year || namesLastYear(ctx, named)) continue;
        return [
          ctx.finding(rule, {
            section: slot.section?.id,
            cells: [],
            text: slot.id,
            params: { text: slotName(slot), quote: m[0], named, year },
          }),
        ];
      }
    }
    return [];
  });
}
