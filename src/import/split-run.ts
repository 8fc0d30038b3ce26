// The values of one grid row as printed in text: numbers separated by spaces, tabs, pipes or
// line breaks, or run together without separators (a web page that lost its table: "120010013"
// for 12, 0, 0, 1, 0, 0, 13). A separator is always a cell boundary; inside a run of digits any
// boundary is possible, so every way of cutting the run into the row's cells is listed and the
// caller keeps a split only when exactly one satisfies the template's sums.
import type { CellKind } from '../core';

/** One printed token: digits (maybe run together), a decimal, or a dash meaning blank. */
export type Token =
  | { kind: 'digits'; text: string; negative: boolean; fraction: string }
  | { kind: 'blank'; text: string };

const DASH = /^[/／\\—–\-－_]+$/;
const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const UNIT = /(万元|元|件|条|个|项)$/;

/** Cut the text between a row label and the next label into tokens; null when it is not numbers. */
export function tokenize(region: string): Token[] | null {
  const out: Token[] = [];
  const plain = region.replace(/[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  for (let raw of plain.split(/[\s\u3000|｜]+/)) {
    raw = raw.replace(UNIT, '');
    if (!raw) continue;
    if (DASH.test(raw)) {
      out.push({ kind: 'blank', text: raw });
      continue;
    }
    // 1,234 is one number; other commas separate numbers (0，0，0).
    const parts = THOUSANDS.test(raw) ? [raw.replace(/,/g, '')] : raw.split(',').filter(Boolean);
    // A minus sign inside a run starts a new cell (2648-18538: 2648, then a signed change).
    for (const part of parts.flatMap((p) => p.split(/(?=[-−])/))) {
      const m = /^([-−]?)(\d+)(?:\.(\d+))?$/.exec(part);
      if (!m) return null;
      out.push({ kind: 'digits', text: m[2]!, negative: m[1] !== '', fraction: m[3] ?? '' });
    }
  }
  return out;
}

/** Ways of cutting a digit string into `parts` numbers without leading zeros (a lone 0 is fine). */
function _cuts(digits: string, parts: number, limit: number): string[][] {
  const out: string[][] = [];
  const walk = (from: number, left: number, acc: string[]) => {
    if (out.length > limit) return;
    if (left === 1) {
      const rest = digits.slice(from);
      if (rest.length && (rest.length === 1 || rest[0] !== '0')) out.push([...acc, rest]);
      return;
    }
    for (let end = from + 1; end <= digits.length - (left - 1); end++) {
      const piece = digits.slice(from, end);
      if (piece.length > 1 && piece[0] === '0') break;
      walk(end, left - 1, [...acc, piece]);
    }
  };
  walk(0, parts, []);
  return out;
}

/** A cell value as printed, or null for a printed blank. */
export type Printed = number | null;

/**
 * Every reading of the tokens as exactly `kinds.length` cells that the cell kinds allow (a
 * fraction only in an amount, a minus only in a change). More than `limit` readings: null.
 */
export function splits(tokens: Token[], kinds: CellKind[], limit = 20_000): Printed[][] | null {
  const n = kinds.length;
  // Parts a token can take: at least 1, at most its digits, and what the other tokens leave.
  let tooMany = false;
  const maxParts = tokens.map((t) => (t.kind === 'blank' ? 1 : t.text.length));
  const allMax = maxParts.reduce((a, b) => a + b, 0);
  const options: { parts: number; values: Printed[][] }[][] = tokens.map((t, ti) => {
    if (t.kind === 'blank') return [{ parts: 1, values: [[null]] }];
    const byParts: { parts: number; values: Printed[][] }[] = [];
    const least = Math.max(1, n - (allMax - maxParts[ti]!));
    const most = Math.min(t.text.length, n - (tokens.length - 1));
    for (let p = least; p <= most; p++) {
      const cuts = _cuts(t.text, p, limit);
      if (cuts.length > limit) tooMany = true;
      const values = cuts.map((c) =>
        c.map((d, i) => {
          let v = Number(d);
          if (i === c.length - 1 && t.fraction) v = Number(`${d}.${t.fraction}`);
          return i === 0 && t.negative ? -v : v;
        }),
      );
      if (values.length) byParts.push({ parts: p, values });
    }
    return byParts;
  });
  if (tooMany) return null;
  const out: Printed[][] = [];
  let overflow = false;
  const walk = (ti: number, cell: number, acc: Printed[]) => {
    if (overflow) return;
    if (ti === tokens.length) {
      if (cell === n) out.push(acc);
      return;
    }
    const tokensLeft = tokens.length - ti - 1;
    for (const opt of options[ti]!) {
      if (cell + opt.parts + tokensLeft > n) break;
      for (const vals of opt.values) {
        if (!_fits(tokens[ti]!, vals, kinds.slice(cell, cell + opt.parts))) continue;
        if (out.length >= limit) {
          overflow = true;
          return;
        }
        walk(ti + 1, cell + opt.parts, [...acc, ...vals]);
      }
    }
  };
  walk(0, 0, []);
  return overflow ? null : out;
}

function _fits(token: Token, values: Printed[], kinds: CellKind[]): boolean {
  if (token.kind === 'blank') return true;
  if (token.negative && kinds[0] !== 'change') return false;
  if (token.fraction && kinds[kinds.length - 1] !== 'amount') return false;
  return true;
}
