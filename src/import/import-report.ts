// A published report (read by read-docx or read-text) → a nianbao report and notes. Everything
// official comes from the template: section and part headings, grid row and column labels,
// block titles, the title pattern and the fee sentence. Tables are found by their labels, not
// by position. Every value is either certain or named in a note; nothing is silently made 0.
import {
  REPORT_FORMAT,
  REPORT_FORMAT_VERSION,
  cellId,
  fillMessage,
  normaliseCellText,
  parseCellInput,
  type BlockSpec,
  type CellId,
  type ColumnNode,
  type GridSpec,
  type Report,
  type RowNode,
  type Template,
  type ValueCell,
  defaultReportYear,
} from '../core';
import { NUMBERING, matchLabel, normalizeLabel, similarity, type LabelCandidate } from './match-labels';
import { defaultHints, type FormatHint, type ImportHints } from './hints';
import type { SourceCell, SourceDoc } from './source';

export type NoteLevel = 'error' | 'warning' | 'info';

/** One thing the user should know about an import: what could not be read, what was guessed. */
export interface ImportNote {
  level: NoteLevel;
  /** Where, in Chinese: section · row · column, or a text slot. */
  place: string;
  message: string;
  /** Cells the note is about (their values are uncertain or missing). */
  cells?: CellId[];
}

export interface ImportResult {
  report: Report;
  notes: ImportNote[];
  /** The layout the source seems to use, by its distinguishing labels. */
  format: { id: string; name: string; hits: number } | null;
  /** Cells that received a number. */
  valuesRead: number;
  /** Cells named by a note (uncertain, blank or not found). */
  flagged: CellId[];
  /** False when nothing of a report was recognised (no title, no section, no table value). */
  recognised: boolean;
}

export interface ImportOptions {
  hints?: ImportHints;
  /** Year to assume when the source names none (default: last calendar year). */
  fallbackYear?: number;
}

// ---- the template as label candidates -------------------------------------------------------

interface RowInfo {
  grid: GridSpec;
  block: BlockSpec;
  node: RowNode;
  leaf: boolean;
}
interface ColInfo {
  grid: GridSpec;
  block: BlockSpec;
  node: ColumnNode;
  leaf: boolean;
  ancestors: string[];
}

function _leaves<N extends { children?: N[] }>(nodes: N[]): N[] {
  return nodes.flatMap((n) => (n.children ? _leaves(n.children) : [n]));
}

interface Index {
  rows: LabelCandidate<RowInfo>[];
  columns: Map<string, LabelCandidate<ColInfo>[]>;
  titles: LabelCandidate<{ grid: GridSpec; block: BlockSpec }>[];
  corners: LabelCandidate<GridSpec>[];
}

const indexes = new WeakMap<Template, Index>();
function _index(template: Template): Index {
  const known = indexes.get(template);
  if (known) return known;
  const rows: LabelCandidate<RowInfo>[] = [];
  const columns = new Map<string, LabelCandidate<ColInfo>[]>();
  const titles: LabelCandidate<{ grid: GridSpec; block: BlockSpec }>[] = [];
  const corners: LabelCandidate<GridSpec>[] = [];
  for (const grid of template.spec.grids) {
    const cols: LabelCandidate<ColInfo>[] = [];
    for (const block of grid.blocks) {
      if (block.title) titles.push({ label: block.title, value: { grid, block } });
      if (block.corner) corners.push({ label: block.corner, value: grid });
      const walkRows = (nodes: RowNode[]) => {
        for (const node of nodes) {
          const info = { grid, block, node, leaf: !node.children };
          if (node.label) rows.push({ label: node.label, value: info });
          if (node.short && node.short !== node.label && node.label && !/^[一二三四五六七八九十]+$/.test(node.short)) rows.push({ label: node.short, value: info });
          if (node.children) walkRows(node.children);
        }
      };
      walkRows(block.rows);
      const walkCols = (nodes: ColumnNode[], ancestors: string[]) => {
        for (const node of nodes) {
          cols.push({ label: node.label, value: { grid, block, node, leaf: !node.children, ancestors } });
          if (node.children) walkCols(node.children, [...ancestors, node.id]);
        }
      };
      walkCols(block.columns, []);
    }
    columns.set(grid.id, cols);
  }
  const index = { rows, columns, titles, corners };
  indexes.set(template, index);
  return index;
}

// ---- small helpers ----------------------------------------------------------------------------

