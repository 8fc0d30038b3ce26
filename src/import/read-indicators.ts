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
  // Normalised again once 其中 is off, so its numbering reads as numbering ("其中：1、网站公开").
  let s = normalizeLabel(normalizeLabel(raw).replace(/^其中：/, ''));
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

/** One printed row: the indicator it names, its label and unit as printed, its number (null: printed blank). */
interface Read {
  ind: Indicator;
  printed: string;
  unit?: string;
  value: number | null;
}

interface Lookup {
  match: (text: string, after: number) => Indicator | undefined;
  units: Set<string>;
}

/**
 * Rows in reading order. A label is followed by its unit and its number; a label broken over two
 * cells is joined; a label-like text with a unit and a number that names no indicator is `unknown`.
 */
function _scan(tokens: string[], lookup: Lookup): { reads: Read[]; unknown: string[] } {
  const reads: Read[] = [];
  const unknown: string[] = [];
  let at = -1; // order of the last indicator read
  let current: { ind: Indicator; printed: string; unit?: string; done: boolean } | null = null;
  let loose: { text: string; unit?: string } | null = null; // a text that named no indicator
  const finish = () => {
    if (current && !current.done && current.ind.row.unit) reads.push({ ind: current.ind, printed: current.printed, ...(current.unit ? { unit: current.unit } : {}), value: null });
    current = null;
  };
  for (const token of tokens) {
    const norm = normalizeLabel(token);
    const value = _number(token);
    if (current && !current.done && current.unit === undefined && lookup.units.has(norm)) {
      current.unit = norm;
      continue;
    }
    if (current && !current.done && value !== undefined && (current.unit !== undefined || !DASH.test(norm))) {
      if (current.ind.row.unit) reads.push({ ind: current.ind, printed: current.printed, ...(current.unit ? { unit: current.unit } : {}), value });
      current.done = true;
      continue;
    }
    if (loose && (!current || current.done) && value === undefined && lookup.units.has(norm)) {
      loose.unit = norm;
      continue;
    }
    if (loose?.unit !== undefined && value !== undefined) {
      unknown.push(loose.text);
      loose = null;
      continue;
    }
    // A label on its own, or the second half of one broken over two cells or words ("4." "网上申请数").
    const joinable = current && !current.done && current.unit === undefined && value === undefined;
    const ind = lookup.match(token, at) ?? (loose && loose.unit === undefined && value === undefined ? lookup.match(loose.text + token, at) : undefined);
    if (ind && !(joinable && lookup.match(current!.printed + token, at) === current!.ind)) {
      finish();
      current = { ind, printed: lookup.match(token, at) ? token.trim() : `${loose!.text}${token.trim()}`, done: false };
      at = ind.order;
      loose = null;
      continue;
    }
    if (joinable) {
      const joined = lookup.match(current!.printed + token, at);
      if (joined) {
        current = { ...current!, ind: joined, printed: current!.printed + token.trim() };
        continue;
      }
    }
    if (value === undefined && !DASH.test(norm) && norm.length <= 40) loose = { text: token.trim() };
    else loose = null;
  }
  finish();
  return { reads, unknown };
}

/**
 * Read the template's indicator lists from a source into the importer. `aliases`: printed wordings
 * seen in real reports by official label (templates/index.json), e.g. 受理依申请公开信息总数 for
 * （一）收到申请数; two printed rows that alias one indicator (电子邮件申请数, 网上申请数) add up.
 */
export function readIndicators(imp: Importer, template: Template, source: SourceDoc, facts: GridFacts, aliases: Record<string, string[]> = {}): void {
  const indicators = _indicators(template);
  if (!indicators.length) return;
  const byCore = new Map<string, Indicator[]>();
  const add = (core: string, ind: Indicator) => byCore.set(core, [...(byCore.get(core) ?? []), ind]);
  for (const ind of indicators) {
    add(indicatorCore(ind.row.label ?? ''), ind);
    for (const alias of aliases[ind.row.label ?? ''] ?? []) add(indicatorCore(alias), ind);
  }
  const lookup: Lookup = {
    units: new Set(indicators.flatMap((i) => (i.row.unit ? [normalizeLabel(i.row.unit)] : []))),
    match: (text, after) => {
      const found = byCore.get(indicatorCore(text));
      return found?.find((i) => i.order > after) ?? found?.[0];
    },
  };
  const corners = template.spec.grids.flatMap((g) => g.blocks.filter(_isList).map((b) => normalizeLabel(b.corner ?? '')));
  let scan = _scan(_tokens(source, corners), lookup);
  // A list flattened into running text ("主动公开信息数 条 69 其中：1、网站公开 条 69 …"): its words.
  if (!scan.reads.length) scan = _scan(_tokens(source, corners).flatMap((t) => t.split(/\s+/)).filter(Boolean), lookup);

  const sums = new Map<Indicator, Read[]>();
  for (const read of scan.reads) sums.set(read.ind, [...(sums.get(read.ind) ?? []), read]);
  for (const [ind, rows] of sums) {
    const numbers = rows.map((r) => r.value).filter((v): v is number => v !== null);
    const value = numbers.length ? numbers.reduce((a, b) => a + b, 0) : null;
    const printed = rows.map((r) => r.printed).join('、');
    _store(imp, ind, value, printed);
    if (rows.length > 1) imp.note('info', `${imp.section(ind.grid.id)} · ${ind.row.label}`, `来源分列的“${printed}”合计为${value ?? '空白'}读入`, _cellIds(ind));
    for (const r of rows) {
      const official = ind.row.unit;
      if (r.unit && official && r.unit !== normalizeLabel(official)) facts.labels.push({ row: ind.row.id, printed: r.unit, official });
    }
  }
  const place = imp.section(indicators[0]!.grid.id);
  for (const u of scan.unknown) imp.note('warning', place, `来源中的“${u}”没有对应的统计指标，未导入`);
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
