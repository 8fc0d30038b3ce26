// Text items of a PDF page (positions in points, y down) → lines, paragraphs, and rows of
// gap-separated columns where a table is printed without ruling lines. Pure geometry.
import type { SourceCell } from './source';

export interface Glyph {
  text: string;
  /** Left edge and baseline, y growing downwards. */
  x: number;
  y: number;
  w: number;
  size: number;
}

export type Line = Glyph[];

/** A page number as printed alone on a line: "- 3 -", "— 3 —", "第 3 页 共 6 页", "3/6", "Page 3". */
export const PAGE_NUMBER = /^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)$/i;

const BARE_NUMBER = /^\d{1,4}$/;
const DASHED_NUMBER = /^[-—–－]+\s*\d{1,4}\s*[-—–－]+$/;

/**
 * Text a PDF tool extracted (pdftotext ends each page with a form feed): each page's number,
 * printed alone on its first or last line, is dropped; the pages run on as lines. A bare number
 * ("6") may be a table cell that ends a page: it is a page number only when it counts the pages
 * (the page's own number, or the same offset from it as on another page).
 */
export function joinPages(text: string): string {
  if (!text.includes('\f')) return text;
  const pages = text.split('\f').map((page) => page.split(/\r?\n/));
  const edges = (lines: string[]) => [lines.find((l) => l.trim()), lines.findLast((l) => l.trim())].map((l) => l?.trim() ?? '');
  const offsets = pages.flatMap((lines, i) => edges(lines).filter((l) => BARE_NUMBER.test(l)).map((l) => Number(l) - i));
  const counts = (offset: number) => offsets.filter((o) => o === offset).length;
  const counted = (line: string, i: number) => !BARE_NUMBER.test(line) || Number(line) === i + 1 || counts(Number(line) - i) >= 2;
  return pages
    .map((lines, page) => {
      const edge = (i: number) => lines[i] !== undefined && PAGE_NUMBER.test(lines[i]!.trim()) && counted(lines[i]!.trim(), page);
      const first = lines.findIndex((l) => l.trim());
      let last = lines.length - 1 - [...lines].reverse().findIndex((l) => l.trim());
      if (first >= 0 && edge(last)) lines.splice(last--, 1);
      if (first >= 0 && first <= last && edge(first)) lines.splice(first, 1);
      // A number between dashes alone on a line is a page's footer wherever the tool set it (as PDFs are read).
      return lines.filter((l) => !DASHED_NUMBER.test(l.trim())).join('\n');
    })
    .join('\n');
}

const ASCII_WORD = /[A-Za-z0-9]$/;
const ASCII_START = /^[A-Za-z0-9]/;

/** Glyphs on one baseline, left to right, joined; a space only between Latin words set apart. */
export function joinLine(line: Line): string {
  let out = '';
  let prev: Glyph | null = null;
  for (const g of line) {
    const text = g.text.trim();
    if (prev && g.x - (prev.x + prev.w) > prev.size * 0.25 && ASCII_WORD.test(out) && ASCII_START.test(text)) out += ' ';
    out += text;
    prev = g;
  }
  return out;
}

/** Glyphs grouped into lines by baseline (within 40% of the font size), top to bottom. */
export function linesOf(glyphs: Glyph[]): Line[] {
  const sorted = [...glyphs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  let cur: Line = [];
  let y = -Infinity;
  for (const g of sorted) {
    if (cur.length && Math.abs(g.y - y) > Math.min(g.size, cur[0]!.size) * 0.4) {
      lines.push(cur);
      cur = [];
    }
    if (!cur.length) y = g.y;
    cur.push(g);
  }
  if (cur.length) lines.push(cur);
  return lines.map((l) => l.sort((a, b) => a.x - b.x));
}

const _right = (l: Line) => Math.max(...l.map((g) => g.x + g.w));
const _size = (l: Line) => Math.max(...l.map((g) => g.size));
const HEADING = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[章部分节])/;

/**
 * Lines → paragraphs. A new paragraph starts at an indented line, after a line that stops short
 * of the right margin, at a change of font size, after a wider gap, and at a numbered heading.
 */
export interface Paragraph {
  top: number;
  text: string;
  /** The first line starts at the left margin (a continuation, not an indented opening). */
  flush: boolean;
  /** The last line runs to the right margin: the sentence may go on past a page break. */
  open: boolean;
}

