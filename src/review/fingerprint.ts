// A finding's fingerprint: what a triage decision is kept under. It names the unit (organ and
// year), the rule, the place and the values involved, so re-checking or re-importing the same
// report finds the same fingerprint, and a changed value makes a new finding with no decision.
import { hash53, type Finding } from '../core';

/** The canonical text a fingerprint hashes: stable whatever the order of params or cells. */
export function fingerprintText(unit: { organKey: string; year: number }, finding: Finding, values: ReadonlyMap<string, number | null>): string {
  const place = finding.place ? `${finding.place.kind}:${'cell' in finding.place ? finding.place.cell : 'slot' in finding.place ? finding.place.slot : finding.place.field}` : 'report';
  const cells = [...new Set([...finding.cells, ...(finding.inputs ?? [])])].sort();
  const cellValues = cells.map((c) => `${c}=${values.get(c) ?? ''}`);
  const params = Object.keys(finding.params)
    .sort()
    .map((k) => `${k}=${String(finding.params[k])}`);
  return [unit.organKey, unit.year, finding.rule, place, cellValues.join(','), params.join('\u0001'), finding.text ?? ''].join('\u0002');
}

export const fingerprint = (unit: { organKey: string; year: number }, finding: Finding, values: ReadonlyMap<string, number | null>): string =>
  hash53(fingerprintText(unit, finding, values));
