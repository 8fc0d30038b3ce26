// Reading the grids of a published report: tables are matched to the template's grids by their
// labels (block titles, header rows, row labels), values placed by the header's column positions,
// totals kept as printed; whatever is uncertain becomes a note. Nothing is silently made 0.
import { cellId, type BlockSpec, type CellId, type GridSpec, type RowNode, type Template, type ValueCell } from '../core';
import { cellClass, framedBy, leavesOf, matchAll, parseValue, templateIndex, type ColInfo, type Index, type RowInfo } from './grid-index';
import { matchLabel, normalizeLabel } from './match-labels';
import type { ImportNote, NoteLevel } from './notes';
import type { SourceCell, SourceDoc } from './source';

// ---- the importer ---------------------------------------------------------------------------

interface HeaderMap {
  grid: GridSpec;
  /** Leaf column id → printed position and how it was recognised. */
  found: Map<string, { pos: number; span: number; exact: boolean; printed: string; label: string }>;
  parents: Map<string, number>;
  unknown: { pos: number; text: string }[];
  open: boolean;
}

export class Importer {
  readonly notes: ImportNote[] = [];
  readonly values: Record<CellId, number | null> = {};
  readonly printed: Record<CellId, number | null> = {};
  readonly seenRows = new Set<string>();
  readonly seenGrids = new Set<string>();
  /** Printed labels that differ from the official ones (near misses), for `source.labels`. */
  readonly labels: { cell?: CellId; row?: string; printed: string; official: string }[] = [];
  /** Departures from the template's layout seen while reading (codes, see `source.quirks`). */
  readonly quirks = new Set<string>();
  /** Table rows judged not to be rows of the template: the text walk leaves them alone too. */
  readonly rejected = new Set<SourceCell[]>();
  /** Cells the source printed blank (empty or a dash): the publisher's blank, not the import's. */
  readonly blanks = new Set<CellId>();
  /** Grids whose header row the source printed (two or more of their column labels in one row). */
  readonly headed = new Set<string>();
  readonly index: Index;
  header: HeaderMap | null = null;
  context: GridSpec | null = null;
  valuesRead = 0;

