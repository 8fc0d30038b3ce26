// What a cell can hold: the range and precision shared by typed input, the report schema and R5.
import type { CellKind } from '../template/schema';

/** Larger than any real count or amount (万元); guards against pasted identifiers. */
export const MAX_VALUE = 1e11;

/** Decimals of a 万元 amount when the template's R5 does not say (the form's input rule). */
export const AMOUNT_DECIMALS = 4;

export function validValue(kind: CellKind, v: number, amountDecimals = AMOUNT_DECIMALS): boolean {
  if (!Number.isFinite(v) || v < (kind === 'change' ? -MAX_VALUE : 0) || v > MAX_VALUE) return false;
  if (kind !== 'amount') return Number.isInteger(v);
  // Binary floating point: 1306.452317 × 10^6 and (0.1 + 0.2) × 10^6 are integers only up to rounding.
  const scaled = v * 10 ** amountDecimals;
  return Math.abs(scaled - Math.round(scaled)) <= Math.max(1e-3, Math.abs(scaled) * 1e-15);
}
