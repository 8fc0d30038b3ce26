// The narrative of a published report: which paragraph is a section or part heading of the
// template (tolerant of reworded headings), and patterns made from the template's title, preface
// and fee sentence to read organ, year, contact and the 信息处理费 facts back.
import type { Template } from '../core';
import { NUMBERING, normalizeLabel, similarity } from './match-labels';

/** Web copies keep Markdown bold markers (**…**) that the published page showed as bold. */
export const stripMarkup = (s: string): string => s.replace(/\*\*/g, '');

// ---- narrative ------------------------------------------------------------------------------

export interface Heading {
  slot: string;
  numbering: string;
  core: string;
  level: 1 | 2;
  section: string;
}

export function headingsOf(template: Template): Heading[] {
  const out: Heading[] = [];
  const split = (label: string) => {
    const n = normalizeLabel(label);
    const num = NUMBERING.exec(n)?.[1] ?? '';
    return { numbering: num, core: n.slice(num.length) };
  };
  for (const s of template.spec.sections) {
    out.push({ slot: s.id, ...split(s.label), level: 1, section: s.id });
    for (const p of s.parts ?? []) out.push({ slot: `${s.id}.${p.id}`, ...split(p.label), level: 2, section: s.id });
  }
  return out;
}

/** Does a paragraph (or its first sentence) name this heading? Returns the rest of the paragraph. */
export function isHeading(text: string, h: Heading): { rest: string; exact: boolean } | null {
  const first = /^(.{2,60}?)[。：:]\s*(.*)$/s.exec(text);
  const options = [{ head: text, rest: '' }];
  if (first) options.push({ head: first[1]!, rest: first[2]! });
  for (const o of options) {
    const n = normalizeLabel(o.head);
    if (n.length > h.numbering.length + h.core.length + 12) continue;
    const num = NUMBERING.exec(n)?.[1] ?? '';
    if (num !== h.numbering) continue;
    const core = n.slice(num.length);
    if (!core) continue;
    if (core === h.core) return { rest: o.rest, exact: true };
    if (core.includes(h.core) || h.core.includes(core) || similarity(core, h.core) >= 0.5) return { rest: o.rest, exact: false };
  }
  return null;
}

export function titleRegex(template: Template): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = template.spec.title.split(/(\{organ\}|\{year\})/);
  const body = parts
    .map((p) => (p === '{organ}' ? '(?<organ>[^，。,；;：:“”《》〔〕［］【】]{2,40}?)' : p === '{year}' ? '(?<year>\\d{4})' : esc(normalizeLabel(p))))
    .join('');
  return new RegExp(`^${body}$`);
}

export function prefaceRegex(template: Template): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const seen = new Set<string>();
  const body = template.spec.preface.default.split(/(\{[a-zA-Z]+\})/).map((p) => {
    const m = /^\{([a-zA-Z]+)\}$/.exec(p);
    if (!m) return esc(p);
    if (seen.has(m[1]!)) return `\\k<${m[1]}>`;
    seen.add(m[1]!);
    return `(?<${m[1]}>[^\\n]*?)`;
  });
  return new RegExp(`^${body.join('')}$`);
}

/**
 * 发文字号 (GB/T 9704-2012 7.2.4): 机关代字, the year in 〔〕 and the number, e.g. 莘政文〔2020〕5号.
 * Printed above the title; not part of the title nor of the report's text. Web copies use other
 * brackets ([], ［］, 【】, （）) for 〔〕.
 */
export const DOC_NUMBER = /^[\u4e00-\u9fffA-Za-z]{1,16}[〔［【（[](?:19|20)\d{2}[〕］】）\]]第?\d{1,6}号$/;

export const DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

export function feeRegex(sentence: string): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const n = normalizeLabel(sentence);
  const first = n.search(/\{[a-zA-Z]+\}/);
  const body = n.slice(Math.max(0, first)).split(/(\{[a-zA-Z]+\})/).map((p) => {
    if (p === '{year}') return '\\d{4}';
    const m = /^\{([a-zA-Z]+)\}$/.exec(p);
    return m ? `(?<${m[1]}>[\\d.,]+)` : esc(p);
  });
  // Start at the first fact after the year: the wording before it varies.
  return new RegExp(body.join('').replace(/^\\d\{4\}/, ''));
}