const DASH = /^[/／\\—–\-－_]+$|^无$/;
const NUMERIC = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
type CellClass = 'empty' | 'dash' | 'number' | 'label';
function _class(cell: SourceCell): CellClass {
  if (cell.covered) return 'empty';
  const s = normaliseCellText(cell.text);
  if (s === '') return 'empty';
  if (DASH.test(s)) return 'dash';
  if (NUMERIC.test(s)) return 'number';
  return 'label';
}

const _match = matchLabel;

/** All candidates at the best distance (labels such as 结果维持 repeat in a grid). */
function _matchAll<T>(printed: string, candidates: readonly LabelCandidate<T>[]): { value: T; exact: boolean; label: string }[] {
  const p = normalizeLabel(printed);
  if (!p) return [];
  const exact = candidates.filter((c) => normalizeLabel(c.label) === p);
  if (exact.length) return exact.map((c) => ({ value: c.value, exact: true, label: c.label }));
  const m = _match(printed, candidates);
  return m ? [{ value: m.value, exact: false, label: m.label }] : [];
}

const _stripMarkup = (s: string) => s.replace(/\*\*/g, '');

// ---- the importer ---------------------------------------------------------------------------

interface HeaderMap {
  grid: GridSpec;
  /** Leaf column id → printed position and how it was recognised. */
  found: Map<string, { pos: number; span: number; exact: boolean; printed: string; label: string }>;
  parents: Map<string, number>;
  unknown: { pos: number; text: string }[];
  open: boolean;
}

class Importer {
  readonly notes: ImportNote[] = [];
  readonly values: Record<CellId, number | null> = {};
  readonly printed: Record<CellId, number | null> = {};
  readonly seenRows = new Set<string>();
  readonly seenGrids = new Set<string>();
  readonly index: Index;
  header: HeaderMap | null = null;
  context: GridSpec | null = null;
  valuesRead = 0;

  constructor(
    readonly template: Template,
    readonly source: SourceDoc,
    readonly ignoreGrids: boolean,
  ) {
    this.index = _index(template);
  }

  note(level: NoteLevel, place: string, message: string, cells?: CellId[]): void {
    this.notes.push(cells && cells.length ? { level, place, message, cells } : { level, place, message });
  }

  section(gridId: string): string {
    return this.template.sectionOf(gridId)?.label ?? gridId;
  }

  cell(grid: string, row: string, column: string): ValueCell | undefined {
    return this.template.cells.get(cellId(grid, row, column));
  }

  // -- tables --

  table(rows: SourceCell[][]): void {
    this.header = null;
    for (const row of rows) this.row(row);
  }

