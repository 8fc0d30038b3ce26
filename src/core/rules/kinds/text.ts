// Rules over the narrative: numbers it states (R10), rectification of last year's problems (R12),
// personal data (R13), text still copied from last year (R17). Near-copies (R14): ./similar.
import type { RuleSpec } from '../../template/schema';
import type { Finding } from '../finding';
import type { RuleContext } from '../context';
import { findPersonalData } from './personal-data';
import { dataRegex } from '../../text/sentences';
import { coverage, problemItems } from '../../text/items';
import { memoByText } from '../../text/memo';
import { toUnits, fromUnits } from '../../report/amount';
import { proseSlots, slotName } from './slots';
import { hasStaleSentences, staleNumber } from './stale';

export { similarity } from './similar';

type Of<K extends RuleSpec['kind']> = Extract<RuleSpec, { kind: K }>;

/** The value of a cell, or of the sum of several; null when one is blank. */
function _stated(ctx: RuleContext, cells: string[]): number | null {
  const values = cells.map((c) => ctx.value(c));
  if (values.some((v) => v === null)) return null;
  return fromUnits(values.reduce((s: number, v) => s + toUnits(v ?? 0), 0));
}

/** What each scan reads in a text: where, the words, the number stated. Depends on the text only. */
const _statements = memoByText((text: string, rule: Of<'narrative-numbers'>) =>
  rule.scans.map((scan) =>
    [...text.matchAll(dataRegex(scan.pattern))].map((m) => ({
      at: m.index,
      quote: m[0].trim(),
      stated: m[1] !== undefined ? Number(m[1].replace(/\s+/g, '')) : scan.value,
    })),
  ),
);

export function checkNarrativeNumbers(rule: Of<'narrative-numbers'>, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const texts = proseSlots(ctx).map((t) => ({ ...t, read: _statements(t.text, rule) }));
  rule.scans.forEach((scan, i) => {
    const cells = typeof scan.cell === 'string' ? [scan.cell] : scan.cell;
    if (!cells.every((c) => ctx.template.cells.has(c))) return;
    for (const { slot, read } of texts) {
      for (const { at, quote, stated } of read[i]!) {
        // Several patterns may read the same words (收到…申请N件 and 受理…申请N件): one finding.
        const key = `${slot.id}@${at}:${cells.join('+')}`;
        const actual = _stated(ctx, cells);
        if (stated === undefined || actual === null || stated === actual || seen.has(key)) continue;
        // Last year's figure left in next year's text: R29 says so, in place.
        if (staleNumber(ctx, cells, stated)) continue;
        seen.add(key);
        const place = cells.map((c) => ctx.place(c)).join(' + ');
        findings.push(
          ctx.finding(rule, {
            section: slot.section?.id,
            cells,
            text: slot.id,
            params: { text: slotName(slot), quote, what: scan.what, stated, place, actual },
          }),
        );
      }
    }
  });
  return findings;
}

const _items = memoByText((text: string, rule: Of<'rectification'>) => problemItems(text, rule));

export function checkRectification(rule: Of<'rectification'>, ctx: RuleContext): Finding[] {
  const previous = ctx.previous;
  if (!previous) return [];
  const before = previous.narrative[rule.text] ?? '';
  const text = ctx.report.narrative[rule.text] ?? '';
  const slot = ctx.template.texts.find((t) => t.id === rule.text);
  // Each problem last year's report listed must be taken up by name; 已整改 alone says nothing.
  return _items(before, rule)
    .filter((item) => coverage(item, text, rule.generic) < rule.minShare)
    .map((item) => ctx.finding(rule, { section: slot?.section?.id, cells: [], text: rule.text, params: { previousYear: previous.year, item } }));
}

export function checkPersonalData(rule: Of<'personal-data'>, ctx: RuleContext): Finding[] {
  const own = ctx.report.contact.phone.replace(/\D/g, '');
  return proseSlots(ctx).flatMap(({ slot, text }) =>
    findPersonalData(text, rule.detectors)
      .filter((hit) => !(hit.detector === 'mobile' && own.includes(hit.digits)))
      .map((hit) =>
        ctx.finding(rule, {
          section: slot.section?.id,
          cells: [],
          text: slot.id,
          params: { text: slotName(slot), detector: rule.labels[hit.detector] ?? hit.detector, masked: hit.masked },
        }),
      ),
  );
}

export function checkUnrevised(rule: Of<'unrevised'>, ctx: RuleContext): Finding[] {
  const revise = new Set(ctx.report.revise ?? []);
  // Where R29 marks the sentences still last year's, it says it more precisely.
  return proseSlots(ctx)
    .filter(({ slot, text }) => revise.has(slot.id) && !hasStaleSentences(ctx, slot, text))
    .map(({ slot }) => ctx.finding(rule, { section: slot.section?.id, cells: [], text: slot.id, params: { text: slotName(slot) } }));
}