export function paragraphsOf(lines: Line[]): Paragraph[] {
  if (!lines.length) return [];
  const starts = lines.map((l) => Math.round(l[0]!.x));
  const freq = new Map<number, number>();
  for (const s of starts) freq.set(s, (freq.get(s) ?? 0) + 1);
  const left = [...freq.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  const rights = lines.map(_right).sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.9)] ?? rights[rights.length - 1]!;
  const out: Paragraph[] = [];
  let prev: Line | null = null;
  for (const line of lines) {
    const text = joinLine(line);
    const size = _size(line);
    const fresh =
      !prev ||
      Math.abs(size - _size(prev)) > 1 ||
      line[0]!.y - prev[0]!.y > Math.max(size, _size(prev)) * 2.1 ||
      line[0]!.x > left + size * 0.8 ||
      _right(prev) < right - _size(prev) * 1.5 ||
      HEADING.test(text);
    const open = _right(line) >= right - size * 1.5;
    if (fresh) out.push({ top: line[0]!.y - size, text, flush: line[0]!.x <= left + size * 0.5, open });
    else {
      const last = out[out.length - 1]!;
      last.text += ASCII_WORD.test(last.text) && ASCII_START.test(text) ? ` ${text}` : text;
      last.open = open;
    }
    prev = line;
  }
  return out;
}

/** Pieces of a line separated by a gap wider than 1.5 characters. */
function _pieces(line: Line): { x0: number; x1: number; text: string }[] {
  const out: { x0: number; x1: number; glyphs: Glyph[] }[] = [];
  for (const g of line) {
    const last = out[out.length - 1];
    if (last && g.x - last.x1 <= g.size * 1.5) {
      last.glyphs.push(g);
      last.x1 = Math.max(last.x1, g.x + g.w);
    } else out.push({ x0: g.x, x1: g.x + g.w, glyphs: [g] });
  }
  return out.map((p) => ({ x0: p.x0, x1: p.x1, text: joinLine(p.glyphs) }));
}

export type LinePart = { kind: 'lines'; lines: Line[] } | { kind: 'rows'; top: number; rows: SourceCell[][] };

type Piece = ReturnType<typeof _pieces>[number];

const NUMERIC = /^[-−]?\d[\d,，.]*%?$/;
const NUMBERING = /^(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)/;

/**
 * Single-piece lines inside a table printed without lines: a label wrapped over several lines,
 * its parts set above and below the row's numbers. Such a line lies between two lines of pieces,
 * within 1.6 line heights of one of them, and ends before that line's second piece begins.
 */
function _labelLines(lines: Line[], pieces: Piece[][]): Set<number> {
  const out = new Set<number>();
  const multi = (k: number) => pieces[k]!.length >= 2;
  for (let k = 0; k < lines.length; k++) {
    if (multi(k)) continue;
    let above = k - 1;
    while (above >= 0 && !multi(above) && pieces[above]!.length === 1) above--;
    let below = k + 1;
    while (below < lines.length && !multi(below) && pieces[below]!.length === 1) below++;
    if (above < 0 || below >= lines.length) continue;
    const piece = pieces[k]![0]!;
    // Its row's numbers begin after it (a piece of a merged group cell may stand left of the row's label).
    const numbers = (m: number) => (pieces[m]!.find((p) => NUMERIC.test(p.text)) ?? pieces[m]![1]!).x0;
    const near = [above, below].filter((m) => Math.abs(lines[m]![0]!.y - lines[k]![0]!.y) <= _size(lines[m]!) * 1.6 && piece.x1 <= numbers(m));
    if (near.length) out.add(k);
  }
  // A part of a label (or of a merged group cell beside it) next to a part already taken: between the same rows.
  for (let grown = true; grown; ) {
    grown = false;
    for (let k = 0; k < lines.length; k++) {
      if (out.has(k) || pieces[k]!.length !== 1) continue;
      const by = [k - 1, k + 1].find((m) => out.has(m) && Math.abs(lines[m]![0]!.y - lines[k]![0]!.y) <= _size(lines[k]!) * 1.6);
      if (by === undefined) continue;
      out.add(k);
      grown = true;
    }
  }
  return out;
}

/**
 * A row's label set in a smaller size than its numbers sits on a baseline a little above theirs:
 * a line of words without numbers followed, within half a line height, by a line of numbers that
 * begin right of those words (and maybe a piece of a merged group cell left of them) is one line.
 */
function _labelBesideNumbers(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const next = lines[k + 1];
    const words = _pieces(line);
    const numbers = next ? _pieces(next) : [];
    if (
      next &&
      words.every((p) => !NUMERIC.test(p.text)) &&
      numbers.filter((p) => NUMERIC.test(p.text)).length >= 2 &&
      // Besides the numbers, only pieces of a merged group cell left of the label ("供").
      numbers.every((p) => NUMERIC.test(p.text) ? p.x0 > words[words.length - 1]!.x1 : p.x1 < words[words.length - 1]!.x0) &&
      next[0]!.y - line[0]!.y < Math.max(_size(line), _size(next)) * 0.5
    ) {
      out.push([...line, ...next].sort((a, b) => a.x - b.x));
      k++;
    } else out.push(line);
  }
  return out;
}

