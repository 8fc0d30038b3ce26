// R29: in next year's report, the sentences still last year's, each with its place in its text
// slot (the character range), so the form can mark it and a click can select it. A sentence is
// last year's when it names last year as the year of the work (2023年共主动公开… in a 2024 report;
// a comparison such as 较2023年增长 is not), quotes last year's figure where this year's differs
// (共受理申请12件, last year's 一 total, when this year's is 15), or is copied unchanged from last
// year's text (the template's own sentences, the same every year by design, aside).
// R10, R17 and R24 leave to this rule what it says more precisely (staleNumber, hasStaleSentences,
// namesLastYear).
import type { RuleSpec } from '../../template/schema';
import type { Template, TextSlot } from '../../template/load';
import type { CellId } from '../../template/resolve';
import type { PreviousData } from '../../report/schema';
import { fillMessage, type Finding } from '../finding';
import type { RuleContext } from '../context';
import { computeCell } from '../../report/compute';
import { toUnits, fromUnits } from '../../report/amount';
import { dataRegex, splitSentences, type Sentence } from '../../text/sentences';
import { boilerplateOf } from './similar';
import { proseSlots, slotName } from './slots';
import { memoByText } from '../../text/memo';

type Of<K extends RuleSpec['kind']> = Extract<RuleSpec, { kind: K }>;
type Reason = 'number' | 'year' | 'copied';

/** Last year's report when this one is judged against it sentence by sentence: a draft (not a published report) of a later year. */
export function lastYearOf(ctx: RuleContext): PreviousData | undefined {
  const previous = ctx.previous;
  return !ctx.published && previous && previous.year < ctx.report.year ? previous : undefined;
}

const _staleRule = (template: Template) => template.rules.find((r): r is Of<'stale-text'> => r.kind === 'stale-text');

/** The sentence the same but for spaces: how copies are recognised. */
const _key = (sentence: string) => sentence.replace(/\s+/gu, '');

/** The characters a sentence says something with (no punctuation, digits or spaces). */
const _own = (sentence: string) => sentence.replace(/[\s\p{P}\p{S}\d]/gu, '');

const _lastSentences = new WeakMap<PreviousData, Set<string>>();
/** Every sentence of last year's text, in any slot (next year may put a text in another slot). */
export function lastYearSentences(previous: PreviousData): Set<string> {
  let set = _lastSentences.get(previous);
  if (!set) {
    set = new Set(Object.values(previous.narrative).flatMap((t) => (t ? splitSentences(t).map((s) => _key(s.text)) : [])));
    _lastSentences.set(previous, set);
  }
  return set;
}

/** Whether a sentence names `year` as the year of the work: not inside a cited title 《…》, not in a comparison. */
export function namesYear(sentence: string, year: number, comparisons: readonly string[]): boolean {
  const bare = sentence.replace(/《[^》]*》/gu, '');
  if (!new RegExp(`(?<!\\d)${year}\\s*年`, 'u').test(bare)) return false;
  return !comparisons.some((c) => dataRegex(c).test(bare));
}

function _comparisons(ctx: RuleContext, rule: Of<'stale-text'>): string[] {
  const other = ctx.template.rules.find((r) => r.id === rule.otherYear && r.kind === 'other-year');
  return other?.kind === 'other-year' ? other.comparisons : [];
}

/** Whether R24 should leave a sentence naming `named` to this rule (which marks it in place). */
export function namesLastYear(ctx: RuleContext, named: number): boolean {
  return !!_staleRule(ctx.template) && lastYearOf(ctx)?.year === named;
}

const _lastValues = new WeakMap<PreviousData, Map<CellId, number | null>>();
/** Last year's value of a cell; a total a bare report file does not store is added up from its items. */
function _lastValue(template: Template, previous: PreviousData, id: CellId): number | null {
  let known = _lastValues.get(previous);
  if (!known) _lastValues.set(previous, (known = new Map()));
  const get = (c: CellId): number | null => {
    if (known.has(c)) return known.get(c)!;
    const stored = previous.values[c];
    const v = stored != null ? stored : template.computedBy.has(c) ? computeCell(template, c, get) : null;
    known.set(c, v);
    return v;
  };
  return get(id);
}

function _sum(values: (number | null)[]): number | null {
  if (values.some((v) => v === null)) return null;
  return fromUnits(values.reduce((s: number, v) => s + toUnits(v ?? 0), 0));
}

/** Last year's figure stated again where this year's differs (both known): the number is last year's. */
export function staleNumber(ctx: RuleContext, cells: CellId[], stated: number): { last: number; actual: number } | null {
  const previous = lastYearOf(ctx);
  if (!previous || !_staleRule(ctx.template)) return null;
  const last = _sum(cells.map((c) => _lastValue(ctx.template, previous, c)));
  const actual = _sum(cells.map((c) => ctx.value(c)));
  return last !== null && actual !== null && stated === last && stated !== actual ? { last, actual } : null;
}

/** What one sentence says that may be last year's, read once per text (it does not depend on the values). */
interface Reading {
  sentence: Sentence;
  /** Figures stated through R10's number phrases, with R10's cells. */
  figures: { cells: CellId[]; stated: number; what: string }[];
  namesLastYear: boolean;
  copied: boolean;
}

