// Starting next year's report, and what doing so did in the clerk's words: which template it is in
// when that changed, and what of this year's report had no place in it (so nothing is lost
// silently). Loaded when 新建下一年度报告 is pressed.
import { nextYearAcross, nextYearTemplate, type NextYear, type Report, type Template, type TemplateRegistry } from '../../core';

/** Next year's report from `report` (in the template in force that year), and the note for the clerk. */
export function startNextYear(all: TemplateRegistry, from: Template, report: Report): { report: Report; note: string } {
  const next = nextYearAcross(from, nextYearTemplate(all, from, report), report);
  return { report: next.report, note: `已由 ${report.year} 年度报告生成 ${report.year + 1} 年度报告：${nextYearNote(from, next)}` };
}

export function nextYearNote(from: Template, next: NextYear): string {
  if (next.template === from) return '上年结转已填入，文字沿用上年并标为待修改';
  const parts = [`新年度使用“${next.template.spec.name}”（${next.template.spec.basis}），意思相同的文字已带入并标为待修改`];
  const dropped = [
    ...next.droppedTexts.map((label) => `${label}的文字`),
    ...next.droppedCells.map((d) => `${d.label}中的 ${d.count} 个数字`),
  ];
  if (dropped.length) parts.push(`新格式中没有对应栏目、未带入的有：${dropped.join('；')}（仍保留在上一年度的报告中）`);
  return parts.join('。');
}
