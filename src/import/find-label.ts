// Finding a row label in the compacted text of a section: the official wording, the wording
// broken by its row's numbers (a PDF's wrapped cell), the wording wrapped round its numbers with
// pieces of the merged group cells beside it, a printed variant, or a near miss.
import { editDistance, tolerance } from './match-labels';

/** Text with whitespace removed and labels' variant characters unified, mapped back to the text. */
export interface Compact {
  text: string;
  /** Index in the original text of each compact character. */
  at: number[];
}

const UNIFY: Record<string, string> = { '(': '（', ')': '）', '“': '"', '”': '"', '＂': '"', '‘': "'", '’': "'", ':': '：', '．': '.' };

export function compact(text: string): Compact {
  let out = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let ch = text[i]!;
    if (/[\s\u3000\u00a0\u200b\ufeff|｜*#]/.test(ch)) continue;
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) ch = String.fromCharCode(code - 0xfee0);
    ch = UNIFY[ch] ?? ch;
    // "1、" before a row label: the numbering of a row label in another punctuation (one digit, which
    // stands after a non-digit in the text: the numbers of the row before may end the line above).
    if (ch === '、' && /\d/.test(out[out.length - 1] ?? '') && !/\d/.test(text[at[at.length - 1]! - 1] ?? '')) ch = '.';
    out += ch;
    at.push(i);
  }
  return { text: out, at };
}

export interface Found {
  start: number;
  end: number;
  printed: string;
  exact: boolean;
  /** Matched one of the printed variants known from real reports. */
  alias?: boolean;
  /** A label broken by its row's numbers (a PDF's wrapped cell): where its words resume after them. */
  resume?: number;
}

const RUN = /^[\d.,\-−—/／]+/;
/** Compact characters after the search start within which a broken or near-miss label is looked for. */
const NEAR = 3000;

/** A long label broken by its numbers: "…只计这一情 447 7 0 0 0 0 454 形，不计其他情形）". */
function _broken(c: string, label: string, from: number, to: number): Found | null {
  if (label.length < 8) return null;
  let best: Found | null = null;
  for (let k = label.length - 1; k >= 4; k--) {
    const head = label.slice(0, k);
    const tail = label.slice(k);
    for (let i = c.indexOf(head, from); i >= 0 && i < to; i = c.indexOf(head, i + 1)) {
      const run = RUN.exec(c.slice(i + k, i + k + 200));
      if (run && c.startsWith(tail, i + k + run[0].length) && (!best || i < best.start)) {
        best = { start: i, end: i + k, printed: label, exact: true, resume: i + k + run[0].length + tail.length };
      }
    }
    if (best) return best;
  }
  return null;
}

/**
 * A long label a PDF tool wrapped round its numbers with pieces of the merged group cells beside
 * it on the same lines ("2.没有现成信息需要另行制 年度办 2 1 3 0 2 2 10 供 作"): the label's words
 * in order, broken once by the numbers and only by pieces of the grid's group labels (`pieces`
 * holds those labels; a piece is at most 4 characters of one of them).
 */
function _wrapped(c: string, label: string, from: number, to: number, pieces: string[]): Found | null {
  if (label.length < 8 || !pieces.length) return null;
  const isPiece = (s: string) => !/\d/.test(s) && pieces.some((p) => p.includes(s));
  for (let i = c.indexOf(label.slice(0, 4), from); i >= 0 && i < to; i = c.indexOf(label.slice(0, 4), i + 1)) {
    let p = i;
    let j = 0;
    let run: { start: number; end: number } | null = null;
    while (j < label.length && p < c.length) {
      if (c[p] === label[j]) {
        p++;
        j++;
        continue;
      }
      if (j < 4) break;
      const digits: RegExpExecArray | null = run ? null : RUN.exec(c.slice(p, p + 200));
      if (digits) {
        run = { start: p, end: p + digits[0].length };
        p = run.end;
        continue;
      }
      let n = 1;
      while (n <= 4 && !(isPiece(c.slice(p, p + n)) && (c[p + n] === label[j] || (!run && /\d/.test(c[p + n] ?? ''))))) n++;
      if (n > 4) break;
      p += n;
    }
    // The whole label, and the numbers inside it: a label merely followed by numbers is found as such.
    if (j === label.length && run && p > run.end) return { start: i, end: run.start, printed: label, exact: true, resume: p };
  }
  return null;
}

/** The first occurrence of a label (or one of its printed variants) in [from, to), exact before near. */
export function findLabel(c: string, labels: string[], from: number, to: number, pieces: string[] = []): Found | null {
  // The official wording first, whole or broken by its numbers; then the variants seen in real reports.
  const official = labels[0]!;
  const i = c.indexOf(official, from);
  const exact: Found | null = i >= 0 && i + official.length <= to ? { start: i, end: i + official.length, printed: official, exact: true } : null;
  // Broken and near-miss labels are looked for close by only: a grid's rows stand together.
  const near = Math.min(to, from + NEAR);
  const broken = _broken(c, official, from, exact ? Math.min(exact.start, near) : near);
  if (broken || exact) return broken ?? exact;
  const wrapped = _wrapped(c, official, from, near, pieces);
  if (wrapped) return wrapped;
  let best: Found | null = null;
  for (const label of labels.slice(1)) {
    const j = c.indexOf(label, from);
    if (j >= 0 && j + label.length <= to && (!best || j < best.start)) best = { start: j, end: j + label.length, printed: label, exact: false, alias: true };
  }
  if (best) return best;
  const label = labels[0]!;
  const tol = tolerance(label.length);
  if (label.length < 5 || tol === 0) return null;
  let nearest: (Found & { d: number }) | null = null;
  for (let i = from; i < near; i++) {
    // A near miss keeps the label's first characters (its numbering) or its last ones.
    if (c[i] !== label[0]) continue;
    for (let len = label.length - tol; len <= label.length + tol; len++) {
      if (i + len > to) break;
      const d = editDistance(c.slice(i, i + len), label, tol);
      if (d <= tol && (!nearest || d < nearest.d)) nearest = { start: i, end: i + len, printed: c.slice(i, i + len), exact: false, d };
    }
    if (nearest && nearest.d === 1) break;
  }
  return nearest;
}
