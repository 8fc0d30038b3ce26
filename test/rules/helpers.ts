// Shared by the rule-family tests: the consistent busy report, a published variant of it, and
// real wording read from the corpus copy (so a quote in a test is proven to be real).
import { readFileSync, readdirSync } from 'node:fs';
import { checkReport, type CheckOptions, type Finding, type Report, type ReportSource } from '../../src/core';
import { busy, template } from '../core/fixtures';

export { busy, template };

const CORPUS = new URL('../fixtures/corpus/', import.meta.url);
const SEEDS = new URL('../fixtures/seeds/', import.meta.url);

/** Every real report's text (corpus and seeds), by file name. */
export function realTexts(): { file: string; text: string }[] {
  const read = (dir: URL) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt') && /^\d/.test(f))
      .map((file) => ({ file, text: readFileSync(new URL(file, dir), 'utf8') }));
  return [...read(CORPUS), ...read(SEEDS)];
}

/** A passage of a real report, checked to be there verbatim. */
export function real(file: string, passage: string): string {
  const hit = realTexts().find((t) => t.file.startsWith(file));
  if (!hit?.text.includes(passage)) throw new Error(`${file} does not contain “${passage}”`);
  return passage;
}

export function published(r: Report = busy(), source: Partial<ReportSource> = {}): Report {
  return { ...r, source: { kind: 'published', form: 'text', ...source } };
}

export const findingsOf = (rule: string, r: Report, options: CheckOptions = {}): Finding[] =>
  checkReport(template, r, options).filter((f) => f.rule === rule);
