// The app's and the CLI's own Chinese wording, in one place: level names, counts, refused inputs,
// why a typed value is not accepted. The template's wording (labels, rule messages) stays in the
// template; views put these words together from data and never take a sentence apart.
import type { Level } from './rules/finding';
import type { CellKind } from './template/schema';

/** One name per level, everywhere (panel, export, drafts list, CLI). */
export const LEVEL_NAMES: Record<Level, string> = { error: '错误', warning: '警告', incomplete: '未完成' };

/** "3 个错误，1 个警告，5 项未完成". */
export function countsText(c: { errors: number; warnings: number; unfinished: number }): string {
  return `${c.errors} 个${LEVEL_NAMES.error}，${c.warnings} 个${LEVEL_NAMES.warning}，${c.unfinished} 项${LEVEL_NAMES.incomplete}`;
}

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
