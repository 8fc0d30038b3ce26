// Re-checking after a keystroke: a part of a rule (./part: one equation instance, one cell; a rule
// not split is one part) runs again only when a cell it read has changed. What a part reads is
// recorded while it runs (every ctx.value / ctx.complete / ctx.typed, and any look at the whole of
// report.values), so the record is exactly the cells its findings depended on: a part whose result
// is the same function of the same cells gives the same findings. Anything else about the report
// (texts, facts, dates, printed totals, the options) changing means a full check. The result is
// always equal to checkWithValues of the same report (a property test holds them together).
import type { Template } from '../template/load';
import type { CellId } from '../template/resolve';
import type { Report } from '../report/schema';
import { computeCell, computeValues } from '../report/compute';
import { RuleContext, type CheckOptions } from './context';
import type { Finding } from './finding';
import { partsOf } from './handlers';
import type { Part } from './part';
import { finishFindings } from './check';

/** What one part read on its last run: the cells (repeats allowed), or every value (it looked at report.values). */
interface Reads {
  cells: CellId[];
  all: boolean;
}

interface PartRun {
  findings: Finding[];
  reads: Reads;
}

interface RuleRun {
  parts: Part[];
  runs: PartRun[];
  /** The runs' findings together. */
  findings: Finding[];
}

interface Memo {
  template: Template;
  report: Report;
  options: CheckOptions;
  values: Map<CellId, number | null>;
  rules: RuleRun[];
  /** Each kept finding's finished form (place, unfinished mark), so a kept finding is not placed again. */
  finished: WeakMap<Finding, Finding>;
}

export interface CheckResult {
  findings: Finding[];
  values: Map<CellId, number | null>;
  /** Ids of the rules of which a part ran for this result (all of them on a full check). */
  ran: string[];
  /** How many parts of rules ran (every part on a full check). */
  partsRan: number;
}

/** A checker that remembers its last report: call it with each new state of the report. */
export function createChecker(): (template: Template, report: Report, options?: CheckOptions) => CheckResult {
  let memo: Memo | undefined;
  return (template, report, options = {}) => {
    const prev = memo && memo.template === template && _sameOptions(memo.options, options) && _onlyValuesDiffer(memo.report, report) ? memo : undefined;
    const typed = prev ? _typedChanges(prev.report, report) : undefined;
    const above = typed ? _withTotalsAbove(template, typed) : undefined;
    const values = prev && above ? _recompute(template, prev.values, report, above) : computeValues(template, report);
    const ctx = new RuleContext(template, report, options, values);
    const recorder = _recorder(ctx, report);
    // Only the typed cells and the totals above them can change; a total's completeness may
    // change with no change of its sum (blank → 0), so all of them count as changed.
    const changed = prev ? above : undefined;
    const ran: string[] = [];
    let partsRan = 0;
    const run = (part: Part): PartRun => {
      partsRan++;
      const reads: Reads = { cells: [], all: false };
      recorder.reads = reads;
      return { findings: part(recorder.ctx), reads };
    };
    const rules = template.rules.map((rule, i): RuleRun => {
      const last = prev?.rules[i];
      if (last && changed) {
        let runs: PartRun[] | undefined;
        for (let j = 0; j < last.runs.length; j++) {
          if (!_stale(last.runs[j]!.reads, changed)) continue;
          runs ??= last.runs.slice();
          runs[j] = run(last.parts[j]!);
        }
        if (!runs) return last;
        ran.push(rule.id);
        return { parts: last.parts, runs, findings: runs.flatMap((r) => r.findings) };
      }
      ran.push(rule.id);
      const parts = partsOf(rule, ctx);
      const runs = parts.map(run);
      return { parts, runs, findings: runs.flatMap((r) => r.findings) };
    });
    const finished = prev?.finished ?? new WeakMap<Finding, Finding>();
    memo = { template, report, options, values, rules, finished };
    const raw = rules.flatMap((r) => r.findings);
    return { findings: finishFindings(template, raw, ctx.published, finished), values, ran, partsRan };
  };
}

