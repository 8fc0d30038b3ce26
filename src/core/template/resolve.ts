// Turns the grid trees of a template into what every view draws: display rows of anchor cells
// with their row and column spans (covered cells are left out, as in HTML and in docx), and the
// value cells with their ids, kinds and accessible names. Spans are derived here and nowhere else.
import type { BlockSpec, CellKind, ColumnNode, GridSpec, RowNode } from './schema';

export type CellId = string;

export const cellId = (grid: string, row: string, column: string): CellId => `${grid}:${row}:${column}`;

export interface HeaderCell {
  type: 'header';
  /** Unique within the grid; usable as a DOM id suffix and in `headers`. */
  key: string;
  role: 'title' | 'corner' | 'column' | 'row' | 'unit';
  label: string;
  /** Depth of a row label in an indicator list, drawn as indentation (0 or absent: flush left). */
  indent?: number;
  rowSpan: number;
  colSpan: number;
}

export interface ValueCell {
  type: 'value';
  id: CellId;
  grid: string;
  row: string;
  column: string;
  kind: CellKind;
  /** Filled by a template sum; read-only in the form. */
  computed: boolean;
  rowSpan: 1;
  colSpan: number;
  /** Accessible name, unique in the grid: row label · column label, ancestors added when ambiguous. */
  name: string;
  /** Name of the row part and of the column part alone (for messages). */
  rowName: string;
  columnName: string;
  /** Short row name for equations in messages (the row's `short`, else its name). */
  rowShort: string;
  /** Keys of the header cells that describe this cell, outermost first: rows, then columns. */
  headers: string[];
}

export type GridItem = HeaderCell | ValueCell;

export interface DisplayRow {
  role: 'title' | 'header' | 'body';
  /** Header rows at the top of a single-block grid: repeated on every page of a printed table. */
  repeat: boolean;
  items: GridItem[];
}

export interface ResolvedGrid {
  id: string;
  label: string;
  columnCount: number;
  /** Number of leading label columns in body rows (max over blocks). */
  labelColumns: number;
  rows: DisplayRow[];
  /** Value cells in reading order (row by row, left to right). */
  cells: ValueCell[];
  rowIds: string[];
  columnIds: string[];
}

interface Chain<N> {
  node: N;
  ancestors: N[];
}

function _leaves<N extends { children?: N[] }>(nodes: N[], ancestors: N[] = []): Chain<N>[] {
  return nodes.flatMap((node) =>
    node.children ? _leaves(node.children, [...ancestors, node]) : [{ node, ancestors }],
  );
}

function _depth<N extends { children?: N[] }>(nodes: N[]): number {
  return Math.max(...nodes.map((n) => 1 + (n.children ? _depth(n.children) : 0)));
}

const _leafWidth = (node: ColumnNode): number =>
  node.children ? node.children.reduce((sum, c) => sum + _leafWidth(c), 0) : (node.span ?? 1);

const _leafCount = (node: RowNode): number =>
  node.children ? node.children.reduce((sum, c) => sum + _leafCount(c), 0) : 1;

/** Shortest name for each leaf: the leaf label alone when unique, else with its ancestors. */
function _names<N extends { id: string; label?: string }>(chains: Chain<N>[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const c of chains) count.set(c.node.label ?? '', (count.get(c.node.label ?? '') ?? 0) + 1);
  const names = new Map<string, string>();
  for (const c of chains) {
    const own = c.node.label ?? '';
    const full = [...c.ancestors.map((a) => a.label ?? ''), own].filter(Boolean);
    names.set(c.node.id, (count.get(own) ?? 0) > 1 ? full.join(' · ') : own);
  }
  return names;
}