  row(cells: SourceCell[]): void {
    const classes = cells.map(_class);
    const labels = cells.filter((_, i) => classes[i] === 'label');
    const hasValues = classes.some((c) => c === 'number' || c === 'dash');
    if (!labels.length && !hasValues) return;

    // A block title row of the template sets the grid; titles must match exactly.
    if (labels.length === 1 && !hasValues) {
      const t = this.index.titles.find((c) => normalizeLabel(c.label) === normalizeLabel(labels[0]!.text));
      if (t) {
        this.context = t.value.grid;
        this.header = null;
        return;
      }
    }
    if (!hasValues && this.headerRow(cells, labels)) return;
    if (this.ignoreGrids) return;

    const lastLabel = labels.length ? cells.indexOf(labels[labels.length - 1]!) : -1;
    let after = cells.slice(lastLabel + 1).filter((c) => !c.covered);
    if (!labels.length) {
      const grid = this.header?.grid ?? this.context;
      const block = grid?.blocks.find((b) => b.rows.length === 1 && !b.rows[0]!.label && !b.rows[0]!.children);
      if (grid && block) return this.values_(grid, block, block.rows[0]!, after, cells);
      this.note('warning', '表格', `有一行数字不属于任何已识别的表格，未导入：${cells.map((c) => c.text).filter(Boolean).join(' ')}`);
      return;
    }

    // Row label: the most specific match among the label cells and adjacent pairs of them.
    const tries: { text: string; at: number }[] = labels.map((c, i) => ({ text: c.text, at: i }));
    for (let i = 0; i + 1 < labels.length; i++) tries.push({ text: labels[i]!.text + labels[i + 1]!.text, at: i + 1 });
    let best: { info: RowInfo; exact: boolean; at: number; printed: string; label: string } | undefined;
    for (const t of tries) {
      const m = _match(t.text, this.index.rows);
      if (!m) continue;
      const cand = { info: m.value, exact: m.exact, at: t.at, printed: t.text, label: m.label };
      const score = (c: typeof cand) => (c.info.leaf ? 4 : 0) + (c.exact ? 2 : 0) + c.at / 1000;
      if (!best || score(cand) > score(best)) best = cand;
    }
    const printedLabel = labels.map((l) => l.text).join(' ');
    if (!best) {
      if (hasValues) this.note('warning', '表格', `未识别的行“${printedLabel}”，其中的数字未导入：${after.map((c) => c.text || '（空）').join(' ')}`);
      return;
    }
    const { info } = best;
    // Values are what follows the matched label (a wordy value such as "三件" is a value, refused later).
    after = cells.slice(cells.indexOf(labels[best.at]!) + 1).filter((c) => !c.covered);
    this.context = info.grid;
    if (this.header) this.header.open = false;
    const place = `${this.section(info.grid.id)} · ${best.label}`;
    if (!best.exact) {
      this.note('warning', place, `行名“${best.printed.trim()}”与模板的“${best.label}”相近，按该行读取`, this.rowCells(info.grid, info.block, info.node));
    }
    if (info.leaf) return this.values_(info.grid, info.block, info.node, after, cells);
    // A parent label with values: the 2019 layout printed a parent group (其他处理) as one row.
    const children = info.node.children ?? [];
    if (!hasValues || children.some((c) => c.children)) {
      if (hasValues) this.note('warning', place, `“${printedLabel}”是分组标题，却带有数字，未导入`);
      return;
    }
    const target = children[children.length - 1]!;
    const cells3 = children.flatMap((c) => this.rowCells(info.grid, info.block, c));
    this.note(
      'warning', place,
      `来源把“${best.label}”印成一行（2019年格式）；其数字按推测填入“${target.label ?? target.id}”，` +
        `${children.slice(0, -1).map((c) => `“${c.label}”`).join('、')}留空，请核对`,
      cells3,
    );
    for (const c of children.slice(0, -1)) this.seenRows.add(`${info.grid.id}:${c.id}`);
    this.values_(info.grid, info.block, target, after, cells, true);
  }

  rowCells(grid: GridSpec, block: BlockSpec, row: RowNode): CellId[] {
    return _leaves(block.columns).map((c) => cellId(grid.id, row.id, c.id));
  }

  /** A header row: column labels (or the corner) of a grid. Returns false when it is not one. */
  headerRow(cells: SourceCell[], labels: SourceCell[]): boolean {
    let bestGrid: GridSpec | null = null;
    let bestHits = 0;
    for (const grid of this.template.spec.grids) {
      const cols = this.index.columns.get(grid.id) ?? [];
      let hits = 0;
      for (const l of labels) {
        if (_matchAll(l.text, cols).length) hits++;
        else if (this.index.corners.some((c) => c.value === grid && _match(l.text, [c]))) hits++;
      }
      if (hits > bestHits || (hits === bestHits && hits > 0 && grid === this.context)) {
        bestGrid = grid;
        bestHits = hits;
      }
    }
    if (!bestGrid) return false;
    if (!this.header || !this.header.open || this.header.grid !== bestGrid) {
      this.header = { grid: bestGrid, found: new Map(), parents: new Map(), unknown: [], open: true };
    }
    this.context = bestGrid;
    const header = this.header;
    const cols = this.index.columns.get(bestGrid.id) ?? [];
    for (const l of labels) {
      if (this.index.corners.some((c) => c.value === bestGrid && _match(l.text, [c]))) continue;
      const all = _matchAll(l.text, cols);
      if (!all.length) {
        header.unknown.push({ pos: l.col, text: l.text });
        continue;
      }
      // Repeated labels (结果维持 under 行政复议 and twice under 行政诉讼): the candidate whose
      // nearest recognised ancestor starts closest to the left of this cell.
      const rank = (c: ColInfo) => {
        let p = -1;
        for (const a of c.ancestors) {
          const at = header.parents.get(a);
          if (at !== undefined && at <= l.col) p = Math.max(p, at);
        }
        return p;
      };
      const pick = all
        .filter((c) => !(c.value.leaf && header.found.has(c.value.node.id)))
        .sort((a, b) => rank(b.value) - rank(a.value))[0];
      if (!pick) continue;
      const { node, leaf } = pick.value;
      if (leaf) header.found.set(node.id, { pos: l.col, span: l.span, exact: pick.exact, printed: l.text, label: pick.label });
      else header.parents.set(node.id, l.col);
    }
    return true;
  }

