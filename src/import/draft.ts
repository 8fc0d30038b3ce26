// The name of the draft an import creates, from the organ and year read, so several imports can be
// told apart. Small and dependency-free: the dialog imports it directly, without loading the importer.
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