function _resolveBlock(grid: GridSpec, block: BlockSpec, width: number, labelColumns: number, names: Names) {
  const rows: DisplayRow[] = [];
  const cells: ValueCell[] = [];
  const colDepth = _depth(block.columns);
  const single = grid.blocks.length === 1;
  if (block.title) {
    rows.push({
      role: 'title',
      repeat: false,
      items: [{ type: 'header', key: `${block.id}:title`, role: 'title', label: block.title, rowSpan: 1, colSpan: width }],
    });
  }
  // Header rows from the column tree: a parent spans its leaves; a shallow leaf spans down.
  const header: GridItem[][] = Array.from({ length: colDepth }, () => []);
  if (labelColumns > 0) {
    header[0]!.push({
      type: 'header', key: `${block.id}:corner`, role: 'corner', label: block.corner ?? '',
      rowSpan: colDepth, colSpan: labelColumns,
    });
  }
  const placeColumns = (nodes: ColumnNode[], depth: number) => {
    for (const node of nodes) {
      header[depth]!.push({
        type: 'header', key: `${block.id}:col:${node.id}`, role: 'column', label: node.label,
        rowSpan: node.children ? 1 : colDepth - depth, colSpan: _leafWidth(node),
      });
      if (node.children) placeColumns(node.children, depth + 1);
    }
  };
  placeColumns(block.columns, 0);
  for (const items of header) rows.push({ role: 'header', repeat: single, items });

  // Body rows from the row tree: a parent sits in the row of its first leaf and spans its leaves.
  const columns = _leaves(block.columns);
  const rowChains = _leaves(block.rows);
  const started = new Set<RowNode>();
  for (const { node: row, ancestors } of rowChains) {
    const items: GridItem[] = [];
    for (const a of ancestors) {
      if (started.has(a)) continue;
      started.add(a);
      items.push({
        type: 'header', key: `${block.id}:row:${a.id}`, role: 'row', label: a.label ?? '',
        rowSpan: _leafCount(a), colSpan: 1,
      });
    }
    if (labelColumns > 0) {
      items.push({
        type: 'header', key: `${block.id}:row:${row.id}`, role: 'row', label: row.label ?? '',
        rowSpan: 1, colSpan: labelColumns - ancestors.length,
      });
    }
    const rowHeaders = [...ancestors, row].filter((n) => n.label).map((n) => `${block.id}:row:${n.id}`);
    for (const { node: col, ancestors: colAncestors } of columns) {
      const rowName = names.rows.get(row.id) ?? '';
      const columnName = names.columns.get(col.id) ?? col.label;
      const cell: ValueCell = {
        type: 'value', id: cellId(grid.id, row.id, col.id), grid: grid.id, row: row.id, column: col.id,
        kind: row.kind ?? col.kind ?? 'count', computed: false, rowSpan: 1, colSpan: col.span ?? 1,
        name: rowName ? `${rowName} · ${columnName}` : columnName, rowName, columnName,
        rowShort: row.short ?? rowName,
        headers: [...rowHeaders, ...[...colAncestors, col].map((n) => `${block.id}:col:${n.id}`)],
      };
      items.push(cell);
      cells.push(cell);
    }
    rows.push({ role: 'body', repeat: false, items });
  }
  return { rows, cells };
}

/** Every node of a tree in reading order, each with its ancestors (an indicator list prints them all). */
function _nodes<N extends { children?: N[] }>(nodes: N[], ancestors: N[] = []): Chain<N>[] {
  return nodes.flatMap((node) => [{ node, ancestors }, ...(node.children ? _nodes(node.children, [...ancestors, node]) : [])]);
}

/**
 * An indicator list: one display row per row node, its label indented by depth, then its unit,
 * then a value cell per column; a node without a unit is a heading spanning the whole width.
 */
