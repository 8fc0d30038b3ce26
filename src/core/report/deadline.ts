// The dates a report is judged by: its deadline (the date typed, else the template's by the organ's
// level) and the date a published report shows. The form's hint and the review use them, as R15 does.
import type { Template } from '../template/load';
import type { Report } from './schema';

type DeadlineFacts = { template: Template; report: Pick<Report, 'dates' | 'organ' | 'year'> };

export function deadlineOf(ctx: DeadlineFacts): string {
  const { report, template } = ctx;
  if (report.dates.deadline) return report.dates.deadline;
  const rule = template.spec.deadline;
  const mmdd = (report.organ.level && rule.byLevel?.[report.organ.level]) || rule.default;
  return `${report.year + 1}-${mmdd}`;
}

/** For a published report of an organ whose level is unknown: the latest deadline any level has. */
export function latestDeadline(ctx: DeadlineFacts): string {
  const rule = ctx.template.spec.deadline;
  const mmdd = [rule.default, ...Object.values(rule.byLevel ?? {})].sort().pop()!;
  return `${ctx.report.year + 1}-${mmdd}`;
}

type ShownKind = 'signature' | 'published' | 'title';

/**
 * The date a published report is judged late by: the later of the date shown (the signature, else
 * the 成文日期 read) and the 发布日期 the source shows, with its kind; null when it shows neither.
 * Both are optional: a paste or an older report may carry neither.
 */
export function shownDateOf(report: Pick<Report, 'source' | 'dates'>): { date: string; kind: ShownKind } | null {
  const source = report.source;
  const shown = source?.shownDate
    ? { date: source.shownDate, kind: source.shownDateKind ?? 'signature' }
    : report.dates.written
      ? { date: report.dates.written, kind: 'signature' as const }
      : null;
  const published = source?.publishedDate ? { date: source.publishedDate, kind: 'published' as const } : null;
  if (!shown || !published) return shown ?? published;
  return published.date > shown.date ? published : shown;
}
