// Headless helpers for the draft an import creates: its name (from the organ and year read, so
// several imports can be told apart) and whether the draft open before the import is blank (then
// the import replaces it instead of leaving an empty "（未填机关名称）" draft behind).
// Small and dependency-free: the dialog imports it directly, without loading the importer.
import type { Report } from '../core';

/**
 * Name of the draft made from an imported report: "三元区莘口镇 2019年（导入）", or, when it
 * starts next year's report from it, "三元区莘口镇 2020年（据2019年报告）". The source's name
 * (file name, 粘贴的文字) only when no organ was read.
 */
export function importedDraftName(imported: Report, source: string, nextYear = false): string {
  const organ = (imported.organ.titleName ?? '').trim() || imported.organ.name.trim();
  const year = imported.year;
  if (!organ) return nextYear ? `${source}（${year + 1}年）` : `${source}（导入）`;
  return nextYear ? `${organ} ${year + 1}年（据${year}年报告）` : `${organ} ${year}年（导入）`;
}

const _empty = (o: Readonly<Record<string, unknown>> | undefined) =>
  !o || Object.values(o).every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));

/**
 * A report nothing was put into: no organ, level, dates, contact, text, value, printed total,
 * 信息处理费 fact, last year or text to revise. Only its year may differ from a new report's.
 */
export function isBlankReport(report: Report): boolean {
  const { organ } = report;
  return (
    !organ.name.trim() &&
    !(organ.titleName ?? '').trim() &&
    organ.level === null &&
    _empty(report.dates) &&
    _empty(report.contact) &&
    _empty(report.narrative) &&
    _empty(report.values) &&
    _empty(report.printed) &&
    _empty(report.fee) &&
    !report.lastYear &&
    !(report.revise ?? []).length
  );
}