function _stale(reads: Reads, changed: ReadonlySet<CellId>): boolean {
  if (reads.all) return true;
  for (const c of reads.cells) if (changed.has(c)) return true;
  return false;
}

interface Recorder {
  ctx: RuleContext;
  /** Where the reads of the part running now go. */
  reads: Reads;
}

/** The context as the parts see it, noting each cell the running part reads. */
function _recorder(ctx: RuleContext, report: Report): Recorder {
  const recorder: Recorder = { ctx, reads: { cells: [], all: false } };
  const watched = new Proxy(report, {
    get(target, key, receiver) {
      if (key === 'values') recorder.reads.all = true;
      return Reflect.get(target, key, receiver);
    },
  });
  recorder.ctx = Object.create(ctx, {
    report: { value: watched },
    // A part that reads the values' map itself depends on all of them.
    values: {
      get: () => {
        recorder.reads.all = true;
        return ctx.values;
      },
    },
    value: {
      value: (id: CellId) => {
        recorder.reads.cells.push(id);
        return ctx.values.get(id) ?? null;
      },
    },
    typed: {
      value: (id: CellId) => {
        recorder.reads.cells.push(id);
        return ctx.typed(id);
      },
    },
    complete: {
      value: (id: CellId) => {
        recorder.reads.cells.push(id);
        return ctx.complete(id);
      },
    },
  }) as RuleContext;
  return recorder;
}

const _sameOptions = (a: CheckOptions, b: CheckOptions) => a.mode === b.mode && a.previous === b.previous && a.today === b.today && a.published === b.published;

function _onlyValuesDiffer(a: Report, b: Report): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (k !== 'values' && a[k as keyof Report] !== b[k as keyof Report]) return false;
  return true;
}

/** Input cells whose typed value differs. */
function _typedChanges(a: Report, b: Report): CellId[] {
  const out: CellId[] = [];
  for (const id in b.values) if ((a.values[id] ?? null) !== (b.values[id] ?? null)) out.push(id);
  for (const id in a.values) if (!(id in b.values) && a.values[id] != null) out.push(id);
  return out;
}

/** The typed cells and every total above them, transitively. */
function _withTotalsAbove(template: Template, typed: CellId[]): Set<CellId> {
  const out = new Set(typed);
  const above = _totalsAbove(template);
  const stack = [...typed];
  while (stack.length) {
    for (const t of above.get(stack.pop()!) ?? []) {
      if (out.has(t)) continue;
      out.add(t);
      stack.push(t);
    }
  }
  return out;
}

/** The totals recomputed incrementally: last values, with the typed cells and the totals above them worked out again. */
function _recompute(template: Template, last: ReadonlyMap<CellId, number | null>, report: Report, affected: Set<CellId>): Map<CellId, number | null> {
  const values = new Map(last);
  const done = new Set<CellId>();
  const get = (id: CellId): number | null => {
    if (!affected.has(id) || done.has(id)) return values.get(id) ?? null;
    const cell = template.cells.get(id);
    const v = !cell ? null : !cell.computed ? (report.values[id] ?? null) : (report.printed?.[id] ?? computeCell(template, id, get));
    values.set(id, v);
    done.add(id);
    return v;
  };
  for (const id of affected) get(id);
  return values;
}

const _above = new WeakMap<Template, Map<CellId, CellId[]>>();
/** For each cell, the totals it is an item of. */
function _totalsAbove(template: Template): Map<CellId, CellId[]> {
  let map = _above.get(template);
  if (!map) {
    map = new Map();
    for (const [total, eq] of template.computedBy) for (const item of eq.items) map.set(item.cell, [...(map.get(item.cell) ?? []), total]);
    _above.set(template, map);
  }
  return map;
}
