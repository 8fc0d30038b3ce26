// loadTemplate: validate a template file, resolve its grids and expand its sums, once.
// The result is the immutable Template every part of nianbao reads.
import { templateSchema, type RuleSpec, type SectionSpec, type SumSpec, type TemplateSpec } from './schema';
import { gridProblems, resolveGrid, type CellId, type ResolvedGrid, type ValueCell } from './resolve';
import { expandAlong, type Term } from './expand';

/** A sum applied at one row or column: total = Σ weight × item. */
export interface Equation {
  sum: SumSpec;
  at: string;
  total: CellId;
  items: Term[];
}

/** A place where the report holds free text: the preface, a section's text, or a part of 一. */
export interface TextSlot {
  id: string;
  label: string;
  guidance: string;
  section?: SectionSpec;
}

export interface Template {
  spec: TemplateSpec;
  id: string;
  grids: ResolvedGrid[];
  grid: (id: string) => ResolvedGrid;
  cells: ReadonlyMap<CellId, ValueCell>;
  /** Cells the user types into, in reading order. */
  inputCells: ValueCell[];
  equations: Equation[];
  /** The equation that computes each computed cell. */
  computedBy: ReadonlyMap<CellId, Equation>;
  sectionOf: (gridId: string) => SectionSpec | undefined;
  texts: TextSlot[];
  rules: RuleSpec[];
}

export class TemplateError extends Error {
  override name = 'TemplateError';
}

function _equations(spec: TemplateSpec, grids: Map<string, ResolvedGrid>): Equation[] {
  return spec.sums.flatMap((sum) => {
    const grid = grids.get(sum.grid);
    if (!grid) throw new TemplateError(`模板 ${spec.id}：合计 ${sum.id} 引用了不存在的表格 ${sum.grid}`);
    const refs = [sum.total, ...sum.items.map((i) => (typeof i === 'string' ? i : i.ref))];
    const instances = expandAlong(grid, sum, refs);
    if (instances.length === 0) throw new TemplateError(`模板 ${spec.id}：合计 ${sum.id} 在表格 ${sum.grid} 中没有可用的行或列`);
    return instances.map((inst) => ({ sum, at: inst.at, total: inst.term(sum.total).cell, items: sum.items.map(inst.term) }));
  });
}

/** Validate and resolve a template. Throws TemplateError naming the JSON path of the first problems. */
export function loadTemplate(json: unknown): Template {
  const parsed = templateSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 5).map((i) => `  ${i.path.join('.') || '(根)'}：${i.message}`);
    throw new TemplateError(`模板文件无效：\n${lines.join('\n')}`);
  }
  return resolveTemplate(parsed.data);
}

/**
 * Resolve a template whose file already passed the schema (the app's templates are checked when
 * the app is built, so the first screen carries no template schema). Throws TemplateError.
 */
export function resolveTemplate(spec: TemplateSpec): Template {
  const problems = spec.grids.flatMap(gridProblems);
  if (problems.length) throw new TemplateError(`模板 ${spec.id} 无效：\n  ${problems.join('\n  ')}`);

  const firstPass = new Map(spec.grids.map((g) => [g.id, resolveGrid(g)]));
  const equations = _equations(spec, firstPass);
  const computedBy = new Map<CellId, Equation>();
  for (const eq of equations) if (!computedBy.has(eq.total)) computedBy.set(eq.total, eq);
  const computed = new Set(computedBy.keys());
  const grids = spec.grids.map((g) => resolveGrid(g, computed));
  const byId = new Map(grids.map((g) => [g.id, g]));
  const cells = new Map(grids.flatMap((g) => g.cells.map((c) => [c.id, c] as const)));

  const sectionOfGrid = new Map(spec.sections.flatMap((s) => (s.grids ?? []).map((g) => [g, s] as const)));
  for (const g of spec.sections.flatMap((s) => s.grids ?? [])) {
    if (!byId.has(g)) throw new TemplateError(`模板 ${spec.id}：章节引用了不存在的表格 ${g}`);
  }
  const texts: TextSlot[] = [
    { id: 'preface', label: spec.preface.label, guidance: spec.preface.guidance },
    ...spec.sections.flatMap((section) => [
      { id: section.id, label: section.label, guidance: section.guidance, section },
      ...(section.parts ?? []).map((p) => ({ id: `${section.id}.${p.id}`, label: p.label, guidance: p.guidance, section })),
    ]),
  ];

  return {
    spec,
    id: spec.id,
    grids,
    grid: (id) => {
      const g = byId.get(id);
      if (!g) throw new TemplateError(`模板 ${spec.id} 中没有表格 ${id}`);
      return g;
    },
    cells,
    inputCells: grids.flatMap((g) => g.cells.filter((c) => !c.computed)),
    equations,
    computedBy,
    sectionOf: (gridId) => sectionOfGrid.get(gridId),
    texts,
    rules: spec.rules,
  };
}
