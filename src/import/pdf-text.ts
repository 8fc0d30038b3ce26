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

/**
 * Text a PDF tool extracted (pdftotext ends each page with a form feed): each page's number,
 * printed alone on its first or last line, is dropped; the pages run on as lines.
 */
export function joinPages(text: string): string {
  if (!text.includes('\f')) return text;
  return text
    .split('\f')
    .map((page) => {
      const lines = page.split(/\r?\n/);
      const edge = (i: number) => lines[i] !== undefined && PAGE_NUMBER.test(lines[i]!.trim());
      const first = lines.findIndex((l) => l.trim());
      let last = lines.length - 1 - [...lines].reverse().findIndex((l) => l.trim());
      if (first >= 0 && edge(last)) lines.splice(last--, 1);
      if (first >= 0 && first <= last && edge(first)) lines.splice(first, 1);
      return lines.join('\n');
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

/**
 * Runs of two or more lines that each break into several pieces are a table printed without
 * lines: its columns are the unions of the pieces' horizontal extents over the run. Columns so
 * found are approximate, so these rows come with exactColumns false.
 */
export function gapRows(lines: Line[]): LinePart[] {
  const parts: LinePart[] = [];
  const pieces = lines.map(_pieces);
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && pieces[j]!.length >= 2) j++;
    if (j - i >= 2) {
      const run = pieces.slice(i, j);
      const spans = run.flat().map((p) => [p.x0, p.x1] as [number, number]).sort((a, b) => a[0] - b[0]);
      const columns: [number, number][] = [];
      for (const s of spans) {
        const last = columns[columns.length - 1];
        if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
        else columns.push([...s]);
      }
      const col = (x0: number) => Math.max(0, columns.findIndex((c) => x0 >= c[0] - 0.5 && x0 <= c[1] + 0.5));
      parts.push({
        kind: 'rows',
        top: lines[i]![0]!.y - _size(lines[i]!),
        rows: run.map((row) => row.map((p) => ({ text: p.text, col: col(p.x0), span: 1 }))),
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