  /** Assign the values of one data row. */
  values_(grid: GridSpec, block: BlockSpec, row: RowNode, after: SourceCell[], all: SourceCell[], guessed = false): void {
    const key = `${grid.id}:${row.id}`;
    const rowLabel = row.label ?? '';
    const place = rowLabel ? `${this.section(grid.id)} · ${rowLabel}` : this.section(grid.id);
    if (this.seenRows.has(key)) {
      this.note('warning', place, `此行出现了两次，第二次的数字未导入：${after.map((c) => c.text || '（空）').join(' ')}`);
      return;
    }
    this.seenRows.add(key);
    this.seenGrids.add(grid.id);
    const leaves = _leaves(block.columns);
    const n = leaves.length;
    const filled = after.filter((c) => _class(c) !== 'empty');
    const header = this.header && this.header.grid === grid ? this.header : null;
    const headerComplete = !!header && leaves.every((c) => header.found.has(c.id)) && header.unknown.length === 0;
    const assigned = new Map<string, SourceCell | null>();
    let how: 'order' | 'position';

    if (this.source.exactColumns && after.length === n && (!header || headerComplete)) {
      leaves.forEach((c, i) => assigned.set(c.id, after[i]!));
      how = 'order';
    } else if (filled.length === n && (!header || headerComplete)) {
      leaves.forEach((c, i) => assigned.set(c.id, filled[i]!));
      how = 'order';
    } else if (header && leaves.some((c) => header.found.has(c.id))) {
      how = 'position';
      const used = new Set<SourceCell>();
      for (const c of leaves) {
        const h = header.found.get(c.id);
        if (!h) continue;
        const hit = all.find((x) => !x.covered && x.col < h.pos + h.span && x.col + x.span > h.pos && _class(x) !== 'label');
        assigned.set(c.id, hit ?? null);
        if (hit) used.add(hit);
      }
      const unknownCols = leaves.filter((c) => !header.found.has(c.id));
      if (unknownCols.length) {
        this.note('warning', place, `来源表格没有“${unknownCols.map((c) => c.label).join('、')}”栏，这些单元格留空`, unknownCols.map((c) => cellId(grid.id, row.id, c.id)));
      }
      for (const c of leaves) {
        const h = header.found.get(c.id);
        if (h && !h.exact) this.note('warning', place, `栏目“${h.printed}”与模板的“${h.label}”相近，按该栏读取`, [cellId(grid.id, row.id, c.id)]);
      }
      const left = filled.filter((c) => !used.has(c));
      if (left.length && !this.source.exactColumns && !header.unknown.length) {
        // Pasted text whose numbers do not sit under the header: any placement would be a guess.
        this.note('error', place, `读到 ${filled.length} 个数字，模板此行有 ${n} 栏，且数字与表头的列位置对不上，此行未导入：${filled.map((c) => c.text).join(' ')}`, this.rowCells(grid, block, row));
        for (const c of leaves) this.put(cellId(grid.id, row.id, c.id), null);
        return;
      }
      if (left.length) {
        const names = left.map((c) => {
          const u = header.unknown.find((x) => x.pos === c.col);
          return u ? `${c.text}（栏目“${u.text}”不在模板中）` : c.text;
        });
        this.note('warning', place, `有数字对不上模板的栏目，未导入：${names.join('，')}`);
      }
    } else if (header && header.unknown.length) {
      this.note('warning', place, `来源表格的栏目（${header.unknown.map((u) => u.text).join('、')}）与模板的（${leaves.map((c) => c.label).join('、')}）不同，此行数字未导入：${filled.map((c) => c.text).join(' ')}`, this.rowCells(grid, block, row));
      for (const c of leaves) this.put(cellId(grid.id, row.id, c.id), null);
      return;
    } else {
      this.note('error', place, `读到 ${filled.length} 个数字，模板此行有 ${n} 栏，又找不到表头来对齐，此行未导入：${filled.map((c) => c.text).join(' ')}`, this.rowCells(grid, block, row));
      for (const c of leaves) this.put(cellId(grid.id, row.id, c.id), null);
      return;
    }
    if (how === 'position' && !this.source.exactColumns && !header?.unknown.length) {
      const ids = [...assigned.keys()].map((c) => cellId(grid.id, row.id, c));
      this.note('warning', place, `数字个数（${filled.length}）与栏目数（${n}）不符，已按表头的列位置对齐读取，请核对`, ids);
    }
    if (!header && how === 'order' && !guessed) {
      this.note('info', place, '未找到此表的表头，按模板栏目的顺序读取');
    }
    const blanks: ValueCell[] = [];
    const dashes: { cell: ValueCell; text: string }[] = [];
    for (const c of leaves) {
      const id = cellId(grid.id, row.id, c.id);
      const vc = this.template.cells.get(id)!;
      const src = assigned.get(c.id);
      if (!src || _class(src) === 'empty') {
        if (!assigned.has(c.id)) continue; // already noted as a missing column
        blanks.push(vc);
        this.put(id, null);
        continue;
      }
      if (_class(src) === 'dash') {
        dashes.push({ cell: vc, text: src.text.trim() });
        this.put(id, null);
        continue;
      }
      const parsed = parseCellInput(src.text, vc.kind);
      if (!parsed.ok) {
        this.note('error', `${place} · ${vc.columnName}`, `无法读作数字：${parsed.reason}；按空白导入`, [id]);
        this.put(id, null);
        continue;
      }
      this.put(id, parsed.value);
      if (parsed.value !== null) this.valuesRead++;
    }
    if (blanks.length) {
      this.note('warning', place, `${blanks.map((b) => b.columnName).join('、')}：来源为空白，按空白导入（未当作 0）`, blanks.map((b) => b.id));
    }
    if (dashes.length) {
      this.note('warning', place, `${dashes.map((d) => `${d.cell.columnName}“${d.text}”`).join('、')}：按空白导入（未当作 0；没有发生的请填 0）`, dashes.map((d) => d.cell.id));
    }
  }

