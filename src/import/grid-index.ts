// The template as label candidates for the table reader: each grid's row, column, block-title and
// corner labels, indexed once per template; how a table cell reads (empty, dash, number, label),
// and how a printed label matches the template's.
import { normaliseCellText, parseCellInput, type BlockSpec, type ColumnNode, type GridSpec, type RowNode, type Template, type ValueCell } from '../core';
import { matchLabel, normalizeLabel, type LabelCandidate } from './match-labels';
import type { SourceCell } from './source';

// ---- the template as label candidates -------------------------------------------------------

export interface RowInfo {
  grid: GridSpec;
  block: BlockSpec;
  node: RowNode;
  leaf: boolean;
}
export interface ColInfo {
  grid: GridSpec;
  block: BlockSpec;
  node: ColumnNode;
  leaf: boolean;
  ancestors: string[];
}

export function leavesOf<N extends { children?: N[] }>(nodes: N[]): N[] {
  return nodes.flatMap((n) => (n.children ? leavesOf(n.children) : [n]));
}

export interface Index {
  rows: LabelCandidate<RowInfo>[];
  columns: Map<string, LabelCandidate<ColInfo>[]>;
  titles: LabelCandidate<{ grid: GridSpec; block: BlockSpec }>[];
  corners: LabelCandidate<GridSpec>[];
}

const indexes = new WeakMap<Template, Index>();
export function templateIndex(template: Template): Index {
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
export type CellClass = 'empty' | 'dash' | 'number' | 'label';
export function cellClass(cell: SourceCell): CellClass {
  if (cell.covered) return 'empty';
  const s = normaliseCellText(cell.text);
  if (s === '') return 'empty';
  if (DASH.test(s)) return 'dash';
  if (NUMERIC.test(s)) return 'number';
  return 'label';
}

/**
 * `text` is `label` with pieces (at most 4 characters each, `isPiece`) before, after and between
 * its words, and nothing else.
 */
export function framedBy(text: string, label: string, isPiece: (s: string) => boolean): boolean {
  let i = 0;
  let j = 0;
  while (i < text.length) {
    if (j < label.length && text[i] === label[j]) {
      i++;
      j++;
      continue;
    }
    let n = 1;
    while (n <= 4 && !(i + n <= text.length && isPiece(text.slice(i, i + n)) && (i + n === text.length || text[i + n] === label[j] || isPiece(text[i + n]!)))) n++;
    if (n > 4) return false;
    i += n;
  }
  return j === label.length;
}

/**
 * A printed number as the source prints it. Amounts in 万元 are published to the fen (six
 * decimals, 1306.452317): read as printed, and left to the rules to judge, not refused here.
 */
export function parseValue(raw: string, kind: ValueCell['kind']) {
  // A unit printed in the cell ("12件", "3.5万元") is the column's, not part of the number.
  const text = raw.replace(/\s*(万元|元|件|条|个|项)\s*$/, '');
  const parsed = parseCellInput(text, kind);
  const s = normaliseCellText(text).replace(/,/g, '');
  if (!parsed.ok && kind === 'amount' && /^\d+\.\d{5,6}$/.test(s)) return { ok: true as const, value: Number(s) };
  return parsed;
}

/** All candidates at the best distance (labels such as 结果维持 repeat in a grid). */
export function matchAll<T>(printed: string, candidates: readonly LabelCandidate<T>[]): { value: T; exact: boolean; label: string }[] {
  const p = normalizeLabel(printed);
  if (!p) return [];
  const exact = candidates.filter((c) => normalizeLabel(c.label) === p);
  if (exact.length) return exact.map((c) => ({ value: c.value, exact: true, label: c.label }));
  const m = matchLabel(printed, candidates);
  return m ? [{ value: m.value, exact: false, label: m.label }] : [];
}
