// The review's own Chinese wording (not the template's official labels): column heads, decision
// names, lateness, the lines the CLI prints. One home, read by the CLI, the exports and the app.
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