  put(id: CellId, value: number | null): void {
    const cell = this.template.cells.get(id);
    if (!cell) return;
    if (cell.computed) this.printed[id] = value;
    else this.values[id] = value;
  }
}

// ---- narrative ------------------------------------------------------------------------------

interface Heading {
  slot: string;
  numbering: string;
  core: string;
  level: 1 | 2;
  section: string;
}

function _headings(template: Template): Heading[] {
  const out: Heading[] = [];
  const split = (label: string) => {
    const n = normalizeLabel(label);
    const num = NUMBERING.exec(n)?.[1] ?? '';
    return { numbering: num, core: n.slice(num.length) };
  };
  for (const s of template.spec.sections) {
    out.push({ slot: s.id, ...split(s.label), level: 1, section: s.id });
    for (const p of s.parts ?? []) out.push({ slot: `${s.id}.${p.id}`, ...split(p.label), level: 2, section: s.id });
  }
  return out;
}

/** Does a paragraph (or its first sentence) name this heading? Returns the rest of the paragraph. */
function _isHeading(text: string, h: Heading): { rest: string; exact: boolean } | null {
  const first = /^(.{2,60}?)[。：:]\s*(.*)$/s.exec(text);
  const options = [{ head: text, rest: '' }];
  if (first) options.push({ head: first[1]!, rest: first[2]! });
  for (const o of options) {
    const n = normalizeLabel(o.head);
    if (n.length > h.numbering.length + h.core.length + 12) continue;
    const num = NUMBERING.exec(n)?.[1] ?? '';
    if (num !== h.numbering) continue;
    const core = n.slice(num.length);
    if (!core) continue;
    if (core === h.core) return { rest: o.rest, exact: true };
    if (core.includes(h.core) || h.core.includes(core) || similarity(core, h.core) >= 0.5) return { rest: o.rest, exact: false };
  }
  return null;
}

function _titleRegex(template: Template): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = template.spec.title.split(/(\{organ\}|\{year\})/);
  const body = parts
    .map((p) => (p === '{organ}' ? '(?<organ>[^，。,；;：:“”《》]{2,40}?)' : p === '{year}' ? '(?<year>\\d{4})' : esc(normalizeLabel(p))))
    .join('');
  return new RegExp(`^${body}$`);
}

function _prefaceRegex(template: Template): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const seen = new Set<string>();
  const body = template.spec.preface.default.split(/(\{[a-zA-Z]+\})/).map((p) => {
    const m = /^\{([a-zA-Z]+)\}$/.exec(p);
    if (!m) return esc(p);
    if (seen.has(m[1]!)) return `\\k<${m[1]}>`;
    seen.add(m[1]!);
    return `(?<${m[1]}>[^\\n]*?)`;
  });
  return new RegExp(`^${body.join('')}$`);
}

const DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

function _feeRegex(sentence: string): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const n = normalizeLabel(sentence);
  const first = n.search(/\{[a-zA-Z]+\}/);
  const body = n.slice(Math.max(0, first)).split(/(\{[a-zA-Z]+\})/).map((p) => {
    if (p === '{year}') return '\\d{4}';
    const m = /^\{([a-zA-Z]+)\}$/.exec(p);
    return m ? `(?<${m[1]}>[\\d.,]+)` : esc(p);
  });
  // Start at the first fact after the year: the wording before it varies.
  return new RegExp(body.join('').replace(/^\\d\{4\}/, ''));
}

// ---- entry point ----------------------------------------------------------------------------

function _detectFormat(source: SourceDoc, hints: ImportHints): ImportResult['format'] {
  const all = normalizeLabel(
    source.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.map((c) => c.text).join('|')).join('|'))).join('|'),
  ).replace(/[\s\u3000]+/g, '');
  let best: { f: FormatHint; hits: number } | null = null;
  for (const f of hints.formats) {
    const hits = f.distinguishingLabels.filter((l) => all.includes(normalizeLabel(l))).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { f, hits };
  }
  return best ? { id: best.f.id, name: best.f.name, hits: best.hits } : null;
}

export function importSource(source: SourceDoc, template: Template, options: ImportOptions = {}): ImportResult {
  const hints = options.hints ?? defaultHints((id) => (id === template.id ? `${template.spec.name}（${template.spec.basis}）` : id));
  const format = _detectFormat(source, hints);
  const formatHint = format ? hints.formats.find((f) => f.id === format.id) : undefined;
  const older = !!formatHint && !formatHint.template && (formatHint.years?.to ?? 9999) < 2019;
  const imp = new Importer(template, source, older);

  // Signature at the end: 发文机关署名 and 成文日期.
  const paragraphs = source.blocks.map((b, i) => ({ b, i })).filter((x) => x.b.kind === 'paragraph') as { b: { kind: 'paragraph'; text: string }; i: number }[];
  const consumed = new Set<number>();
  let written: string | null = null;
  let signedName = '';
  const lastP = paragraphs[paragraphs.length - 1];
  const dm = lastP ? DATE.exec(normalizeLabel(lastP.b.text)) : null;
  if (lastP && dm) {
    const [y, mo, d] = [Number(dm[1]), Number(dm[2]), Number(dm[3])];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) written = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    consumed.add(lastP.i);
    const before = paragraphs[paragraphs.length - 2];
    if (before && before.b.text.length <= 40 && !/[。，,；;：:]/.test(before.b.text) && hints.organs.some((o) => normalizeLabel(before.b.text).endsWith(o.endsWith))) {
      signedName = normalizeLabel(before.b.text);
      consumed.add(before.i);
    }
  } else if (lastP && lastP.b.text.length <= 40 && !/[。，,；;：:]/.test(lastP.b.text) && hints.organs.some((o) => normalizeLabel(lastP.b.text).endsWith(o.endsWith) && o.append === '')) {
    signedName = normalizeLabel(lastP.b.text);
    consumed.add(lastP.i);
  }

  // Title, narrative and tables in reading order.
  const titleRe = _titleRegex(template);
  const headings = _headings(template);
  const narrative: Record<string, string[]> = {};
  let slot = 'preface';
  let section: string | null = null;
  let title: { organ: string; year: number } | null = null;
  const before: string[] = [];
  const seenSlots = new Set<string>();
  let sawSection = false;
  for (let i = 0; i < source.blocks.length; i++) {
    const block = source.blocks[i]!;
    if (block.kind === 'table') {
      imp.table(block.rows);
      continue;
    }
    if (consumed.has(i)) continue;
    const text = _stripMarkup(block.text).trim();
    if (!title && !sawSection) {
      // The title may be one paragraph or broken over two.
      const next = source.blocks[i + 1];
      const joined = next?.kind === 'paragraph' ? text + _stripMarkup(next.text) : null;
      const m = titleRe.exec(normalizeLabel(text)) ?? (joined ? titleRe.exec(normalizeLabel(joined)) : null);
      if (m?.groups) {
        if (!titleRe.test(normalizeLabel(text))) i++;
        title = { organ: m.groups.organ!, year: Number(m.groups.year) };
        // Lines above the title (文号 etc.) are not part of the report body.
        for (const b of before) imp.note('info', '标题之前', `标题前的文字未导入：“${b}”`);
        before.length = 0;
        continue;
      }
    }
    let heading: { h: Heading; rest: string; exact: boolean } | null = null;
    for (const h of headings) {
      if (seenSlots.has(h.slot)) continue;
      if (h.level === 2 && h.section !== section) continue;
      const r = _isHeading(text, h);
      if (r) {
        heading = { h, ...r };
        break;
      }
    }
    if (heading) {
      const { h } = heading;
      seenSlots.add(h.slot);
      slot = h.slot;
      if (h.level === 1) {
        section = h.section;
        sawSection = true;
      }
      if (!heading.exact) {
        const label = template.texts.find((t) => t.id === h.slot)?.label ?? h.slot;
        imp.note('info', label, `标题“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”按模板的“${label}”读取`);
      }
      if (heading.rest.trim()) (narrative[slot] ??= []).push(heading.rest.trim());
      continue;
    }
    if (!title && !sawSection) before.push(text);
    (narrative[slot] ??= []).push(text);
  }
  if (!title && before.length) {
    // No title found: whatever preceded 一 stays in the preface; say so.
    imp.note('warning', '标题', `未找到“${fillMessage(template.spec.title, { organ: '（机关名称）', year: '（年度）' })}”形式的标题；机关名称和年度请核对`);
  }

  // Year: the title's, else the statistics period in the text, else a fallback.
  const fallbackYear = options.fallbackYear ?? defaultReportYear(new Date());
  let year = title?.year ?? NaN;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    const all = Object.values(narrative).flat().join('\n');
    const y = /(20\d{2})年1月1日/.exec(all) ?? /(20\d{2})年/.exec(all);
    year = y ? Number(y[1]) : fallbackYear;
    imp.note('warning', '年度', y ? `标题中没有年度，按正文中的“${y[0]}”取 ${year} 年，请核对` : `没有找到年度，暂定为 ${year} 年，请核对`);
  }

  // Organ: signature, else the title's name with the usual ending added.
  const titleName = title?.organ ?? '';
  let name = signedName;
  const hintFor = (s: string) => hints.organs.find((o) => s.endsWith(o.endsWith));
  if (!name && titleName) {
    const h = hintFor(titleName);
    name = h ? titleName + h.append : titleName;
    if (h && h.append) {
      const body = Object.values(narrative).flat().join('');
      imp.note(body.includes(name) ? 'info' : 'warning', '发文机关署名', `来源没有署名，机关名称按标题推断为“${name}”${body.includes(name) ? '（正文中也出现过）' : '，请核对'}`);
    } else if (!h) imp.note('warning', '发文机关署名', `来源没有署名，机关名称暂用标题中的“${titleName}”，请核对`);
  }
  if (!name) imp.note('warning', '发文机关署名', '没有找到机关名称，请填写');
  const levelHint = hintFor(name) ?? hintFor(titleName);
  const level = levelHint && template.spec.organLevels.some((l) => l.id === levelHint.level) ? levelHint.level : null;
  if (!level && name) imp.note('warning', '机关层级', '无法从机关名称判断机关层级，请选择');
  if (!written) imp.note('info', '成文日期', '来源没有成文日期，未填写');

  // Narrative slots; remove the standard fee sentence nianbao itself appends (round trip).
  const report: Report = {
    format: REPORT_FORMAT,
    formatVersion: REPORT_FORMAT_VERSION,
    template: template.id,
    organ: titleName && titleName !== name ? { name, titleName, level } : { name, level },
    year,
    dates: { written, deadline: null },
    contact: { office: '', phone: '', email: '', website: '' },
    narrative: {},
    values: {},
    fee: { status: null, notices: null, amount: null, collectedAmount: null },
  };
  for (const t of template.texts) {
    const lines = narrative[t.id];
    if (lines?.length) report.narrative[t.id] = lines.join('\n');
  }
  // A preface in the template's own words (what nianbao prints when none is written): its
  // contact facts go back to `contact` and the preface stays unwritten.
  const preface = report.narrative.preface;
  const pm = preface ? _prefaceRegex(template).exec(preface) : null;
  if (pm?.groups && Number(pm.groups.year) === year) {
    const fact = (v: string | undefined) => (!v || /^（.*）$/.test(v) ? '' : v);
    report.contact = { office: fact(pm.groups.office), phone: fact(pm.groups.phone), email: fact(pm.groups.email), website: fact(pm.groups.website) };
    delete report.narrative.preface;
    imp.note('info', template.spec.preface.label, '前言是模板的标准写法，其中的联系单位、电话、电子邮箱和网址已读入联系方式');
  }

  // 信息处理费 from 六 (or from anywhere when 六 was not found).
  const feeSection = template.spec.sections.find((s) => s.fee);
  const feeText = normalizeLabel((feeSection && report.narrative[feeSection.id]) || Object.values(report.narrative).join('\n'));
  const collected = _feeRegex(template.spec.fee.sentences.collected).exec(feeText);
  const num = (s: string | undefined) => (s === undefined ? null : Number(s.replace(/,/g, '')));
  if (collected?.groups) {
    report.fee = { status: 'collected', notices: num(collected.groups.notices), amount: num(collected.groups.amount), collectedAmount: num(collected.groups.collectedAmount) };
  } else if (hints.feeNone.some((p) => feeText.includes(normalizeLabel(p)))) {
    report.fee.status = 'none';
  } else {
    imp.note('warning', feeSection?.label ?? template.spec.fee.label, `未能读出${template.spec.fee.label}的收取情况，请填写`);
  }
  if (feeSection) {
    const std = fillMessage(report.fee.status === 'none' ? template.spec.fee.sentences.none : template.spec.fee.sentences.collected, {
      year, notices: report.fee.notices ?? '', amount: report.fee.amount ?? '', collectedAmount: report.fee.collectedAmount ?? '',
    });
    const text = report.narrative[feeSection.id];
    if (text && report.fee.status && (text === std || text.endsWith(`\n${std}`))) {
      const rest = text.slice(0, text.length - std.length).replace(/\n$/, '');
      if (rest) report.narrative[feeSection.id] = rest;
      else delete report.narrative[feeSection.id];
    }
  }

  // Values: every input cell present (null = blank); printed totals only for rows the source had.
  for (const c of template.inputCells) report.values[c.id] = imp.values[c.id] ?? null;
  const printed: Record<CellId, number | null> = {};
  for (const [id, cell] of template.cells) {
    if (!cell.computed) continue;
    if (id in imp.printed) printed[id] = imp.printed[id]!;
    else if (imp.seenRows.has(`${cell.grid}:${cell.row}`)) printed[id] = null;
  }
  if (Object.keys(printed).length) report.printed = printed;

  // Rows and grids that were not found.
  if (older) {
    imp.note('warning', '表格', `来源使用${formatHint!.name}，其统计表与${template.spec.name}不同，表格数字未导入，请按新格式填写`, template.inputCells.map((c) => c.id));
    imp.note('warning', '文字部分', '来源的章节与模板不同：标题相近的章节已归入对应部分，其余文字留在前一部分，请逐段核对');
  } else {
    for (const grid of template.grids) {
      if (!imp.seenGrids.has(grid.id)) {
        imp.note('warning', imp.section(grid.id), '来源中没有找到此表格，数字全部留空', grid.cells.filter((c) => !c.computed).map((c) => c.id));
        continue;
      }
      const missing = grid.rowIds.filter((r) => !imp.seenRows.has(`${grid.id}:${r}`));
      for (const r of missing) {
        const cells = grid.cells.filter((c) => c.row === r);
        imp.note('warning', `${imp.section(grid.id)} · ${cells[0]?.rowName ?? r}`, '来源中没有找到此行，按空白导入', cells.filter((c) => !c.computed).map((c) => c.id));
      }
    }
  }
  if (format && formatHint && formatHint.template !== template.id) {
    imp.note('warning', '格式', `来源看来使用${format.name}（找到 ${format.hits} 个该格式特有的栏目名），已尽量按${template.spec.name}读取，请逐项核对`);
  } else if (format) {
    imp.note('info', '格式', `来源使用${format.name}`);
  } else {
    imp.note('warning', '格式', '没有找到能判断表格格式的栏目名');
  }

  const flagged = [...new Set(imp.notes.flatMap((n) => n.cells ?? []))];
  const recognised = !!title || seenSlots.size > 0 || imp.valuesRead > 0;
  return { report, notes: imp.notes, format, valuesRead: imp.valuesRead, flagged, recognised };
}

