// A rule's work split into parts (one equation instance, one cell): each part reads few cells, so
// after a keystroke the incremental checker re-runs only the parts that read a changed cell. A
// kind's check is the concatenation of its parts, so the full check and the parts agree by
// construction. Which parts a rule has may depend on the template and on anything but the typed
// values (a change of those is a full check anyway). A part reads values only through the context
// it is given (the checker's recording one), never through one captured when the rule was split.
import type { RuleContext } from './context';
import type { Finding } from './finding';

export type Part = (ctx: RuleContext) => Finding[];

/** The check made of the parts: every part against the same context, in order. */
export const runParts =
  <R>(split: (rule: R, ctx: RuleContext) => Part[]) =>
  (rule: R, ctx: RuleContext): Finding[] =>
    split(rule, ctx).flatMap((part) => part(ctx));
