// Reading a grid from text, whatever became of its table: the template knows each grid's row
// labels in order and each row's columns, so the official labels are walked in order through the
// text (spaces, line breaks, full/half width and near-miss wording ignored) and the numbers
// between one label and the next are that row's cells, in the template's column order.
import { cellId, type BlockSpec, type CellId, type CellKind, type GridSpec, type RowNode, type Template } from '../core';
import { editDistance, normalizeLabel, tolerance } from './match-labels';
import { spillRows, type SpillGroup } from './spill-rows';
import { splits, tokenize, type Printed } from './split-run';

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

interface Found {
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
function _find(c: string, labels: string[], from: number, to: number, pieces: string[] = []): Found | null {
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

const VALUE_CHAR = /[0-9０-９.．,，\-−+/／—–－_\s\u3000|｜元万件条个项]/;

/** The numbers printed from `start` on: up to the first character that cannot be part of them. */
function _valueText(text: string, start: number, end: number): string {
  let i = start;
  while (i < end && VALUE_CHAR.test(text[i]!)) i++;
  let s = text.slice(start, i);
  // "…00000002.其他": the run ends in the numbering of a next row whose label was not found.
  if (i < end && s.endsWith('.') && !/\d/.test(text[i]!)) s = s.slice(0, -1).replace(/\d$/, '');
  return s.replace(/[.,]$/, '');
}

export interface RowReading {
  grid: GridSpec;
  block: BlockSpec;
  row: RowNode;
  cells: CellId[];
  kinds: CellKind[];
  /** The label as printed (compact) and whether it is the official wording or a known variant. */
  printed: string;
  exact: boolean;
  alias: boolean;
  /** The text of the values as printed. */
  valueText: string;
  /** Possible readings: one when certain; [] when the text is not numbers of this row. */
  candidates: Printed[][];
  /** Candidates came from the separators alone (no split was chosen). */
  forced: boolean;
  /**
   * The digits run together (one token, or only tokens no number can be, "00"): every cut of them
   * is a reading. Numbers set apart that are fewer than the cells may have lost one instead, so
   * only the sums may then choose a cut.
   */
  runTogether?: boolean;
  /** Row printed as one line though the template divides it (a group of 2019 with sub-rows): not read. */
  parentRow?: boolean;
  /** Words standing after the label where its numbers should be: the row is not read. */
  stray?: string;
  /** Placed with other rows from one run of numbers printed after one label (spill-rows.ts). */
  spill?: SpillGroup;
}

const _leaves = (b: BlockSpec) => {
  const out: { id: string; label: string }[] = [];
  const walk = (ns: BlockSpec['columns']) => ns.forEach((n) => (n.children ? walk(n.children) : out.push(n)));
  walk(b.columns);
  return out;
};

/** Printed variants of a row label: the official label, its short form, the aliases from the hints. */
function _variants(node: RowNode, aliases: Record<string, string[]>): string[] {
  const out = [normalizeLabel(node.label ?? '')];
  for (const a of aliases[node.label ?? ''] ?? []) out.push(normalizeLabel(a));
  return out.filter(Boolean);
}

/**
 * A row label: its first occurrence that reads as this row (numbers this row can hold, or no
 * numbers right before the next label); a sentence above the grid may name 规章 too. Without
 * any, the first occurrence, so what stands there is reported rather than silently skipped.
 */
function _rowLabel(c: Compact, labels: string[], from: number, reads: (f: Found) => boolean, pieces: string[]): Found | null {
  let first: Found | null = null;
  let prevEnd = -1;
  for (let at = from; ; ) {
    const f = _find(c.text, labels, at, c.text.length, pieces);
    if (!f) break;
    first ??= f;
    // A variant inside the label just found (a shorter printed wording inside the official one) is that label again.
    if (f.start >= prevEnd && reads(f)) return f;
    if (!(f.exact || f.alias)) break;
    prevEnd = Math.max(prevEnd, f.resume ?? f.end);
    at = f.start + 1;
  }
  return first;
}

/**
 * A header whose column labels a PDF tool broke into pieces ("结果 结果 / 维持 纠正"): taken when
 * every top-level column is named and exactly one number per cell follows, separated.
 */
function _brokenHeader(text: string, c: Compact, block: BlockSpec, f: Found, digit: number): boolean {
  const header = c.text.slice(f.start, f.end + digit);
  if (!block.columns.every((col) => header.includes(normalizeLabel(col.label)))) return false;
  const tokens = tokenize(_valueText(text, c.at[f.end + digit]!, text.length));
  return tokens?.length === _leaves(block).length;
}

/** A label with no numbers after it, ending its line (or the text). */
function _alone(text: string, c: Compact, f: Found): boolean {
  const after = c.at[(f.resume ?? f.end) - 1]! + 1;
  const rest = text.slice(after, after + 200);
  // The next line may open with the numbering of the next label ("1、申请人…"): not a number.
  return /^[ \t\u3000]*(\r?\n|$)/.test(rest) && (/^\s*\d{1,2}[、.．]\D/.test(rest) || !tokenize(_valueText(text, after, text.length))?.length);
}

/**
 * Walk one grid's labels through `text`. Rows not found are not in the result. Values of rows
 * found are candidates: the caller decides, with the sums, which reading is certain.
 */
export function walkGrid(
  text: string,
  template: Template,
  grid: GridSpec,
  options: { aliases?: Record<string, string[]>; requireHeader?: boolean } = {},
): RowReading[] {
  const aliases = options.aliases ?? {};
  const c = compact(text);
  const hasHeader = (block: BlockSpec, from: number, to: number) => {
    const part = c.text.slice(from, to);
    return _leaves(block).every((l) => part.includes(normalizeLabel(l.label)));
  };
  // What to look for, in the order the grid prints it: block titles, row labels, headers.
  const specs: { block: BlockSpec; row?: RowNode; labels: string[]; header?: boolean }[] = [];
  for (const block of grid.blocks) {
    // Another template's grid (its columns differ): only blocks whose own header is printed.
    if (options.requireHeader && !hasHeader(block, 0, c.text.length)) continue;
    if (block.title) specs.push({ block, labels: [normalizeLabel(block.title)] });
    if (block.rows.length === 1 && !block.rows[0]!.label && !block.rows[0]!.children) {
      specs.push({ block, row: block.rows[0]!, labels: [normalizeLabel(block.columns[0]!.label)], header: true });
      continue;
    }
    const walk = (nodes: RowNode[]) => {
      for (const row of nodes) {
        specs.push({ block, row, labels: _variants(row, aliases) });
        if (row.children) walk(row.children);
      }
    };
    walk(block.rows);
  }

  // Labels of the grid's group rows: their merged cells are what a PDF tool prints beside a wrapped label.
  const pieces = specs.filter((s) => s.row?.children).flatMap((s) => s.labels);
  const anchors: { found: Found; block: BlockSpec; row?: RowNode; leaf: boolean; header?: boolean }[] = [];
  let cursor = 0;
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i]!;
    let f: Found | null;
    if (spec.header) {
      // A row without a label (四's one row of cases): its numbers follow the column header,
      // which must be there in full: a lone 行政复议 in a sentence is not this grid.
      f = _find(c.text, spec.labels, cursor, c.text.length);
      const digit = f ? c.text.slice(f.end).search(/\d/) : -1;
      if (f && !(digit >= 0 && (hasHeader(spec.block, f.start, f.end + digit) || _brokenHeader(text, c, spec.block, f, digit)))) f = null;
    } else if (!spec.row) f = _find(c.text, spec.labels, cursor, c.text.length);
    else {
      const kinds = _leaves(spec.block).map((l) => template.cells.get(cellId(grid.id, spec.row!.id, l.id))?.kind ?? 'count');
      const next = specs.slice(i + 1, i + 3).flatMap((n) => n.labels);
      f = _rowLabel(c, spec.labels, cursor, (found) => {
        if (spec.row!.children) return true;
        const tokens = tokenize(_valueText(text, c.at[found.end - 1]! + 1, text.length));
        if (tokens === null) return false;
        if (tokens.length) return (splits(tokens, kinds, 1)?.length ?? 1) > 0;
        return !next.length || next.some((l) => c.text.startsWith(l, found.end)) || found.end === c.text.length;
      }, pieces);
    }
    if (!f) continue;
    anchors.push({ found: f, block: spec.block, row: spec.row, leaf: !!spec.row && !spec.row.children, header: spec.header });
    // A group label (the label of a merged group cell) may stand anywhere beside its rows, as a merged cell does in
    // text from a PDF: it does not move the search on. Nor does a row label alone on its line without
    // numbers: a PDF tool sets wrapped labels apart, after rows that still follow in the text.
    if (!spec.row?.children && !(spec.row && _alone(text, c, f))) cursor = f.resume ?? f.end;
  }
  anchors.sort((a, b) => a.found.start - b.found.start);

