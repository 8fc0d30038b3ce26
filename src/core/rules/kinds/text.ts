// Rules over the narrative: numbers it states (R10), rectification of last year's problems (R12),
// personal data (R13), near-copies of last year's text (R14).
import type { RuleSpec } from '../../template/schema';
import type { TextSlot } from '../../template/load';
import { fillMessage, type Finding } from '../finding';
import type { RuleContext } from '../context';
import { findPersonalData } from './personal-data';
import { diceCoefficient } from '../../text/dice';

type Of<K extends RuleSpec['kind']> = Extract<RuleSpec, { kind: K }>;

function _slotName(slot: TextSlot): string {
  return slot.section && slot.section.id !== slot.id ? `${slot.section.label} · ${slot.label}` : slot.label;
}

function _texts(ctx: RuleContext): { slot: TextSlot; text: string }[] {
  return ctx.template.texts
    .map((slot) => ({ slot, text: ctx.report.narrative[slot.id] ?? '' }))
    .filter((t) => t.text.trim() !== '');
}

export function checkNarrativeNumbers(rule: Of<'narrative-numbers'>, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const scan of rule.scans) {
    if (!ctx.template.cells.has(scan.cell)) continue;
    const pattern = new RegExp(scan.pattern, 'g');
    for (const { slot, text } of _texts(ctx)) {
      for (const m of text.matchAll(pattern)) {
        const stated = m[1] !== undefined ? Number(m[1]) : scan.value;
        const actual = ctx.value(scan.cell);
        if (stated === undefined || actual === null || stated === actual) continue;
        findings.push(
          ctx.finding(rule, {
            section: slot.section?.id,
            cells: [scan.cell],
            text: slot.id,
            params: { text: _slotName(slot), quote: m[0], what: scan.what, stated, place: ctx.place(scan.cell), actual },
          }),
        );
      }
    }
  }
  return findings;
}

export function checkRectification(rule: Of<'rectification'>, ctx: RuleContext): Finding[] {
  const previous = ctx.previous;
  if (!previous) return [];
  const text = ctx.report.narrative[rule.text] ?? '';
  const keywords = rule.keywords.map((k) => fillMessage(k, { previousYear: previous.year }));
  if (keywords.some((k) => text.includes(k))) return [];
  const slot = ctx.template.texts.find((t) => t.id === rule.text);
  return [ctx.finding(rule, { section: slot?.section?.id, cells: [], text: rule.text, params: { previousYear: previous.year } })];
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

export function checkSimilarText(rule: Of<'similar-text'>, ctx: RuleContext): Finding[] {
  const previous = ctx.previous;
  if (!previous) return [];
  // Text still marked as copied (R17) is identical by construction: R17 says it once.
  const copied = new Set(ctx.report.revise ?? []);
  return _texts(ctx).flatMap(({ slot, text }) => {
    if (slot.id === 'preface' || copied.has(slot.id)) return [];
    const before = previous.narrative[slot.id] ?? '';
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

export function checkUnrevised(rule: Of<'unrevised'>, ctx: RuleContext): Finding[] {
  const revise = new Set(ctx.report.revise ?? []);
  return _texts(ctx)
    .filter(({ slot }) => revise.has(slot.id))
    .map(({ slot }) => ctx.finding(rule, { section: slot.section?.id, cells: [], text: slot.id, params: { text: _slotName(slot) } }));
}
