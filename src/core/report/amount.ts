// Exact arithmetic: every value is compared as an integer number of 0.0001 units (万元 amounts
// carry up to 4 decimals), so 0.1 + 0.2 never fails a check.
export const SCALE = 10_000;
export const toUnits = (v: number): number => Math.round(v * SCALE);
export const fromUnits = (u: number): number => u / SCALE;
