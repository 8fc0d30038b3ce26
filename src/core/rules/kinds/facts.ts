// Rules over report facts: the 信息处理费 is reported (R11); the report is not late (R15).
import type { RuleSpec } from '../../template/schema';
import { formatDate, type Finding } from '../finding';
import type { RuleContext } from '../context';

type Of<K extends RuleSpec['kind']> = Extract<RuleSpec, { kind: K }>;

export function checkFeeReported(rule: Of<'fee-reported'>, ctx: RuleContext): Finding[] {
  const { fee } = ctx.report;
  const section = ctx.template.spec.sections.find((s) => s.fee);
  const complete =
    fee.status === 'none' ||
    (fee.status === 'collected' && fee.notices != null && fee.amount != null && fee.collectedAmount != null);
  // An imported report states it in its own words instead.
  const stated = section && (ctx.report.narrative[section.id] ?? '').includes(ctx.template.spec.fee.label);
  if (complete || (fee.status === null && stated)) return [];
  return [ctx.finding(rule, { section: section?.id, cells: [], text: section?.id, params: {} })];
}

export function deadlineOf(ctx: Pick<RuleContext, 'template' | 'report'>): string {
  const { report, template } = ctx;
  if (report.dates.deadline) return report.dates.deadline;
  const rule = template.spec.deadline;
  const mmdd = (report.organ.level && rule.byLevel?.[report.organ.level]) || rule.default;
  return `${report.year + 1}-${mmdd}`;
}

export function checkDeadline(rule: Of<'deadline'>, ctx: RuleContext): Finding[] {
  const date = ctx.report.dates.written ?? (ctx.mode === 'final' ? ctx.options.today : undefined);
  const deadline = deadlineOf(ctx);
  if (!date || date <= deadline) return [];
  const params = { date: formatDate(date), deadline: formatDate(deadline) };
  return [ctx.finding(rule, { cells: [], params }, ctx.report.dates.written ? rule.message : rule.todayMessage)];
}

export function checkTemplateYears(rule: Of<'template-years'>, ctx: RuleContext): Finding[] {
  const { years, name, basis } = ctx.template.spec;
  const year = ctx.report.year;
  if (year >= years.from && (years.to === undefined || year <= years.to)) return [];
  const range = years.to === undefined ? `${years.from}年起` : `${years.from}—${years.to}年`;
  return [ctx.finding(rule, { cells: [], params: { year, name, basis, range, path: 'year' } })];
}
