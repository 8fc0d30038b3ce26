// The three pre-2019 seed reports (000 三营镇 2018, 001 河口镇 2018, 004 咸祥镇 2017): their text as
// published (test/fixtures/seeds) and their 统计表 transcribed by hand (examples/seed-NNN.report.json).
import { readFileSync } from 'node:fs';
import { parseReport, type Report, type Template } from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';

export const registry = nodeRegistry();
export const template: Template = registry.get('gov-info-2008')!;

export const SEEDS = [
  { id: '000', file: '000_4a8c9713e78dce2f.txt', year: 2018 },
  { id: '001', file: '001_ea2d11bfa97f555c.txt', year: 2018 },
  { id: '004', file: '004_5aaa9839169bd157.txt', year: 2017 },
] as const;

export const seedText = (file: string): string => readFileSync(new URL(`../fixtures/seeds/${file}`, import.meta.url), 'utf8');

/** The hand transcription, validated against the template's report schema. */
export function transcription(id: string): Report {
  const json: unknown = JSON.parse(readFileSync(new URL(`../../examples/seed-${id}.report.json`, import.meta.url), 'utf8'));
  const parsed = parseReport(json, (t) => registry.get(t));
  if (!parsed.ok) throw new Error(`seed-${id}: ${JSON.stringify(parsed.problems)}`);
  return parsed.report;
}
