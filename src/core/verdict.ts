// The one verdict on a report: its findings and the inputs it refused → what is wrong (错误),
// what to look at (警告), what is not filled in yet (未完成), and whether it may be exported as
// finished. The store, the findings panel, the export gate, the drafts list and the CLI all count
// through here, so the numbers they show are the same numbers.
import type { Finding, Mode } from './rules/finding';

export interface Verdict<R = unknown> {
  /** Error-level findings (checked as finished, unfinished items are among them). */
  errors: Finding[];
  warnings: Finding[];
  /** Blanks and other items not filled in yet: 'incomplete' findings, or, checked as finished, the errors they become. */
  unfinished: Finding[];
  /** Inputs refused (text that is not a valid value): each is an error. */
  refused: readonly R[];
  counts: {
    /** Error-level findings plus refused inputs. */
    errors: number;
    warnings: number;
    unfinished: number;
  };
  /**
   * What a line of counts prints: three sets that never overlap, the same in both modes. 错误: what
   * is wrong (error findings other than unfinished items, and refused inputs); 警告; 未完成: what is
   * not filled in yet. Checked as finished an unfinished item is an error too (it stops a final
   * export), but it is counted once, under 未完成; so no line says 错误 161 · 未完成 161. A
   * published report has nothing unfinished: what it leaves blank is an error (see finishFindings).
   */
  shown: { errors: number; warnings: number; unfinished: number };
  /** Checked as finished with no error: a final document may be made. Never true for a draft check. */
  exportable: boolean;
}

/** An unfinished item: a blank while drafting, or the error that blank is when checked as finished. */
export const isUnfinished = (f: Finding): boolean => f.level === 'incomplete' || (f.level === 'error' && f.unfinished === true);

export function verdict<R>(findings: readonly Finding[], refused: readonly R[], mode: Mode): Verdict<R> {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const unfinished: Finding[] = [];
  for (const f of findings) {
    if (f.level === 'error') errors.push(f);
    else if (f.level === 'warning') warnings.push(f);
    if (isUnfinished(f)) unfinished.push(f);
  }
  const counts = { errors: errors.length + refused.length, warnings: warnings.length, unfinished: unfinished.length };
  const unfinishedErrors = unfinished.filter((f) => f.level === 'error').length;
  const shown = { errors: counts.errors - unfinishedErrors, warnings: counts.warnings, unfinished: counts.unfinished };
  return { errors, warnings, unfinished, refused, counts, shown, exportable: mode === 'final' && counts.errors === 0 };
}
