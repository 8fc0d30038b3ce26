// composeDocument: the finished report as a list of blocks (title, headings, paragraphs, grids,
// signature). The HTML preview and the .docx renderer both draw exactly this list, so what the
// clerk previews is what gets published.
import type { Template } from '../template/load';
import type { CellId, ResolvedGrid } from '../template/resolve';
import { fillMessage, formatDate } from '../rules/finding';
import { computeValues } from './compute';
import { prefaceText } from './create';
import type { Report } from './schema';

export interface Run {
  text: string;
  bold?: boolean;
}

/** Heading levels follow the numbering of GB/T 9704: 一、 → 1, （一） → 2, 1. → 3. */
export type DocBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2; text: string; /** An attachment's heading starts a new page. */ pageBreak?: true }
  | { kind: 'paragraph'; runs: Run[]; level: 0 | 3 }
  | { kind: 'grid'; grid: ResolvedGrid; values: ReadonlyMap<CellId, number | null> }
  | { kind: 'signature'; organ: string; date: string };

const LEVEL_1 = /^[一二三四五六七八九十]+、/;
const LEVEL_2 = /^[（(][一二三四五六七八九十]+[）)]/;
const LEVEL_3 = /^\d+[.．、]/;

/** One narrative paragraph → a block; numbered lines become headings or bold leads. */
export function paragraphBlock(line: string): DocBlock {
  const text = line.trim();
  if (LEVEL_1.test(text) && text.length <= 40 && !/[。；]/.test(text.slice(0, -1))) return { kind: 'heading', level: 1, text };
  if (LEVEL_2.test(text)) {
    // A short numbered line is a heading; a long one keeps its first sentence as the heading.
    const end = text.search(/[。；]/);
    if (end < 0 || end === text.length - 1) return { kind: 'heading', level: 2, text };
  }
  if (LEVEL_3.test(text)) {
    const end = text.search(/[。；：]/);
    if (end > 0 && end < 40) return { kind: 'paragraph', level: 3, runs: [{ text: text.slice(0, end + 1), bold: true }, { text: text.slice(end + 1) }].filter((r) => r.text) };
    return { kind: 'paragraph', level: 3, runs: [{ text, bold: true }] };
  }
  return { kind: 'paragraph', level: 0, runs: [{ text }] };
}

export function splitParagraphs(text: string | undefined): string[] {
  return (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

export function titleText(template: Template, report: Report): string {
  return fillMessage(template.spec.title, { organ: report.organ.titleName || report.organ.name, year: report.year });
}

/** The standard 信息处理费 sentence, or '' when the facts are not given yet. */
export function feeSentence(template: Template, report: Report): string {
  const { fee } = report;
  const s = template.spec.fee.sentences;
  if (fee.status === 'none') return fillMessage(s.none, { year: report.year });
  if (fee.status === 'collected') {
    return fillMessage(s.collected, {
      year: report.year,
      notices: fee.notices ?? '',
      amount: fee.amount ?? '',
      collectedAmount: fee.collectedAmount ?? '',
    });
  }
  return '';
}

export function composeDocument(template: Template, report: Report): DocBlock[] {
  const values = computeValues(template, report);
  const blocks: DocBlock[] = [{ kind: 'title', text: titleText(template, report) }];
  const preface = report.narrative.preface?.trim() ? report.narrative.preface : prefaceText(template, report);
  blocks.push(...splitParagraphs(preface).map(paragraphBlock));
  const attachments = template.spec.sections.filter((s) => s.attachment);
  for (const section of template.spec.sections.filter((s) => !s.attachment)) {
    blocks.push({ kind: 'heading', level: 1, text: section.label });
    blocks.push(...splitParagraphs(report.narrative[section.id]).map(paragraphBlock));
    for (const part of section.parts ?? []) {
      blocks.push({ kind: 'heading', level: 2, text: part.label });
      blocks.push(...splitParagraphs(report.narrative[`${section.id}.${part.id}`]).map(paragraphBlock));
    }
    for (const gridId of section.grids ?? []) blocks.push({ kind: 'grid', grid: template.grid(gridId), values });
    if (section.fee) {
      const sentence = feeSentence(template, report);
      const text = report.narrative[section.id] ?? '';
      // An imported report already states it in its own words; do not say it twice.
      if (sentence && !text.includes(template.spec.fee.label)) blocks.push(paragraphBlock(sentence));
    }
  }
  blocks.push({ kind: 'signature', organ: report.organ.name, date: report.dates.written ? formatDate(report.dates.written) : '' });
  // Attachments (the pre-2019 统计表) follow the signature, each on a page of its own.
  for (const section of attachments) {
    blocks.push({ kind: 'heading', level: 1, text: section.label, pageBreak: true });
    blocks.push(...splitParagraphs(report.narrative[section.id]).map(paragraphBlock));
    for (const gridId of section.grids ?? []) blocks.push({ kind: 'grid', grid: template.grid(gridId), values });
  }
  return blocks;
}

/** The text a cell shows in the finished document: the number, or nothing for a blank. */
export const cellText = (v: number | null | undefined): string => (v == null ? '' : String(v));
