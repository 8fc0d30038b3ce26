// checkReport: every rule of the template over one report. Pure, synchronous, never throws for
// a report that passed reportSchema. One handler per rule kind (./handlers).
import type { Template } from '../template/load';
import type { Report } from '../report/schema';
import { RuleContext, type CheckOptions } from './context';
import { LEVEL_ORDER, type Finding } from './finding';
import { runRule } from './handlers';

export function checkReport(template: Template, report: Report, options: CheckOptions = {}): Finding[] {
  const ctx = new RuleContext(template, report, options);
  const findings = template.rules.flatMap((rule) =>
    runRule(rule, ctx),
  );
  // Errors first, then warnings, then what is merely unfinished; template order within a level.
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => LEVEL_ORDER[a.f.level] - LEVEL_ORDER[b.f.level] || a.i - b.i)
    .map(({ f }) => f);
}

export type { CheckOptions };
