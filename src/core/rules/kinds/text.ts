// Rules over the narrative: numbers it states (R10), rectification of last year's problems (R12),
// personal data (R13), near-copies of last year's text (R14).
import type { RuleSpec } from '../../template/schema';
import type { TextSlot } from '../../template/load';
import type { Finding } from '../finding';
import type { RuleContext } from '../context';
import { findPersonalData } from './personal-data';
import { diceCoefficient } from '../../text/dice';
import { dataRegex } from '../../text/sentences';
import { coverage, problemItems } from '../../text/items';
import { memoByText } from '../../text/memo';
import { toUnits, fromUnits } from '../../report/amount';

type Of<K extends RuleSpec['kind']> = Extract<RuleSpec, { kind: K }>;

function _slotName(slot: TextSlot): string {
  return slot.section && slot.section.id !== slot.id ? `${slot.section.label} · ${slot.label}` : slot.label;
}

function _texts(ctx: RuleContext): { slot: TextSlot; text: string }[] {
  return ctx.template.texts
    .map((slot) => ({ slot, text: ctx.report.narrative[slot.id] ?? '' }))
    .filter((t) => t.text.trim() !== '');
}

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
  const texts = _texts(ctx).map((t) => ({ ...t, read: _statements(t.text, rule) }));
  rule.scans.forEach((scan, i) => {
    const cells = typeof scan.cell === 'string' ? [scan.cell] : scan.cell;
    if (!cells.every((c) => ctx.template.cells.has(c))) return;
    for (const { slot, read } of texts) {
      for (const { at, quote, stated } of read[i]!) {
        // Several patterns may read the same words (收到…申请N件 and 受理…申请N件): one finding.
        const key = `${slot.id}@${at}:${cells.join('+')}`;
        const actual = _stated(ctx, cells);
        if (stated === undefined || actual === null || stated === actual || seen.has(key)) continue;
        seen.add(key);
        const place = cells.map((c) => ctx.place(c)).join(' + ');
        findings.push(
          ctx.finding(rule, {
            section: slot.section?.id,
            cells,
            text: slot.id,
            params: { text: _slotName(slot), quote, what: scan.what, stated, place, actual },
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
  return _texts(ctx).flatMap(({ slot, text }) =>
    findPersonalData(text, rule.detectors)
      .filter((hit) => !(hit.detector === 'mobile' && own.includes(hit.digits)))
      .map((hit) =>
        ctx.finding(rule, {
          section: slot.section?.id,
          cells: [],
          text: slot.id,
          params: { text: _slotName(slot), detector: rule.labels[hit.detector] ?? hit.detector, masked: hit.masked },
        }),
      ),
  );
}

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
    strips = {
      boilerplate: [...(rule.boilerplate ?? []), ..._literal([ctx.template.spec.preface.default])],
      gridWords: [...words].sort((a, b) => b.length - a.length),
    };
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
  return _texts(ctx).flatMap(({ slot, text: raw }) => {
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
        params: { text: _slotName(slot), similarity: Math.round(s * 100) },
      }),
    ];
  });
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

export function checkUnrevised(rule: Of<'unrevised'>, ctx: RuleContext): Finding[] {
  const revise = new Set(ctx.report.revise ?? []);
  return _texts(ctx)
    .filter(({ slot }) => revise.has(slot.id))
    .map(({ slot }) => ctx.finding(rule, { section: slot.section?.id, cells: [], text: slot.id, params: { text: _slotName(slot) } }));
}