  constructor(
    readonly template: Template,
    readonly source: SourceDoc,
    readonly ignoreGrids: boolean,
  ) {
    this.index = templateIndex(template);
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

  /** Whether the cell boundaries of the table being read are exact. */
  exact = false;

  table(rows: SourceCell[][], exactColumns?: boolean): void {
    this.exact = exactColumns ?? this.source.exactColumns;
    this.header = null;
    for (let i = 0; i < rows.length; i++) {
      const joined = this.exact ? null : this.wrapped(rows[i - 1], rows[i]!, rows[i + 1]);
      if (!joined) {
        this.row(rows[i]!);
        continue;
      }
      this.row(joined);
      i++;
    }
  }

  /**
   * A label a table without lines wraps over three rows, its numbers on the middle one beside
   * pieces of the merged group cells ("三、本无法提2.没有现成信息需要另行制" / "年度办 2 1 3 …" /
   * "供 作"): the middle row with the whole label, when the three rows' words are exactly that
   * label and pieces of group labels. The row above has already been read as a row without values.
   */
  wrapped(above: SourceCell[] | undefined, row: SourceCell[], below: SourceCell[] | undefined): SourceCell[] | null {
    if (!above || !below) return null;
    const classes = row.map(cellClass);
    if (!classes.some((c) => c === 'number')) return null;
    const words = (cells: SourceCell[]) => cells.map(cellClass).every((c) => c === 'label' || c === 'empty') ? cells.map((c) => c.text).join('') : null;
    const top = words(above);
    const bottom = words(below);
    const middle = row.filter((_, i) => classes[i] === 'label').map((c) => c.text).join('');
    if (top === null || bottom === null) return null;
    const groups = this.index.rows.filter((c) => !c.value.leaf).map((c) => normalizeLabel(c.label));
    const isPiece = (t: string) => groups.some((g) => g.includes(t));
    if (middle && !isPiece(normalizeLabel(middle))) return null;
    const text = normalizeLabel(top + middle + bottom);
    const leaf = this.index.rows
      .filter((c) => c.value.leaf && framedBy(text, normalizeLabel(c.label), isPiece))
      .sort((a, b) => b.label.length - a.label.length)[0];
    if (!leaf) return null;
    const first = row.findIndex((_, i) => classes[i] === 'number');
    return [{ text: leaf.label, col: 0, span: 1 }, ...row.slice(first)];
  }

  row(cells: SourceCell[]): void {
    const classes = cells.map(cellClass);
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
      const m = matchLabel(t.text, this.index.rows);
      if (!m) continue;
      const cand = { info: m.value, exact: m.exact, at: t.at, printed: t.text, label: m.label };
      const score = (c: typeof cand) => (c.info.leaf ? 4 : 0) + (c.exact ? 2 : 0) + c.at / 1000;
      if (!best || score(cand) > score(best)) best = cand;
    }
    const printedLabel = labels.map((l) => l.text).join(' ');
    if (!best && labels.length) {
      // A group's label and its row's in one cell (a group label followed by one of its rows): the row's.
      const last = labels[labels.length - 1]!;
      const n = normalizeLabel(last.text);
      const groups = new Set(this.index.rows.filter((c) => !c.value.leaf).map((c) => normalizeLabel(c.label)));
      const tail = this.index.rows
        .filter((c) => c.value.leaf && n.endsWith(normalizeLabel(c.label)) && groups.has(n.slice(0, n.length - normalizeLabel(c.label).length)))
        .sort((a, b) => b.label.length - a.label.length)[0];
      if (tail) best = { info: tail.value, exact: true, at: labels.length - 1, printed: last.text, label: tail.label };
      // A row's label with pieces of the merged group cell beside it, as a PDF without ruling
      // lines sets them on the same line (a row label with a piece of its group's label beside it): the row's, when what
      // stands before and after the label is part of a group label.
      const piece = (s: string) => s === '' || (s.length <= 6 && [...groups].some((g) => g.includes(s)));
      const framed = best ? undefined : this.index.rows
        .filter((c) => {
          if (!c.value.leaf) return false;
          const l = normalizeLabel(c.label);
          const i = n.indexOf(l);
          return i >= 0 && piece(n.slice(0, i)) && piece(n.slice(i + l.length));
        })
        .sort((a, b) => b.label.length - a.label.length)[0];
      if (framed) best = { info: framed.value, exact: true, at: labels.length - 1, printed: last.text, label: framed.label };
    }
    if (best && !best.exact) {
      // The label whole, with pieces of the merged group cells beside it: printed as the template has it.
      const groups = this.index.rows.filter((c) => !c.value.leaf).map((c) => normalizeLabel(c.label));
      if (framedBy(normalizeLabel(best.printed), normalizeLabel(best.label), (t) => groups.some((g) => g.includes(t)))) best.exact = true;
    }
    if (!best) {
      if (hasValues) this.rejected.add(cells);
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
      this.labels.push({ row: info.node.id, printed: best.printed.trim(), official: best.label });
      this.note('warning', place, `行名“${best.printed.trim()}”与模板的“${best.label}”相近，按该行读取`, this.rowCells(info.grid, info.block, info.node));
    }
    if (info.leaf) return this.values_(info.grid, info.block, info.node, after, cells);
    // A parent label with values: the 2019 layout printed a parent group (其他处理) as one row.
    const children = info.node.children ?? [];
    if (!hasValues || children.some((c) => c.children)) {
      if (hasValues) this.note('warning', place, `“${printedLabel}”是分组标题，却带有数字，未导入`);
      return;
    }
    this.quirks.add(`one-row:${info.node.id}`);
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
    return leavesOf(block.columns).map((c) => cellId(grid.id, row.id, c.id));
  }

