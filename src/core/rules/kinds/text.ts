// Rules over the narrative: numbers it states (R10), rectification of last year's problems (R12),
// personal data (R13), near-copies of last year's text (R14).
import type { RuleSpec } from '../../template/schema';
import type { TextSlot } from '../../template/load';
import { fillMessage, type Finding } from '../finding';
import type { RuleContext } from '../context';
import { findPersonalData } from './personal-data';

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

/** Dice coefficient of character bigrams, ignoring whitespace and punctuation. */
export function similarity(a: string, b: string): number {
  const clean = (s: string) => s.replace(/[\s\p{P}]/gu, '');
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const x = clean(a);
  const y = clean(b);
  if (x.length < 2 || y.length < 2) return x === y ? 1 : 0;
  const gx = grams(x);
  const gy = grams(y);
  let shared = 0;
  for (const [g, n] of gx) shared += Math.min(n, gy.get(g) ?? 0);
  return (2 * shared) / (x.length - 1 + y.length - 1);
}

export function checkSimilarText(rule: Of<'similar-text'>, ctx: RuleContext): Finding[] {
  const previous = ctx.previous;
  if (!previous) return [];
  return _texts(ctx).flatMap(({ slot, text }) => {
    if (slot.id === 'preface') return [];
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
