// The app's and the CLI's own Chinese wording, in one place: level names, counts, refused inputs,
// why a typed value is not accepted. The template's wording (labels, rule messages) stays in the
// template; views put these words together from data and never take a sentence apart.
import type { Finding, Level } from './rules/finding';
import { isUnfinished } from './verdict';
import type { CellKind } from './template/schema';

/** One name per level, everywhere (panel, export, drafts list, CLI). */
export const LEVEL_NAMES: Record<Level, string> = { error: '错误', warning: '警告', incomplete: '未完成' };

type Shown = { errors: number; warnings: number; unfinished: number };

/** "3 个错误，1 个警告，5 项未完成": a verdict's `shown` counts, in a sentence. */
export function countsText(c: Shown): string {
  return `${c.errors} 个${LEVEL_NAMES.error}，${c.warnings} 个${LEVEL_NAMES.warning}，${c.unfinished} 项${LEVEL_NAMES.incomplete}`;
}

/** "错误 3 · 警告 1 · 未完成 5": a verdict's `shown` counts, on a panel's header line. */
export function countsLine(c: Shown): string {
  return `${LEVEL_NAMES.error} ${c.errors} · ${LEVEL_NAMES.warning} ${c.warnings} · ${LEVEL_NAMES.incomplete} ${c.unfinished}`;
}

/** Why a final document is refused, from the verdict's `shown` counts: "3 个错误、5 项未完成". */
export function blockingText(c: Shown): string {
  const parts = [c.errors && `${c.errors} 个${LEVEL_NAMES.error}`, c.unfinished && `${c.unfinished} 项${LEVEL_NAMES.incomplete}`].filter(Boolean);
  return parts.join('、');
}

/** The name a finding is listed under, as `shown` counts it: an unfinished item is 未完成 in both modes. */
export function levelName(f: Finding): string {
  return LEVEL_NAMES[isUnfinished(f) ? 'incomplete' : f.level];
}

/** A finding for a reader: its plain message first, the rule id after, in brackets. */
export function findingText(f: { rule: string; message: string }): string {
  return `${f.message}（${f.rule}）`;
}

/** Over the list of a text's sentences still last year's (in next year's report). */
export const staleSentencesHead = (n: number): string => `以下 ${n} 句仍是上一年度的，请按本年情况改写（点击一句即在文字框中选中）：`;

/** The label of the text box under a grid, whose section heading is already above it. */
export const SECTION_NOTE_LABEL = '本节说明（可不填）';

/** Why a cell's typed text is not a value. */
export type InputProblem = 'none-is-zero' | 'not-a-number' | 'negative' | 'fraction' | 'too-large' | 'too-precise';

const _what = (kind: CellKind, of: 'count' | 'sign') => (kind === 'count' ? '件数' : of === 'sign' ? '金额' : '增减数');

/** The explanation after the quoted text: “—”不是数字：没有发生请填 0. */
export function inputProblemText(code: InputProblem, kind: CellKind): string {
  switch (code) {
    case 'none-is-zero':
      return '不是数字：没有发生请填 0';
    case 'not-a-number':
      return '不是数字';
    case 'negative':
      return `是负数，${_what(kind, 'sign')}不能为负`;
    case 'fraction':
      return `带小数，${_what(kind, 'count')}应为整数`;
    case 'too-large':
      return '过大，请核对';
    case 'too-precise':
      return kind === 'amount' ? '最多保留4位小数' : '过大';
  }
}

/** What was typed, quoted, and why it is not accepted: “12a”不是数字. */
export function refusalReason(raw: string, why: string, of: 'cell' | 'fact' | 'text'): string {
  return of === 'cell' ? `“${raw.trim()}”${why}` : `“${raw.trim()}”无效：${why}`;
}

/** A refused input in a list (export, findings panel): place, the text exactly as typed, why. */
export function refusalLine(r: { label: string; raw: string; why: string }): string {
  return `${r.label}：“${r.raw}”未被接受：${r.why}`;
}

/** The findings panel while the rules load after the first screen, or when they could not load. */
export const RULES_STATE_TEXT = {
  loading: '正在载入检查规则…',
  failed: '检查规则未能载入（离线且本应用的文件未缓存）。填写和草稿保存不受影响；联网后刷新页面即可检查。',
} as const;
