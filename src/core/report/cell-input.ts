// What a person types into a cell → a value, or a refusal that says why. Normalises full-width
// digits, thousands separators and surrounding spaces; never rounds or guesses.
import type { CellKind } from '../template/schema';
import { MAX_VALUE, validValue } from './values';
import { inputProblemText, refusalReason, type InputProblem } from '../messages';

export type CellInput = { ok: true; value: number | null } | { ok: false; code: InputProblem; why: string; reason: string };

/** A refusal as data (code) with its words from the messages module. */
function _refuse(raw: string, kind: CellKind, code: InputProblem): CellInput {
  const why = inputProblemText(code, kind);
  return { ok: false, code, why, reason: refusalReason(raw, why, 'cell') };
}

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
  if (/^[/／—–-]+$/.test(s) || s === '无') return _refuse(raw, kind, 'none-is-zero');
  // Thousands separators only in their proper places: 1,234,567.5
  const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) ? s.replace(/,/g, '') : s;
  if (!/^[-+]?\d+(\.\d+)?$/.test(plain)) return _refuse(raw, kind, 'not-a-number');
  const value = Number(plain);
  if (value < 0 && kind !== 'change') return _refuse(raw, kind, 'negative');
  if (kind !== 'amount' && !Number.isInteger(value)) return _refuse(raw, kind, 'fraction');
  if (Math.abs(value) > MAX_VALUE) return _refuse(raw, kind, 'too-large');
  if (!validValue(kind, value)) return _refuse(raw, kind, 'too-precise');
  return { ok: true, value };
}
