// The pre-2019 统计表: a vertical list of indicators, each printed as label, unit, number (the
// template's indicator-list blocks). Web copies and .docx tables alike arrive as a stream of
// cells: one per line, one per table cell, or "label | unit | number" rows; a long label may be
// broken over two cells. Read the stream in order, matching labels to the template's rows by
// their wording without numbering (units differ in their numbering: 004 has no 政府公报 row, so
// its 1. is the standard 2.), and take the unit and number that follow each label.
import { cellId, type CellId, type RowNode, type Template } from '../core';
import type { BlockSpec, GridSpec } from '../core/template/schema';
import type { SourceDoc } from './source';
import type { Importer } from './read-grids';
import type { GridFacts } from './grids-pass';
import { NUMBERING, normalizeLabel } from './match-labels';

interface Indicator {
  grid: GridSpec;
  row: RowNode;
  /** Position in the template's reading order: repeated wordings (（二）被依法纠错数) are told apart by it. */
  order: number;
}

const _isList = (b: BlockSpec): boolean => b.units !== undefined;

/** True when the template prints a grid as an indicator list (its import is this module's). */
export const hasIndicatorList = (template: Template): boolean => template.spec.grids.some((g) => g.blocks.some(_isList));

/** The wording of a label without numbering, 其中, spaces and bracketed notes: what units keep the same. */
export function indicatorCore(raw: string): string {
  let s = normalizeLabel(raw).replace(/^其中：/, '');
  s = s.replace(NUMBERING, '').replace(/^其中：/, '');
  // Bracketed notes, and one left open where the label breaks over two cells.
  return s.replace(/（[^（）]*）/g, '').replace(/（[^（）]*$/, '').replace(/^[.．、]/, '');
}

function _indicators(template: Template): Indicator[] {
  const out: Indicator[] = [];
  const walk = (grid: GridSpec, rows: RowNode[]) => {
    for (const row of rows) {
      out.push({ grid, row, order: out.length });
      if (row.children) walk(grid, row.children);
    }
  };
  for (const grid of template.spec.grids) for (const block of grid.blocks.filter(_isList)) walk(grid, block.rows);
  return out;
}

/** Cells of the source in reading order, from where the list's header (its corner label) is printed. */
function _tokens(source: SourceDoc, corners: string[]): string[] {
  const all = source.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.text.split(/[|｜\t]/) : b.rows.flatMap((r) => r.filter((c) => !c.covered).map((c) => c.text))));
  const tokens = all.map((t) => t.trim()).filter(Boolean);
  const start = tokens.findIndex((t) => corners.includes(normalizeLabel(t)));
  return start >= 0 ? tokens.slice(start + 1) : tokens;
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;
const DASH = /^[-—–－─]+$/;

function _number(text: string): number | null | undefined {
  const t = normalizeLabel(text).replace(/[,，]/g, '');
  if (NUMBER.test(t)) return Number(t);
  if (DASH.test(t) || /^[/／无]$/.test(t)) return null;
  return undefined;
}

export function readIndicators(imp: Importer, template: Template, source: SourceDoc, facts: GridFacts): void {
  const indicators = _indicators(template);
  if (!indicators.length) return;
  const byCore = new Map<string, Indicator[]>();
  for (const ind of indicators) {
    const core = indicatorCore(ind.row.label ?? '');
    byCore.set(core, [...(byCore.get(core) ?? []), ind]);
  }
  const units = new Set(indicators.flatMap((i) => (i.row.unit ? [normalizeLabel(i.row.unit)] : [])));
  const corners = template.spec.grids.flatMap((g) => g.blocks.filter(_isList).map((b) => normalizeLabel(b.corner ?? '')));
  const tokens = _tokens(source, corners);

  let at = -1; // order of the last indicator read
  let current: { ind: Indicator; printed: string; unit?: string; done: boolean } | null = null;
  const finish = () => {
    if (current && !current.done && current.ind.row.unit) _store(imp, current.ind, null, current.printed);
    current = null;
  };
  const match = (text: string): Indicator | undefined => {
    const found = byCore.get(indicatorCore(text));
    return found?.find((i) => i.order > at) ?? found?.[0];
  };
  for (const token of tokens) {
    const norm = normalizeLabel(token);
    const value = _number(token);
    if (current && !current.done && current.unit === undefined && units.has(norm)) {
      current.unit = norm;
      const official = normalizeLabel(current.ind.row.unit ?? '');
      if (official && norm !== official) facts.labels.push({ row: current.ind.row.id, printed: token.trim(), official: current.ind.row.unit! });
      continue;
    }
    if (current && !current.done && value !== undefined && (current.unit !== undefined || !DASH.test(norm))) {
      if (current.ind.row.unit) _store(imp, current.ind, value, current.printed);
      current.done = true;
      continue;
    }
    const ind = match(token);
    if (ind) {
      finish();
      current = { ind, printed: token.trim(), done: false };
      at = ind.order;
      continue;
    }
    // A label broken over two cells: its second half follows before any unit or number.
    if (current && !current.done && current.unit === undefined && value === undefined) {
      const joined = match(current.printed + token);
      if (joined) current = { ...current, ind: joined, printed: current.printed + token.trim() };
    }
  }
  finish();
}

const _cellIds = (ind: Indicator): CellId[] =>
  ind.grid.blocks.filter(_isList).flatMap((b) => b.columns.map((c) => cellId(ind.grid.id, ind.row.id, c.id)));

function _store(imp: Importer, ind: Indicator, value: number | null, printed: string): void {
  const [id] = _cellIds(ind);
  const cell = id ? imp.template.cells.get(id) : undefined;
  if (!cell) return;
  imp.seenGrids.add(cell.grid);
  imp.seenRows.add(`${cell.grid}:${cell.row}`);
  if (cell.computed) imp.printed[cell.id] = value;
  else imp.values[cell.id] = value;
  if (value === null) {
    imp.blanks.add(cell.id);
    imp.note('info', `${imp.section(cell.grid)} · ${printed}`, '来源中此项为空白，按空白导入', [cell.id]);
  } else imp.valuesRead++;
}
