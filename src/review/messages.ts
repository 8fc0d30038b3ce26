// The review's own Chinese wording (not the template's official labels): column heads, decision
// names, lateness, the lines the CLI prints. One home, read by the CLI, the exports and the app.
import type { FactField, Finding, Place, Template } from '../core';
import type { DecisionKind } from './triage';
import type { ReviewUnit } from './batch';

export const DECISION_NAMES: Record<DecisionKind | 'open', string> = { confirmed: '确认', dismissed: '排除', open: '待定' };

export const UNIT_COLUMNS = {
  file: '文件',
  organ: '机关',
  level: '层级',
  year: '年度',
  template: '格式',
  errors: '错误',
  warnings: '警告',
  unfinished: '未完成',
  unread: '未读出单元格',
  uncertain: '不确定单元格',
  shown: '落款/发布日期',
  deadline: '公开期限',
  late: '是否逾期',
  previous: '对照的上年报告',
} as const;

export const FINDING_COLUMNS = {
  organ: '机关',
  year: '年度',
  level: '级别',
  rule: '规则',
  place: '位置',
  message: '问题',
  decision: '处理',
  note: '备注',
  fingerprint: '指纹',
} as const;

export const SUM_WORDS = {
  unitsSheet: '单位',
  findingsSheet: '问题',
  sumRow: '汇总',
  behindRow: '有数单位数',
  behind: (n: number, of: number) => `${n}/${of} 个单位有数`,
  difference: (place: string, parent: string, sum: string, diff: string) => `${place}：本级报告为 ${parent}，下级合计为 ${sum}，相差 ${diff}`,
  unitsBehind: '涉及单位',
} as const;

/** 逾期 / 按期 / 无日期 for a unit. */
export function lateWord(unit: Pick<ReviewUnit, 'late'>): string {
  return unit.late === null ? '未显示日期' : unit.late ? '逾期' : '按期';
}

export const REVIEW_TITLE = (organ: string) => `关于${organ}政府信息公开工作年度报告的审查意见`;
export const REVIEW_TITLE_ALL = (year: number | null) => `${year ? `${year}年度` : ''}政府信息公开工作年度报告审查意见`;
export const NO_FINDINGS = '经审查，未发现需要修改的问题。';

const FACT_WORDS: Record<FactField, string> = {
  name: '机关名称',
  titleName: '标题中的机关名称',
  level: '机关层级',
  year: '年度',
  written: '成文日期',
  deadline: '公开期限',
  office: '联系单位',
  phone: '联系电话',
  email: '电子邮箱',
  website: '电子版发布网址',
};

/** Where a finding is, in words: section · cell, a text slot's label, a facts field, or the report as a whole. */
export function placeWords(template: Template, place: Place | null | undefined): string {
  if (!place) return '全文';
  if (place.kind === 'fact') return FACT_WORDS[place.field];
  if (place.kind === 'text') return template.texts.find((t) => t.id === place.slot)?.label ?? place.slot;
  const cell = template.cells.get(place.cell);
  if (!cell) return place.cell;
  return `${template.sectionOf(cell.grid)?.label ?? template.grid(cell.grid).label} · ${cell.name}`;
}

/** The section a finding belongs to, for grouping: its own, else its cell's or text slot's; '' for the report as a whole. */
export function sectionOfFinding(template: Template, finding: Pick<Finding, 'section' | 'place'>): string {
  const place = finding.place;
  let id = finding.section;
  if (!id && place?.kind === 'cell') id = template.sectionOf(template.cells.get(place.cell)?.grid ?? '')?.id;
  if (!id && place?.kind === 'text') id = template.texts.find((t) => t.id === place.slot)?.section?.id;
  return template.spec.sections.find((s) => s.id === id)?.label ?? '';
}

export const WHOLE_REPORT = '总体与格式';
