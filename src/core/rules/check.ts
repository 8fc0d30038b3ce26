// checkReport: every rule of the template over one report. Pure, synchronous, never throws for
// a report that passed reportSchema. One handler per rule kind; the Record makes it exhaustive.
import type { Template } from '../template/load';
import type { Report } from '../report/schema';
import type { RuleKind, RuleSpec } from '../template/schema';
import { RuleContext, type CheckOptions } from './context';
import { LEVEL_ORDER, type Finding } from './finding';
import { checkBalance, checkPrevious, checkSum } from './kinds/equations';
import { checkAtMost } from './kinds/at-most';
import { checkAllZero, checkRequired, checkRequiredFacts, checkValueRange } from './kinds/cells';
import { checkNarrativeNumbers, checkPersonalData, checkRectification, checkSimilarText, checkUnrevised } from './kinds/text';
import { checkDeadline, checkFeeReported, checkTemplateYears } from './kinds/facts';

type Handlers = { [K in RuleKind]: (rule: Extract<RuleSpec, { kind: K }>, ctx: RuleContext) => Finding[] };

const handlers: Handlers = {
  balance: checkBalance,
  sum: checkSum,
  'at-most': checkAtMost,
  'value-range': checkValueRange,
  required: checkRequired,
  previous: checkPrevious,
  'all-zero': checkAllZero,
  'narrative-numbers': checkNarrativeNumbers,
  'fee-reported': checkFeeReported,
  rectification: checkRectification,
  'personal-data': checkPersonalData,
  'similar-text': checkSimilarText,
  deadline: checkDeadline,
  'required-facts': checkRequiredFacts,
  unrevised: checkUnrevised,
  'template-years': checkTemplateYears,
};

export function checkReport(template: Template, report: Report, options: CheckOptions = {}): Finding[] {
  const ctx = new RuleContext(template, report, options);
  const findings = template.rules.flatMap((rule) =>
    (handlers[rule.kind] as (r: RuleSpec, c: RuleContext) => Finding[])(rule, ctx),
  );
  // Errors first, then warnings, then what is merely unfinished; template order within a level.
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => LEVEL_ORDER[a.f.level] - LEVEL_ORDER[b.f.level] || a.i - b.i)
    .map(({ f }) => f);
}

export type { CheckOptions };