  /** A header row: column labels (or the corner) of a grid. Returns false when it is not one. */
  headerRow(cells: SourceCell[], labels: SourceCell[]): boolean {
    let bestGrid: GridSpec | null = null;
    let bestHits = 0;
    for (const grid of this.template.spec.grids) {
      const cols = this.index.columns.get(grid.id) ?? [];
      let hits = 0;
      for (const l of labels) {
        if (matchAll(l.text, cols).length) hits++;
        else if (this.index.corners.some((c) => c.value === grid && matchLabel(l.text, [c]))) hits++;
      }
      if (hits > bestHits || (hits === bestHits && hits > 0 && grid === this.context)) {
        bestGrid = grid;
        bestHits = hits;
      }
    }
    if (!bestGrid) return false;
    if (bestHits >= 2) this.headed.add(bestGrid.id);
    if (!this.header || !this.header.open || this.header.grid !== bestGrid) {
      this.header = { grid: bestGrid, found: new Map(), parents: new Map(), unknown: [], open: true };
    }
    this.context = bestGrid;
    const header = this.header;
    const cols = this.index.columns.get(bestGrid.id) ?? [];
    for (const l of labels) {
      if (this.index.corners.some((c) => c.value === bestGrid && matchLabel(l.text, [c]))) continue;
      const all = matchAll(l.text, cols);
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
  /**
   * A header a table without lines set with its column words broken across lines ("结果结果其他尚未"
   * / "维持纠正结果审结"): every top-level column named, every other header word made of the
   * characters of the grid's column labels, and the row holds exactly one number per column. Then
   * the numbers are the columns in template order, as the text walker reads such a header.
   */
  brokenHeader(header: HeaderMap, block: BlockSpec, filled: SourceCell[]): boolean {
    if (this.exact || !filled.every((c) => cellClass(c) === 'number')) return false;
    const named = (col: BlockSpec['columns'][number]) => header.parents.has(col.id) || header.found.has(col.id);
    if (!block.columns.every(named)) return false;
    const chars = new Set([...leavesOf(block.columns).map((c) => normalizeLabel(c.label)).join('')]);
    return header.unknown.every((u) => [...normalizeLabel(u.text)].every((ch) => chars.has(ch)));
  }

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
    const leaves = leavesOf(block.columns);
    const n = leaves.length;
    const filled = after.filter((c) => cellClass(c) !== 'empty');
    const header = this.header && this.header.grid === grid ? this.header : null;
    const headerComplete = !!header && leaves.every((c) => header.found.has(c.id)) && header.unknown.length === 0;
    const assigned = new Map<string, SourceCell | null>();
    let how: 'order' | 'position';

    if (this.exact && after.length === n && (!header || headerComplete)) {
      leaves.forEach((c, i) => assigned.set(c.id, after[i]!));
      how = 'order';
    } else if (filled.length === n && (!header || headerComplete || this.brokenHeader(header, block, filled))) {
      leaves.forEach((c, i) => assigned.set(c.id, filled[i]!));
      how = 'order';
    } else if (header && leaves.some((c) => header.found.has(c.id))) {
      how = 'position';
      const used = new Set<SourceCell>();
      for (const c of leaves) {
        const h = header.found.get(c.id);
        if (!h) continue;
        const hit = all.find((x) => !x.covered && x.col < h.pos + h.span && x.col + x.span > h.pos && cellClass(x) !== 'label');
        assigned.set(c.id, hit ?? null);
        if (hit) used.add(hit);
      }
      const unknownCols = leaves.filter((c) => !header.found.has(c.id));
      if (unknownCols.length) {
        this.note('warning', place, `来源表格没有“${unknownCols.map((c) => c.label).join('、')}”栏，这些单元格留空`, unknownCols.map((c) => cellId(grid.id, row.id, c.id)));
      }
      for (const c of leaves) {
        const h = header.found.get(c.id);
        if (h && !h.exact) {
          const id = cellId(grid.id, row.id, c.id);
          if (!this.labels.some((l) => l.printed === h.printed && l.official === h.label)) this.labels.push({ cell: id, printed: h.printed, official: h.label });
          this.note('warning', place, `栏目“${h.printed}”与模板的“${h.label}”相近，按该栏读取`, [id]);
        }
      }
      const left = filled.filter((c) => !used.has(c));
      if (left.length && !this.exact && !header.unknown.length) {
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
    if (how === 'position' && !this.exact && !header?.unknown.length) {
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
      if (!src || cellClass(src) === 'empty') {
        if (!assigned.has(c.id)) continue; // already noted as a missing column
        blanks.push(vc);
        this.blanks.add(id);
        this.put(id, null);
        continue;
      }
      if (cellClass(src) === 'dash') {
        dashes.push({ cell: vc, text: src.text.trim() });
        this.blanks.add(id);
        this.put(id, null);
        continue;
      }
      const parsed = parseValue(src.text, vc.kind);
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

