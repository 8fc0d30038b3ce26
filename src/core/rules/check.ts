// checkReport: every rule of the template over one report. Pure, synchronous, never throws for
// a report that passed reportSchema. One handler per rule kind (./handlers).
import type { Template } from '../template/load';
import type { Report } from '../report/schema';
import { RuleContext, type CheckOptions } from './context';
import { LEVEL_ORDER, type Finding, type Level } from './finding';
import { placeOfFinding } from '../place';
import type { CellId } from '../template/resolve';
import { runRule } from './handlers';

export function checkReport(template: Template, report: Report, options: CheckOptions = {}): Finding[] {
  return checkWithValues(template, report, options).findings;
}

/** checkReport, and the computed values the rules saw (so a caller need not compute them again). */
export function checkWithValues(template: Template, report: Report, options: CheckOptions = {}): { findings: Finding[]; values: Map<CellId, number | null> } {
  const ctx = new RuleContext(template, report, options);
  const findings = template.rules.flatMap((rule) =>
    runRule(rule, ctx),
  );
  return { findings: finishFindings(template, findings, ctx.published), values: ctx.values };
}

/**
 * Every finding gets its place and unfinished mark here, so no rule kind has to; then in order.
 * A published report is not being written: what it leaves blank is the publisher's error, not an
 * item still to fill in, so checked as finished it carries no unfinished mark. `finished` keeps
 * each finding's finished form for a caller that passes the same findings again (the same template
 * and `published`): a keystroke keeps most findings, and placing them all again cost more than the rules.
 */
export function finishFindings(template: Template, findings: Finding[], published = false, finished?: WeakMap<Finding, Finding>): Finding[] {
  const unfinishedRules = new Set(template.rules.filter((r) => r.draftLevel === 'incomplete').map((r) => r.id));
  const unfinished = (f: Finding) => unfinishedRules.has(f.rule) && (f.level === 'incomplete' || !published);
  const finish = (f: Finding): Finding => ({
    ...f,
    place: f.place ?? placeOfFinding(template, f),
    ...(unfinished(f) ? { unfinished: true as const } : {}),
  });
  const placed = findings.map((f): Finding => {
    const kept = finished?.get(f);
    if (kept) return kept;
    const done = finish(f);
    finished?.set(f, done);
    return done;
  });
  // Errors first, then warnings, then what is merely unfinished; template order within a level.
  return _LEVELS.flatMap((level) => placed.filter((f) => f.level === level));
}

const _LEVELS = (Object.keys(LEVEL_ORDER) as Level[]).sort((a, b) => LEVEL_ORDER[a] - LEVEL_ORDER[b]);

export type { CheckOptions };
