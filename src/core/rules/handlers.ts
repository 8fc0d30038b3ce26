// One handler per rule kind; the mapped type makes the table exhaustive, so a kind added to the
// template schema does not compile until it has a handler.
import type { RuleKind, RuleSpec } from '../template/schema';
import type { RuleContext } from './context';
import type { Finding } from './finding';
import { balanceParts, checkBalance, checkPrevious, checkSum, previousParts, sumParts } from './kinds/equations';
import { atMostParts, checkAtMost } from './kinds/at-most';
import { checkAllZero, checkRequired, checkRequiredFacts, checkValueRange, requiredParts, valueRangeParts } from './kinds/cells';
import type { Part } from './part';
import { checkNarrativeNumbers, checkPersonalData, checkRectification, checkUnrevised } from './kinds/text';
import { checkSimilarText } from './kinds/similar';
import { checkStaleText } from './kinds/stale';
import { checkDeadline, checkFeeReported, checkTemplateYears } from './kinds/facts';
import { checkFeeConsistency } from './kinds/fees';
import { checkAsciiPunctuation, checkDoubledText, checkForbiddenText, checkOtherYear, checkPairedPunctuation } from './kinds/wording';
import { checkSelfReference } from './kinds/self-reference';
import { checkNarrativeParts } from './kinds/narrative-parts';
import { checkLayoutQuirks, checkPrintedLabels, checkSectionHeadings, checkSignatureName, checkTitlePattern } from './kinds/format';

type Handlers = { [K in RuleKind]: (rule: Extract<RuleSpec, { kind: K }>, ctx: RuleContext) => Finding[] };

export const handlers: Handlers = {
  balance: checkBalance,
  sum: checkSum,
  'at-most': checkAtMost,
  'value-range': checkValueRange,
  required: checkRequired,
  previous: checkPrevious,
  'all-zero': checkAllZero,
  'narrative-numbers': checkNarrativeNumbers,
  'fee-reported': checkFeeReported,
  'fee-consistency': checkFeeConsistency,
  rectification: checkRectification,
  'personal-data': checkPersonalData,
  'similar-text': checkSimilarText,
  deadline: checkDeadline,
  'required-facts': checkRequiredFacts,
  unrevised: checkUnrevised,
  'stale-text': checkStaleText,
  'template-years': checkTemplateYears,
  'doubled-text': checkDoubledText,
  'ascii-punctuation': checkAsciiPunctuation,
  'paired-punctuation': checkPairedPunctuation,
  'forbidden-text': checkForbiddenText,
  'other-year': checkOtherYear,
  'printed-labels': checkPrintedLabels,
  'narrative-parts': checkNarrativeParts,
  'self-reference': checkSelfReference,
  'title-pattern': checkTitlePattern,
  'signature-name': checkSignatureName,
  'section-headings': checkSectionHeadings,
  'layout-quirks': checkLayoutQuirks,
};

export const runRule = (rule: RuleSpec, ctx: RuleContext): Finding[] => (handlers[rule.kind] as (r: RuleSpec, c: RuleContext) => Finding[])(rule, ctx);

type Splitters = { [K in RuleKind]?: (rule: Extract<RuleSpec, { kind: K }>, ctx: RuleContext) => Part[] };

/** The kinds whose check is made of parts (./part); any other rule is one part. */
const splitters: Splitters = {
  balance: balanceParts,
  sum: sumParts,
  'at-most': atMostParts,
  'value-range': valueRangeParts,
  required: requiredParts,
  previous: previousParts,
};

export function partsOf(rule: RuleSpec, ctx: RuleContext): Part[] {
  const split = splitters[rule.kind] as ((r: RuleSpec, c: RuleContext) => Part[]) | undefined;
  return split ? split(rule, ctx) : [(c) => runRule(rule, c)];
}
