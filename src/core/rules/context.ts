import type { Template } from '../template/load';
import type { CellId, ValueCell } from '../template/resolve';
import type { PreviousData, Report } from '../report/schema';
import type { RuleSpec } from '../template/schema';
import { computeValues, isComplete } from '../report/compute';
import { fillMessage, type Finding, type Level, type Mode } from './finding';

export interface CheckOptions {
  mode?: Mode;
  /** Last year's report of the same organ; defaults to the report's own `lastYear` snapshot. */
  previous?: PreviousData;
  /** ISO date the check runs on (for the deadline rule when no 成文日期 is set). */
  today?: string;
}

export class RuleContext {
  readonly values: Map<CellId, number | null>;
  readonly mode: Mode;
  readonly previous: PreviousData | undefined;
  constructor(
    readonly template: Template,
    readonly report: Report,
    readonly options: CheckOptions,
  ) {
    this.values = computeValues(template, report);
    this.mode = options.mode ?? 'draft';
    this.previous = options.previous ?? report.lastYear;
  }

  value(id: CellId): number | null {
    return this.values.get(id) ?? null;
  }

  complete(id: CellId): boolean {
    return isComplete(this.template, this.report, id);
  }

  cell(id: CellId): ValueCell {
    const c = this.template.cells.get(id);
    if (!c) throw new Error(`unknown cell ${id}`);
    return c;
  }

  sectionLabel(gridId: string): string {
    return this.template.sectionOf(gridId)?.label ?? this.template.grid(gridId).label;
  }

  /** Section label, then the cell name: the place a message points to. */
  place(id: CellId): string {
    const c = this.cell(id);
    return `${this.sectionLabel(c.grid)} · ${c.name}`;
  }

  /** The input cells a computed (not printed) total stands for; [] for an input or printed cell. */
  inputsOf(id: CellId): CellId[] {
    const eq = this.template.computedBy.get(id);
    if (!eq || this.report.printed?.[id] != null) return [];
    return eq.items.flatMap((i) => (this.template.computedBy.has(i.cell) ? this.inputsOf(i.cell) : [i.cell]));
  }

  level(rule: RuleSpec): Level {
    return this.mode === 'draft' && rule.draftLevel ? rule.draftLevel : rule.level;
  }

  finding(rule: RuleSpec, f: Omit<Finding, 'rule' | 'level' | 'message'>, pattern = rule.message): Finding {
    const cells = [...new Set(f.cells)];
    const inputs = [...new Set(cells.flatMap((c) => this.inputsOf(c)))].filter((c) => !cells.includes(c));
    return { rule: rule.id, level: this.level(rule), ...f, cells, ...(inputs.length ? { inputs } : {}), message: fillMessage(pattern, f.params) };
  }
}
