import { readFileSync } from 'node:fs';
import { parseReportText, type Report, type Template } from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';

export const template: Template = nodeRegistry().get('gov-info-2021')!;

export function readReport(path: string): Report {
  const parsed = parseReportText(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'), nodeRegistry().get);
  if (!parsed.ok) throw new Error(`${path}: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.report;
}

export const seed002 = () => readReport('examples/seed-002.report.json');
export const busy = () => readReport('examples/busy-subdistrict.report.json');
