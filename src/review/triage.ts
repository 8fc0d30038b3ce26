// Triage: the reviewer confirms or dismisses a finding, with an optional note. Decisions are kept
// by fingerprint, so they outlive a re-check, a re-import or a new version of a unit's report
// whose finding is unchanged.
import type { ReviewUnit } from './batch';

export type DecisionKind = 'confirmed' | 'dismissed';

export interface Decision {
  fingerprint: string;
  decision: DecisionKind;
  note: string;
  /** ISO time it was last changed. */
  at: string;
}

export type Decisions = ReadonlyMap<string, Decision>;

/** How many of a unit's findings are decided, and how many are still open. */
export function triageCounts(unit: ReviewUnit, decisions: Decisions): { confirmed: number; dismissed: number; open: number } {
  let confirmed = 0;
  let dismissed = 0;
  for (const f of unit.findings) {
    const d = decisions.get(f.fingerprint)?.decision;
    if (d === 'confirmed') confirmed++;
    else if (d === 'dismissed') dismissed++;
  }
  return { confirmed, dismissed, open: unit.findings.length - confirmed - dismissed };
}

/** The findings to send: everything not dismissed. */
export const findingsToSend = (unit: ReviewUnit, decisions: Decisions) => unit.findings.filter((f) => decisions.get(f.fingerprint)?.decision !== 'dismissed');
