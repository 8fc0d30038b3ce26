// Reading a grid from text, whatever became of its table: the template knows each grid's row
// labels in order and each row's columns, so the official labels are walked in order through the
// text (spaces, line breaks, full/half width and near-miss wording ignored) and the numbers
// between one label and the next are that row's cells, in the template's column order.
import { cellId, type BlockSpec, type CellId, type CellKind, type GridSpec, type RowNode, type Template } from '../core';
import { compact, findLabel, type Compact, type Found } from './find-label';
import { normalizeLabel } from './match-labels';
import { spillRows, type SpillGroup } from './spill-rows';
import { splits, tokenize, type Printed } from './split-run';

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
    const f = findLabel(c.text, labels, at, c.text.length, pieces);
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
      f = findLabel(c.text, spec.labels, cursor, c.text.length);
      const digit = f ? c.text.slice(f.end).search(/\d/) : -1;
      if (f && !(digit >= 0 && (hasHeader(spec.block, f.start, f.end + digit) || _brokenHeader(text, c, spec.block, f, digit)))) f = null;
    } else if (!spec.row) f = findLabel(c.text, spec.labels, cursor, c.text.length);
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
    // The block's own column header printed again between a label and its numbers (a table cut by
    // a page break, its header repeated on the next page): not words in place of the numbers.
    const header = normalizeLabel(_leaves(a.block).map((l) => l.label).join(''));
    const at = a.found.resume ?? a.found.end;
    if (!a.header && a.leaf && c.text.startsWith(header, at) && at + header.length < c.text.length) {
      from = Math.max(from, c.at[at + header.length - 1]! + 1);
      a.found.end = a.found.resume ?? a.found.end;
      a.found.resume = at + header.length;
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
