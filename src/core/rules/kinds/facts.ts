// Rules over report facts: the 信息处理费 is reported (R11); the report is not late (R15).
import type { RuleSpec } from '../../template/schema';
import { formatDate, type Finding } from '../finding';
import { dataRegex, splitSentences } from '../../text/sentences';
import { isLastYearsSentence } from './stale';
import { proseSlots } from './slots';
import type { RuleContext } from '../context';
import { deadlineOf, latestDeadline, shownDateOf } from '../../report/deadline';

type Of<K extends RuleSpec['kind']> = Extract<RuleSpec, { kind: K }>;

export function checkFeeReported(rule: Of<'fee-reported'>, ctx: RuleContext): Finding[] {
  const { fee } = ctx.report;
  const section = ctx.template.spec.sections.find((s) => s.fee);
  const complete =
    fee.status === 'none' ||
    (fee.status === 'collected' && fee.notices != null && fee.amount != null && fee.collectedAmount != null);
  if (complete) return [];
  const statements = _feeStatements(rule, ctx);
  // Last year's statement copied into next year's report reports last year's fee, not this year's:
  // the clerk confirms this year's in the fee fields or rewrites the sentence.
  const current = statements.filter((s) => !isLastYearsSentence(ctx, s.text));
  // A published report that states its fee in its own words has reported it, even if the import read
  // only part of it into the fee fields (淮安 2024: the amount collected, no count of notices).
  if ((fee.status === null || ctx.published) && current.length) return [];
  const copied = fee.status === null && rule.staleMessage ? statements[0] : undefined;
  if (copied) {
    const range: [number, number] = [copied.start, copied.start + copied.text.length];
    return [ctx.finding(rule, { section: section?.id, cells: [], text: copied.slot, range, params: { quote: copied.text, sentence: copied.text } }, rule.staleMessage)];
  }
  const f = ctx.finding(rule, { section: section?.id, cells: [], text: section?.id, params: {} }, (ctx.published && rule.publishedMessage) || rule.message);
  // A published report may state it where the import does not read (a table of its own).
  return [ctx.published ? { ...f, level: 'warning' } : f];
}

/**
 * The sentences stating the fee. A published report states it in its own words (信息公开处理费,
 * 未发生收费情况, 不存在收费…), sometimes in a section of its own: any text slot counts.
 */
function _feeStatements(rule: Of<'fee-reported'>, ctx: RuleContext): { slot: string; text: string; start: number }[] {
  const label = ctx.template.spec.fee.label;
  return proseSlots(ctx).flatMap(({ slot, text }) =>
    splitSentences(text)
      .filter((s) => s.text.includes(label) || rule.stated.some((p) => dataRegex(p).test(s.text)))
      .map((s) => ({ slot: slot.id, ...s })),
  );
}

export function checkDeadline(rule: Of<'deadline'>, ctx: RuleContext): Finding[] {
  const early = _signedEarly(rule, ctx);
  if (early) return [early];
  const unknownLevel = ctx.published && !ctx.report.organ.level && !ctx.report.dates.deadline;
  const deadline = unknownLevel ? latestDeadline(ctx) : deadlineOf(ctx);
  if (ctx.published) {
    // A published report is judged by the dates its source shows, never by today; signed in time
    // but published late is still late, so the later of the two decides and is the one named.
    const late = shownDateOf(ctx.report);
    if (!late || late.date <= deadline) return [];
    const params = { date: formatDate(late.date), deadline: formatDate(deadline), dateKind: rule.dateKinds?.[late.kind] ?? '' };
    return [ctx.finding(rule, { cells: [], params }, rule.shownMessage ?? rule.message)];
  }
  const date = ctx.report.dates.written ?? (ctx.mode === 'final' ? ctx.options.today : undefined);
  if (!date || date <= deadline) return [];
  const params = { date: formatDate(date), deadline: formatDate(deadline) };
  return [ctx.finding(rule, { cells: [], params }, ctx.report.dates.written ? rule.message : rule.todayMessage)];
}

/** A report signed before its year ended (统计期限 to 12月31日): a date carried over from last year, most often. */
function _signedEarly(rule: Of<'deadline'>, ctx: RuleContext): Finding | null {
  const source = ctx.report.source;
  const signed = ctx.report.dates.written ?? (source?.shownDateKind === 'signature' ? source.shownDate : null);
  const yearEnd = `${ctx.report.year}-12-31`;
  if (!rule.earlyMessage || !signed || signed >= yearEnd) return null;
  return ctx.finding(rule, { cells: [], params: { date: formatDate(signed), year: ctx.report.year, path: 'dates.written' } }, rule.earlyMessage);
}

export function checkTemplateYears(rule: Of<'template-years'>, ctx: RuleContext): Finding[] {
  const { years, name, basis } = ctx.template.spec;
  const year = ctx.report.year;
  if (year >= years.from && (years.to === undefined || year <= years.to)) return [];
  const range = years.to === undefined ? `${years.from}年起` : `${years.from}—${years.to}年`;
  return [ctx.finding(rule, { cells: [], params: { year, name, basis, range, path: 'year' } })];
}
