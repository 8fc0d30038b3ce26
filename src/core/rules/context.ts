import type { Template } from '../template/load';
import type { CellId, ValueCell } from '../template/resolve';
import type { PreviousData, Report, ReportSource } from '../report/schema';
import type { RuleSpec } from '../template/schema';
import { computeValues, isComplete } from '../report/compute';
import { fillMessage, type Finding, type Level, type Mode } from './finding';

export interface CheckOptions {
  mode?: Mode;
  /** Last year's report of the same organ; defaults to the report's own `lastYear` snapshot. */
  previous?: PreviousData;
  /** ISO date the check runs on (for the deadline rule when no 成文日期 is set). */
  today?: string;
  /** Check as a published report even when it carries no `source` (CLI --published). */
  published?: boolean;
}

export class RuleContext {
  readonly values: Map<CellId, number | null>;
  readonly mode: Mode;
  readonly previous: PreviousData | undefined;
  /** A published report is judged as published: blanks the import made are not the publisher's, dates are the ones shown. */
  readonly published: boolean;
  readonly source: ReportSource | undefined;
  private readonly _unread: Set<string>;
  private readonly _uncertain: Set<string>;
  constructor(
    readonly template: Template,
    readonly report: Report,
    readonly options: CheckOptions,
    /** The report's computed values, when the caller has them already. */
    values?: Map<CellId, number | null>,
  ) {
    this.values = values ?? computeValues(template, report);
    this.source = report.source;
    this.published = options.published === true || report.source?.kind === 'published';
    // Asked to check a published report, the caller means a finished one; a report that merely
    // carries a source (an imported report open in the app) keeps the mode its caller gives.
    this.mode = options.mode ?? (options.published ? 'final' : 'draft');
    this.previous = options.previous ?? report.lastYear;
    this._unread = new Set(this.source?.unread ?? []);
    this._uncertain = new Set(this.source?.uncertain ?? []);
  }

  /** The import could not read this cell: its blank is not the publisher's. */
  unread(id: CellId): boolean {
    return this._unread.has(id);
  }

  /** The import is not sure of this cell's value (or of an input of this total). */
  uncertain(id: CellId): boolean {
    return this._uncertain.has(id) || this.inputsOf(id).some((i) => this._uncertain.has(i));
  }

  value(id: CellId): number | null {
    return this.values.get(id) ?? null;
  }

  /** The value typed into an input cell (report.values), read one cell at a time so the read can be recorded. */
  typed(id: CellId): number | null {
    return this.report.values[id] ?? null;
  }

  /** Remembered per cell: the sum rules ask it of every total and item, and a total's answer walks its whole tree. */
  private readonly _complete = new Map<CellId, boolean>();
  complete(id: CellId): boolean {
    let known = this._complete.get(id);
    if (known === undefined) this._complete.set(id, (known = isComplete(this.template, this.report, id)));
    return known;
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
    let level = this.level(rule);
    let message = fillMessage(pattern, f.params);
    // A value the import is not sure of never drives an error as if it were certain.
    const unsure = [...cells, ...inputs].filter((c) => this._uncertain.has(c));
    if (unsure.length && level === 'error') {
      level = 'warning';
      const note = this.template.spec.ruleNotes?.uncertain;
      if (note) message += fillMessage(note, { places: unsure.slice(0, 3).map((c) => this.cell(c).name).join('、') });
    }
    return { rule: rule.id, level, ...f, cells, ...(inputs.length ? { inputs } : {}), message };
  }
}
