// What a person types into a cell → a value, or a refusal that says why. Normalises full-width
// digits, thousands separators and surrounding spaces; never rounds or guesses.
import type { CellKind } from '../template/schema';
import { MAX_VALUE, validValue } from '../rules/kinds/cells';

export type CellInput = { ok: true; value: number | null } | { ok: false; reason: string };

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D\uFF0B]/g;

export function normaliseCellText(raw: string): string {
  return raw
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u2212/g, '-') // the minus sign of typeset text, as in "−180"
    .replace(/[\s\u3000]+/g, '')
    .replace(/，/g, ',');
}

export function parseCellInput(raw: string, kind: CellKind): CellInput {
  const s = normaliseCellText(raw);
  if (s === '') return { ok: true, value: null };
  if (/^[/／—–-]+$/.test(s) || s === '无') return { ok: false, reason: `“${raw.trim()}”不是数字：没有发生请填 0` };
  // Thousands separators only in their proper places: 1,234,567.5
  const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) ? s.replace(/,/g, '') : s;
  if (!/^[-+]?\d+(\.\d+)?$/.test(plain)) return { ok: false, reason: `“${raw.trim()}”不是数字` };
  const value = Number(plain);
  if (value < 0 && kind !== 'change') return { ok: false, reason: `“${raw.trim()}”是负数，${kind === 'count' ? '件数' : '金额'}不能为负` };
  if (kind !== 'amount' && !Number.isInteger(value)) return { ok: false, reason: `“${raw.trim()}”带小数，${kind === 'count' ? '件数' : '增减数'}应为整数` };
  if (Math.abs(value) > MAX_VALUE) return { ok: false, reason: `“${raw.trim()}”过大，请核对` };
  if (!validValue(kind, value)) {
    return { ok: false, reason: kind === 'amount' ? `“${raw.trim()}”最多保留4位小数` : `“${raw.trim()}”过大` };
  }
  return { ok: true, value };
}