  const out: RowReading[] = [];
  for (let k = 0; k < anchors.length; k++) {
    const a = anchors[k]!;
    if (!a.row) continue;
    const nextStart = k + 1 < anchors.length ? c.at[anchors[k + 1]!.found.start]! : text.length;
    let from = c.at[a.found.end - 1]! + 1;
    if (a.header) {
      // Skip the rest of the header: the numbers start at the first digit.
      const m = /[0-9０-９]/.exec(text.slice(from, nextStart));
      if (!m) continue;
      from += m.index;
    }
    const valueText = _valueText(text, from, nextStart);
    const leaves = _leaves(a.block);
    const cells = leaves.map((l) => cellId(grid.id, a.row!.id, l.id));
    const kinds = cells.map((id) => template.cells.get(id)?.kind ?? 'count');
    const reading: RowReading = {
      grid, block: a.block, row: a.row, cells, kinds,
      printed: a.found.printed, exact: a.found.exact, alias: !!a.found.alias, valueText, candidates: [], forced: false,
    };
    const tokens = tokenize(valueText);
    if (!a.leaf) {
      // A parent label followed by numbers: the row printed as one (a group of 2019 with sub-rows).
      if (tokens?.length && a.row.children?.every((ch) => !ch.children)) {
        reading.parentRow = true;
        reading.cells = a.row.children.flatMap((ch) => leaves.map((l) => cellId(grid.id, ch.id, l.id)));
        out.push(reading);
      }
      continue;
    }
    if (tokens?.length === 0) {
      // No numbers: a printed blank row only when the next label follows at once; words in
      // between (a label broken over lines, a note) mean the numbers are elsewhere: not read.
      const end = a.found.resume ?? a.found.end;
      const next = k + 1 < anchors.length ? anchors[k + 1]!.found.start : c.text.length;
      const between = c.text.slice(end, next);
      // Labels on lines of their own one after another are a column of labels (text from a PDF
      // or a table copied cell by cell) whose numbers stand elsewhere, not blank rows.
      // Nothing after the grid's last label is no proof of a blank either.
      const stacked = next >= c.text.length || text.slice(c.at[end - 1]! + 1, c.at[next]!).includes('\n');
      if (stacked || (between.length > 0 && !/^[-—–/／]+$/.test(between))) {
        reading.stray = between.slice(0, 30);
        out.push(reading);
        continue;
      }
    }
    if (tokens) {
      const all = tokens.length === 0 ? [cells.map(() => null)] : splits(tokens, kinds);
      reading.candidates = all ?? [];
      // Numbers set apart yet fewer than the cells: the one way to cut them is certain only when the
      // digits run together throughout, or every longer token is one no number can be ("00"): a
      // number lost at a page break would otherwise leave a wrong cut ("0 0 54" for 0, 0, 5, 4).
      const apart = valueText.split(/[\s\u3000|｜,，]+/).filter(Boolean).length;
      reading.runTogether = apart <= 1 || tokens.every((t) => t.kind !== 'digits' || t.text.length === 1 || t.text.startsWith('0'));
      reading.forced = tokens.length === 0 || tokens.length === cells.length || (all?.length === 1 && reading.runTogether);
    }
    out.push(reading);
  }
  for (const block of grid.blocks) _distrustTornRows(out.filter((r) => r.block === block));
  return spillRows(out, template, grid.blocks);
}

/**
 * A table whose rows came apart in the text (a browser's PDF in a PDF tool's reading order): some
 * lines hold one number and others a few, but never a whole row ("29026 0" / "0" / "6"), so a line
 * may mix cells of neighbouring rows. Then no row is certain from its place in the text alone:
 * only the sums may confirm one.
 */
function _distrustTornRows(readings: RowReading[]): void {
  const n = readings[0]?.cells.length ?? 0;
  // Numbers set apart on each line (digits run together count as one: they hold no line's layout).
  const apart = (line: string) => line.split(/[\s\u3000|｜,，]+/).filter((p) => /\d/.test(p)).length;
  const perLine = readings.flatMap((r) => r.valueText.split(/\r?\n/).map(apart)).filter((k) => k > 0);
  if (n < 3 || !perLine.some((k) => k === 1) || !perLine.some((k) => k > 1 && k < n)) return;
  for (const r of readings) {
    r.forced = false;
    r.runTogether = false;
  }
}
