// Fuzzy matching of labels printed in a published report against the TEMPLATE's labels. No
// label is written here: every candidate comes from the template (or templates/index.json).
// Printed labels vary in spaces, line breaks, bracket width, numbering punctuation and quotes;
// near misses ("其他法律行政止公开", "行政事业型收费") are matched by edit distance and flagged.
import { diceCoefficient } from '../core';

/** A cheap similarity for headings that reword a label (Dice over character bigrams). */
export const similarity = diceCoefficient;

const FULL_WIDTH_DIGITS = /[\uFF10-\uFF19]/g;

/** The comparable form of a label: no whitespace, full-width brackets, plain numbering dots. */
export function normalizeLabel(raw: string): string {
  return raw
    .replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '')
    .replace(/\*+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/^(\d+)[.．、,，]/, '$1.')
    .replace(/["＂]/g, '"')
    .replace(/[“”]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/[:]/g, '：')
    .replace(/[。.；;，,：]+$/, '');
}

/** Leading numbering of a normalised label: "2.", "（三）", "四、". */
export const NUMBERING = /^(\d+\.|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)/;

/** Levenshtein distance with an upper bound: returns bound + 1 as soon as it is exceeded. */
export function editDistance(a: string, b: string, bound = Infinity): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > bound) return bound + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Edits tolerated for a label of this length: about one in four characters, at least one. */
export const tolerance = (length: number): number => (length <= 2 ? 0 : Math.max(1, Math.floor(length / 4)));

export interface LabelCandidate<T> {
  label: string;
  value: T;
}

export interface LabelMatch<T> {
  value: T;
  label: string;
  /** 0 for an exact match (after normalisation). */
  distance: number;
  exact: boolean;
}

/**
 * The best candidate for a printed label: an exact match after normalisation, else the single
 * nearest within tolerance whose numbering (if both have one) is the same. Ties at the best distance between different values are refused
 * (undefined), so a guess is never a coin toss.
 */
export function matchLabel<T>(printed: string, candidates: readonly LabelCandidate<T>[]): LabelMatch<T> | undefined {
  const p = normalizeLabel(printed);
  if (!p || p.length > 200) return undefined;
  let best: LabelMatch<T> | undefined;
  let tie = false;
  for (const c of candidates) {
    const n = normalizeLabel(c.label);
    if (n === p) return { value: c.value, label: c.label, distance: 0, exact: true };
    const a = NUMBERING.exec(p)?.[1];
    const b = NUMBERING.exec(n)?.[1];
    if (a && b && a !== b) continue; // "2.…" is never "3.…", however near the words
    const bound = tolerance(Math.max(n.length, p.length));
    const d = editDistance(p, n, bound);
    if (d > bound) continue;
    if (!best || d < best.distance) {
      best = { value: c.value, label: c.label, distance: d, exact: false };
      tie = false;
    } else if (d === best.distance && c.value !== best.value && n !== normalizeLabel(best.label)) tie = true;
  }
  return tie ? undefined : best;
}