/**
 * Runs of two or more lines that each break into several pieces are a table printed without
 * lines: its columns are the unions of the pieces' horizontal extents over the run. A label
 * wrapped over lines above and below its row's numbers joins that row's first cell. Columns so
 * found are approximate, so these rows come with exactColumns false.
 */
export function gapRows(given: Line[]): LinePart[] {
  const parts: LinePart[] = [];
  const lines = _labelBesideNumbers(given);
  const pieces = lines.map(_pieces);
  const labels = _labelLines(lines, pieces);
  const inRun = (k: number) => pieces[k]!.length >= 2 || labels.has(k);
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && inRun(j)) j++;
    const rowsAt = Array.from({ length: j - i }, (_, k) => i + k).filter((k) => pieces[k]!.length >= 2);
    if (rowsAt.length >= 2) {
      // Columns from the numbers (header words may straddle them), else from every piece.
      const numeric = rowsAt.flatMap((k) => pieces[k]!).filter((p) => NUMERIC.test(p.text));
      const spans = (numeric.length ? numeric : rowsAt.flatMap((k) => pieces[k]!)).map((p) => [p.x0, p.x1] as [number, number]).sort((a, b) => a[0] - b[0]);
      const columns: [number, number][] = [];
      for (const s of spans) {
        const last = columns[columns.length - 1];
        if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
        else columns.push([...s]);
      }
      // A piece's column: the one it overlaps; left of the first, the label column before them all.
      const col = (p: Piece) => {
        const k = columns.findIndex((c) => p.x0 <= c[1] + 0.5 && p.x1 >= c[0] - 0.5);
        return k >= 0 ? k + 1 : p.x1 < columns[0]![0] ? 0 : columns.filter((c) => c[1] < p.x0).length;
      };
      // Each wrapped label part goes to the nearest row: before its text if above it, after if below.
      const before = new Map<number, string[]>();
      const after = new Map<number, string[]>();
      const alone = new Map<number, string>();
      const group = new Map<number, string[]>();
      // A row whose label opens with its numbering ("3.其他") has no part of a label above it.
      const numbered = (r: number) => NUMBERING.test(pieces[r]![0]!.text);
      for (let k = i; k < j; k++) {
        if (pieces[k]!.length >= 2) continue;
        const y = lines[k]![0]!.y;
        const piece = pieces[k]![0]!;
        const dist = (r: number | undefined) => (r === undefined ? Infinity : Math.abs(lines[r]![0]!.y - y));
        const [row, other] = [...rowsAt]
          .filter((r) => lines[r]![0]!.y < y || !numbered(r) || piece.x1 < pieces[r]![0]!.x0)
          .sort((a, b) => dist(a) - dist(b));
        // Only where one row is clearly nearer: a part between two rows alike stays a row of its own.
        if (dist(row) >= dist(other) * 0.75) {
          alone.set(k, piece.text);
          continue;
        }
        // A piece left of the row's label is a piece of a merged group cell beside it: kept out of the label.
        const into = piece.x1 < pieces[row!]![0]!.x0 ? group : lines[row!]![0]!.y > y ? before : after;
        into.set(row!, [...(into.get(row!) ?? []), piece.text]);
      }
      parts.push({
        kind: 'rows',
        top: lines[i]![0]!.y - _size(lines[i]!),
        rows: [...rowsAt, ...alone.keys()].sort((a, b) => a - b).map((r) => {
          if (alone.has(r)) return [{ text: alone.get(r)!, col: 0, span: 1 }];
          const label = [...(before.get(r) ?? []), ...(after.get(r) ?? [])];
          const cells = pieces[r]!.map((p) => ({ text: p.text, col: col(p), span: 1 }));
          // The wrapped label's parts surround the row's own label (the last piece before the numbers: a piece of a
          // merged group cell may stand left of it), or stand alone when the row holds only numbers.
          const own = cells.filter((c) => c.col === 0).pop();
          if (label.length && own) own.text = [...(before.get(r) ?? []), own.text, ...(after.get(r) ?? [])].join('');
          else if (label.length) cells.unshift({ text: label.join(''), col: 0, span: 1 });
          if (group.has(r)) cells.unshift({ text: group.get(r)!.join(''), col: 0, span: 1 });
          return cells;
        }),
      });
      i = j;
      continue;
    }
    const last = parts[parts.length - 1];
    const take = lines.slice(i, Math.max(j, i + 1));
    if (last?.kind === 'lines') last.lines.push(...take);
    else parts.push({ kind: 'lines', lines: take });
    i = Math.max(j, i + 1);
  }
  return parts;
}
