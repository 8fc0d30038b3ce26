// A finding's fingerprint: what a triage decision is kept under. It names the unit (organ and
// year), the rule, the place and the values involved, so re-checking or re-importing the same
// report finds the same fingerprint, and a changed value makes a new finding with no decision.
import type { Finding } from '../core';

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

/** cyrb53: a fast 53-bit string hash, written base 36 (about 11 characters). */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export const fingerprint = (unit: { organKey: string; year: number }, finding: Finding, values: ReadonlyMap<string, number | null>): string =>
  hash53(fingerprintText(unit, finding, values));