/** What a reading needs besides the text: one per rule, template and last year's report. */
interface Frame {
  rule: Of<'stale-text'>;
  template: Template;
  previous: PreviousData;
  comparisons: string[];
  scans: { pattern: string; cells: CellId[]; what: string }[];
  boilerplate: string[];
}

const _frames = new WeakMap<PreviousData, WeakMap<Of<'stale-text'>, Frame>>();
function _frame(ctx: RuleContext, rule: Of<'stale-text'>, previous: PreviousData): Frame {
  let byRule = _frames.get(previous);
  if (!byRule) _frames.set(previous, (byRule = new WeakMap()));
  let frame = byRule.get(rule);
  if (!frame) {
    const { template } = ctx;
    const numbers = template.rules.find((r) => r.id === rule.numbers && r.kind === 'narrative-numbers');
    const similar = template.rules.find((r) => r.id === rule.boilerplate && r.kind === 'similar-text');
    const scans = (numbers?.kind === 'narrative-numbers' ? numbers.scans : [])
      .map((scan) => ({ pattern: scan.pattern, cells: typeof scan.cell === 'string' ? [scan.cell] : scan.cell, what: scan.what, fixed: scan.value !== undefined }))
      .filter((scan) => !scan.fixed && scan.cells.every((c) => template.cells.has(c)));
    frame = {
      rule, template, previous, scans,
      comparisons: _comparisons(ctx, rule),
      boilerplate: similar?.kind === 'similar-text' ? boilerplateOf(similar, template) : [],
    };
    byRule.set(rule, frame);
  }
  return frame;
}

const _read = memoByText((text: string, f: Frame): Reading[] =>
  splitSentences(text).map((sentence) => {
    const s = sentence.text;
    const figures = f.scans.flatMap((scan) =>
      [...s.matchAll(dataRegex(scan.pattern))].filter((m) => m[1] !== undefined).map((m) => ({ cells: scan.cells, stated: Number(m[1]!.replace(/\s+/g, '')), what: scan.what })),
    );
    // The template's own sentences (the same every year by design) leave nothing of the unit's own.
    const own = () => _own(f.boilerplate.reduce((t, p) => t.replace(dataRegex(p), ''), s)).length >= f.rule.minLength;
    const copied = lastYearSentences(f.previous).has(_key(s)) && _own(s).length >= f.rule.minLength && own();
    return { sentence, figures, namesLastYear: namesYear(s, f.previous.year, f.comparisons), copied };
  }),
);

function _why(ctx: RuleContext, r: Reading, year: number): { reason: Reason; params: Record<string, string | number> } | null {
  for (const { cells, stated, what } of r.figures) {
    const hit = staleNumber(ctx, cells, stated);
    if (hit) return { reason: 'number', params: { stated, what, actual: hit.actual } };
  }
  if (r.namesLastYear) return { reason: 'year', params: { named: year } };
  return r.copied ? { reason: 'copied', params: {} } : null;
}

/** A long sentence shortened for a message; the range marks it whole. */
function _short(sentence: string, max = 30): string {
  return sentence.length <= max ? sentence : `${sentence.slice(0, max)}……`;
}

/** The stale sentences of one slot's text. */
export function staleSentences(ctx: RuleContext, rule: Of<'stale-text'>, slot: TextSlot, text: string): Finding[] {
  const previous = lastYearOf(ctx);
  if (!previous) return [];
  return _read(text, _frame(ctx, rule, previous)).flatMap((reading) => {
    const why = _why(ctx, reading, previous.year);
    if (!why) return [];
    const s = reading.sentence;
    const params = { text: slotName(slot), quote: _short(s.text), sentence: s.text, ...why.params };
    const reason = fillMessage(rule.reasons[why.reason], params);
    return [
      ctx.finding(rule, {
        section: slot.section?.id,
        cells: [],
        text: slot.id,
        range: [s.start, s.start + s.text.length] as [number, number],
        params: { ...params, reason, why: why.reason },
      }),
    ];
  });
}

/** Whether R29 marks a sentence of this text (R17 then leaves the text to it). */
export function hasStaleSentences(ctx: RuleContext, slot: TextSlot, text: string): boolean {
  const rule = _staleRule(ctx.template);
  return !!rule && staleSentences(ctx, rule, slot, text).length > 0;
}

export function checkStaleText(rule: Of<'stale-text'>, ctx: RuleContext): Finding[] {
  if (!lastYearOf(ctx)) return [];
  return proseSlots(ctx).flatMap(({ slot, text }) => staleSentences(ctx, rule, slot, text));
}

/**
 * The fee statements of a text that are last year's: copied unchanged (whatever their length, a
 * fee sentence is short) or naming last year. R11 does not take them as this year's statement.
 */
export function isLastYearsSentence(ctx: RuleContext, sentence: string): boolean {
  const previous = lastYearOf(ctx);
  if (!previous) return false;
  const rule = _staleRule(ctx.template);
  const comparisons = rule ? _comparisons(ctx, rule) : [];
  return lastYearSentences(previous).has(_key(sentence)) || namesYear(sentence, previous.year, comparisons);
}
