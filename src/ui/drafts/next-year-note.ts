// What starting next year's report did, in the clerk's words: which template it is in when that
// changed, and what of this year's report had no place in it (so nothing is lost silently).
import type { NextYear, Template } from '../../core';

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