function _resolveList(grid: GridSpec, block: BlockSpec & { units: string }, width: number, names: Names) {
  const columns = _leaves(block.columns);
  const rows: DisplayRow[] = [
    {
      role: 'header',
      repeat: grid.blocks.length === 1,
      items: [
        { type: 'header', key: `${block.id}:corner`, role: 'corner', label: block.corner ?? '', rowSpan: 1, colSpan: 1 },
        { type: 'header', key: `${block.id}:units`, role: 'column', label: block.units, rowSpan: 1, colSpan: 1 },
        ...columns.map(({ node }): HeaderCell => ({
          type: 'header', key: `${block.id}:col:${node.id}`, role: 'column', label: node.label, rowSpan: 1, colSpan: node.span ?? 1,
        })),
      ],
    },
  ];
  const cells: ValueCell[] = [];
  for (const { node: row, ancestors } of _nodes(block.rows)) {
    const key = `${block.id}:row:${row.id}`;
    const label = { type: 'header', key, role: 'row', label: row.label ?? '', rowSpan: 1, indent: ancestors.length } as const;
    if (!row.unit) {
      rows.push({ role: 'body', repeat: false, items: [{ ...label, colSpan: width }] });
      continue;
    }
    const items: GridItem[] = [{ ...label, colSpan: 1 }, { type: 'header', key: `${key}:unit`, role: 'unit', label: row.unit, rowSpan: 1, colSpan: 1 }];
    const rowName = names.rows.get(row.id) ?? '';
    for (const { node: col } of columns) {
      const columnName = names.columns.get(col.id) ?? col.label;
      const cell: ValueCell = {
        type: 'value', id: cellId(grid.id, row.id, col.id), grid: grid.id, row: row.id, column: col.id,
        kind: row.kind ?? col.kind ?? 'count', computed: false, rowSpan: 1, colSpan: col.span ?? 1,
        name: columns.length > 1 ? `${rowName} · ${columnName}` : rowName, rowName, columnName,
        rowShort: row.short ?? rowName,
        headers: [key, `${block.id}:col:${col.id}`],
      };
      items.push(cell);
      cells.push(cell);
    }
    rows.push({ role: 'body', repeat: false, items });
  }
  return { rows, cells };
}

const _isList = (b: BlockSpec): b is BlockSpec & { units: string } => b.units !== undefined;

interface Names {
  rows: Map<string, string>;
  columns: Map<string, string>;
}

/** Resolve one grid; `computed` lists the cell ids that sums fill in. */
export function resolveGrid(grid: GridSpec, computed: ReadonlySet<CellId> = new Set()): ResolvedGrid {
  const labelled = (nodes: RowNode[]): boolean => nodes.some((n) => n.label || (n.children && labelled(n.children)));
  // An indicator list has one label column; its unit column is drawn like a value column.
  const labelColumns = Math.max(...grid.blocks.map((b) => (_isList(b) ? 1 : labelled(b.rows) ? _depth(b.rows) : 0)));
  const widths = grid.blocks.map((b) => (_isList(b) ? 2 : labelled(b.rows) ? labelColumns : 0) + b.columns.reduce((s, c) => s + _leafWidth(c), 0));
  const columnCount = Math.max(...widths);
  const allRows = grid.blocks.flatMap((b) => (_isList(b) ? _nodes(b.rows).filter((c) => c.node.unit) : _leaves(b.rows)));
  const allColumns = grid.blocks.flatMap((b) => _leaves(b.columns));
  const uniqueById = <N extends { id: string }>(chains: Chain<N>[]) => [...new Map(chains.map((c) => [c.node.id, c])).values()];
  const names: Names = { rows: _names(uniqueById(allRows)), columns: _names(uniqueById(allColumns)) };
  const rows: DisplayRow[] = [];
  const cells: ValueCell[] = [];
  for (const block of grid.blocks) {
    const resolved = _isList(block)
      ? _resolveList(grid, block, columnCount, names)
      : _resolveBlock(grid, block, columnCount, labelled(block.rows) ? labelColumns : 0, names);
    rows.push(...resolved.rows);
    cells.push(...resolved.cells);
  }
  for (const cell of cells) cell.computed = computed.has(cell.id);
  return {
    id: grid.id,
    label: grid.label,
    columnCount,
    labelColumns,
    rows,
    cells,
    rowIds: [...new Set(cells.map((c) => c.row))],
    columnIds: [...new Set(cells.map((c) => c.column))],
  };
}

/** Problems a schema cannot see: duplicate ids, blocks of unequal width. */
export function gridProblems(grid: GridSpec): string[] {
  const problems: string[] = [];
  const resolved = resolveGrid(grid);
  const seen = new Set<string>();
  for (const c of resolved.cells) {
    if (seen.has(c.id)) problems.push(`表格 ${grid.id} 中单元格 ${c.id} 重复`);
    seen.add(c.id);
  }
  for (const row of resolved.rows) {
    const width = row.items.reduce((s, i) => s + i.colSpan, 0);
    // Rows below a multi-row header cell are narrower by that cell's span; check only full rows.
    if (row.role !== 'header' && width > resolved.columnCount) {
      problems.push(`表格 ${grid.id} 中有一行宽 ${width} 列，超过 ${resolved.columnCount} 列`);
    }
  }
  return problems;
}
