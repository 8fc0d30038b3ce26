// The name of an exported file: the report's title (<机关><年度>年…年度报告) plus .docx, with the
// characters Windows forbids in file names removed. No docx import: the app's first bundle reads it.
import { titleText, type Report, type Template } from '../../core';
import { safeFileName } from '../../core/report/sanitize';

export function exportFileName(template: Template, report: Report, draft = false): string {
  return safeFileName(titleText(template, report), `${draft ? '（草稿）' : ''}.docx`, String(report.year));
}
