// Sections and parts by their headings, wherever they stand: on a line of their own, as Markdown,
// or in the middle of a report that arrived as one line (a heading run into the sentence before and after it).
// A heading is a numbering (一、 / （一）) followed by words close to a section or part label of
// the template; a report in a local layout (五 and 六 swapped, a heading reworded) lands where its
// headings say. Numbered lines that match no label stay text.
import type { Template } from '../core';
import { cleanHeading, dueFit, fitLabel, headingTail, partEnd, partFit, sectionEnd, tailFit, wholeHeading, withFitMemo } from './heading-fit';
import type { SourceCell } from './source';

export type Item = { kind: 'text'; text: string } | { kind: 'table'; rows: SourceCell[][]; exactColumns?: boolean };

export interface Piece {
  /** Text slot (section id, or section.part) the piece belongs to; 'preface' before 一. */
  slot: string;
  /** The section the piece is in (null before the first heading). */
  section: string | null;
  item: Item;
}

export interface HeadingFound {
  slot: string;
  printed: string;
  /** Printed numbering differs from the template's (a local layout). */
  misnumbered: boolean;
  /** Printed words differ from the template's label. */
  reworded: boolean;
}

interface Label {
  slot: string;
  section: string;
  level: 1 | 2;
  numbering: string;
  core: string;
}

const NUM1 = /[一二三四五六七八九十]{1,3}[、.．，]/y;
const NUM2 = /[（(][一二三四五六七八九十]{1,2}[）)][、.．]?/y;


function _labels(template: Template): Label[] {
  const out: Label[] = [];
  const split = (label: string) => {
    const n = cleanHeading(label);
    const m = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.exec(n);
    return { numbering: m?.[1] ?? '', core: n.slice(m?.[1]?.length ?? 0) };
  };
  for (const s of template.spec.sections) {
    out.push({ slot: s.id, section: s.id, level: 1, ...split(s.label) });
    for (const p of s.parts ?? []) out.push({ slot: `${s.id}.${p.id}`, section: s.id, level: 2, ...split(p.label) });
  }
  return out;
}


export interface Sections {
  pieces: Piece[];
  headings: HeadingFound[];
}

export interface SectionOptions {
  /** Words units print in a section heading for the label's own (和 for 及, 措施 for 情况): `importHints.headingWords`. */
  headingWords?: Record<string, string>;
}

export function splitSections(items: Item[], template: Template, options: SectionOptions = {}): Sections {
  return withFitMemo(() => _split(items, template, options));
}

function _split(items: Item[], template: Template, options: SectionOptions): Sections {
  const labels = _labels(template);
  const words = options.headingWords ?? {};
  const seen = new Set<string>();
  const pieces: Piece[] = [];
  const headings: HeadingFound[] = [];
  let slot = 'preface';
  let section: string | null = null;
  // The number the report printed on its last section heading: the next one it prints is its sequel.
  let lastNumber = 0;
  // Sections taken on loosely fitting words, which a later heading in the label's own words takes over.
  const loose = new Map<string, Loose>();
  for (const item of items) {
    if (item.kind === 'table') {
      pieces.push({ slot, section, item });
      continue;
    }
    const text = item.text;
    // A line that is a label's words without their number ("总体情况"): that heading, unnumbered.
    const bare = cleanHeading(text).replace(/[。：:]$/, '');
    const plain = labels.find((l) => !seen.has(l.slot) && l.core === bare && (l.level === 1 || l.section === section));
    if (plain) {
      seen.add(plain.slot);
      slot = plain.slot;
      section = plain.section;
      headings.push({ slot, printed: text.trim(), misnumbered: true, reworded: false });
      continue;
    }
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (!/[一二三四五六七八九十（(]/.test(ch)) continue;
      const before = text[i - 1] ?? '';
      if (before === '第' || /[一二三四五六七八九十]/.test(before)) continue;
      // Taking a section over is looked for only where a heading can start: a line's or sentence's start, after a grid's numbers.
      const over = loose.size && /^$|[\s\u3000。；;：:）)\d]/.test(before) ? _takeover(text, i, labels, loose) : null;
      const hit: Hit | null = over ?? _heading(text, i, labels, seen, section, words, lastNumber);
      if (!hit) continue;
      // A list of the sections in the preface ("本报告包括：" followed by the numbered headings) is not their headings.
      if (/[；;，,、]/.test(before) || /^\s*[；;，,、]\s*[（(]?[一二三四五六七八九十]{1,2}[、）)]/.test(text.slice(hit.end))) continue;
      if (over) {
        const back = _giveBack(over.label.slot, loose, pieces, headings);
        if (section === over.label.section) [slot, section] = [back.slot, back.section];
      }
      const head = text.slice(from, i).trim();
      if (head) pieces.push({ slot, section, item: { kind: 'text', text: head } });
      const end = hit.end + headingTail(text, hit.end);
      seen.add(hit.label.slot);
      if (hit.label.level === 1) lastNumber = _value(hit.numbering) ?? lastNumber;
      slot = hit.label.slot;
      section = hit.label.section;
      const printed = text.slice(i, end).replace(/[。：:]$/, '').trim();
      const found: HeadingFound = {
        slot,
        printed,
        misnumbered: hit.numbering !== hit.label.numbering,
        reworded: cleanHeading(text.slice(i + hit.numberingLength, end)).replace(/[。：:]$/, '') !== hit.label.core,
      };
      headings.push(found);
      if (hit.label.level === 1 && hit.score < 0.8) loose.set(slot, { score: hit.score, heading: found, piece: pieces.length, back: _before(headings, found, labels) });
      from = end;
      i = end - 1;
    }
    const rest = text.slice(from).trim();
    if (rest) pieces.push({ slot, section, item: { kind: 'text', text: rest } });
  }
  return { pieces, headings };
}

interface Hit {
  label: Label;
  score: number;
  end: number;
  numbering: string;
  numberingLength: number;
}

interface Loose {
  score: number;
  heading: HeadingFound;
  /** Index of the section's first piece. */
  piece: number;
  /** The slot its text returns to when a later heading takes the section over. */
  back: { slot: string; section: string | null };
}

/** The slot before a heading: the last heading's above it, or the preface. */
function _before(headings: HeadingFound[], found: HeadingFound, labels: Label[]): Loose['back'] {
  const prev = headings[headings.indexOf(found) - 1];
  return prev ? { slot: prev.slot, section: labels.find((l) => l.slot === prev.slot)?.section ?? null } : { slot: 'preface', section: null };
}

/**
 * A heading in a section's own words ("五、依申请公开政府信息和不予公开政府信息情况") after an
 * earlier heading took that section on loosely fitting words ("三、重点领域政府信息公开情况", the
 * section due next under its own number): the later one is the section's heading.
 */
function _takeover(text: string, i: number, labels: Label[], loose: Map<string, Loose>): Hit | null {
  NUM1.lastIndex = i;
  const m = NUM1.exec(text);
  if (!m) return null;
  const at = i + m[0].length;
  for (const [slot, taken] of loose) {
    const label = labels.find((l) => l.slot === slot)!;
    const fit = fitLabel(text, at, label.core);
    if (fit.score < Math.max(0.8, taken.score + 0.3)) continue;
    const numbering = cleanHeading(m[0]).replace(/[.．，]$/, '、');
    return { label, score: fit.score, end: sectionEnd(text, wholeHeading(text, at, at + fit.length, label.core)), numbering, numberingLength: m[0].length };
  }
  return null;
}

/** The loose heading of `slot` goes back to being text of the section before it, with all that section's text. */
function _giveBack(slot: string, loose: Map<string, Loose>, pieces: Piece[], headings: HeadingFound[]): Loose['back'] {
  const taken = loose.get(slot)!;
  loose.delete(slot);
  headings.splice(headings.indexOf(taken.heading), 1);
  for (let k = taken.piece; k < pieces.length; k++) {
    const p = pieces[k]!;
    if (p.slot === slot || p.slot.startsWith(`${slot}.`)) pieces[k] = { ...p, slot: taken.back.slot, section: taken.back.section };
  }
  pieces.splice(taken.piece, 0, { ...taken.back, item: { kind: 'text', text: taken.heading.printed } });
  for (const other of loose.values()) if (other.piece > taken.piece) other.piece++;
  return taken.back;
}

function _heading(text: string, i: number, labels: Label[], seen: Set<string>, section: string | null, words: Record<string, string>, lastNumber: number): Hit | null {
  for (const [re, level] of [[NUM1, 1], [NUM2, 2]] as const) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) continue;
    const numbering = cleanHeading(m[0]).replace(/[.．，]$/, '、').replace(/、$/, level === 1 ? '、' : '');
    const at = i + m[0].length;
    let best: { label: Label; score: number; end: number } | null = null;
    const next = level === 1 ? _nextSection(labels, seen, section) : undefined;
    for (const l of labels) {
      if (l.level !== level || seen.has(l.slot)) continue;
      if (level === 2 && l.section !== section) continue;
      // Same numbering: a reworded heading will do; another numbering needs the same words. The
      // section due next under its own number may be worded freely ("六、需要说明的其他事项").
      const need = numbering === l.numbering ? 0.55 : 0.8;
      const close = fitLabel(text, at, l.core);
      const own = numbering === l.numbering;
      const fit =
        close.score >= need ? close
        : own && l === next ? dueFit(text, at, l.core, words)
        : own && level === 2 ? partFit(text, at, l.core)
        : !own && level === 1 ? tailFit(text, at, l.core, words)
        : null;
      if (fit && fit.score > 0 && (!best || fit.score > best.score)) best = { label: l, score: fit.score, end: at + fit.length };
    }
    if (level === 1) {
      const n = _value(numbering);
      const shifted = !!next && n !== null && Math.abs(n - (_value(next.numbering) ?? 0)) === 1 ? next : undefined;
      const rival = _rival(text, at, labels, best, lastNumber > 0 && n === lastNumber + 1, shifted);
      if (rival && seen.has(rival.label.slot)) {
        if (cleanHeading(text.slice(at, at + 8)).startsWith(rival.label.core.slice(0, 4))) return null;
      } else if (rival) best = rival;
    }
    if (!best) continue;
    const whole = wholeHeading(text, at, best.end, best.label.core);
    return { ...best, end: level === 2 ? partEnd(text, at, whole, best.label.core) : sectionEnd(text, whole), numbering, numberingLength: m[0].length };
  }
  return _bareHeading(text, i, labels, seen);
}

/**
 * A report that added or left out a section numbers the rest its own way (seed 004 prints 三 for a
 * 重点领域 section of its own, then 四、依申请公开…, 六、…行政复议…, 八、其它需要报告的事项). A
 * heading taken loosely under its own number ("四" for the fee section) whose words are clearly
 * another label's goes to that label; opening with the words of a label already found, it is
 * that section's text ("三、主动公开重点领域政府信息情况" under 二). A heading numbered as the sequel of the last one
 * printed needs its words only fairly close to a label's, and the section due next numbered one
 * off as close as under its own number.
 */
function _rival(text: string, at: number, labels: Label[], best: { score: number; label: Label } | null, sequel: boolean, shifted?: Label) {
  if (best && best.score >= 0.8) return null;
  let rival: { label: Label; score: number; end: number } | null = null;
  for (const l of labels) {
    // An attachment (附件：…统计表) is never a numbered section of the text.
    if (l.level !== 1 || l === best?.label || !l.numbering) continue;
    // The section due next, numbered one off (a section added or left out before it), as if its own number.
    const need = best ? Math.max(0.55, best.score + 0.15) : l === shifted ? 0.55 : sequel ? 0.65 : 1.1;
    if (need > 1) continue;
    const fit = fitLabel(text, at, l.core);
    if (fit.score >= need && (!rival || fit.score > rival.score)) rival = { label: l, score: fit.score, end: at + fit.length };
  }
  return rival;
}

const NUMERALS = '一二三四五六七八九';
/** The value of a section's numeral (一、 … 十九、), or null. */
function _value(numbering: string): number | null {
  const n = numbering.replace(/[、.．，]$/, '');
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(n);
  if (!m || !n) return null;
  const [, a, ten, b] = m;
  if (!ten) return a && !b ? NUMERALS.indexOf(a) + 1 : null;
  return (a ? NUMERALS.indexOf(a) + 1 : 1) * 10 + (b ? NUMERALS.indexOf(b) + 1 : 0);
}

const NUM0 = /[一二三四五六七八九十]{1,3}(?![、.．，])/y;

/**
 * A section's numeral run into the label's very words with no 、 ("…传真：23156377）。一总体情况2020年"),
 * where a sentence or line ends: that heading, its numbering mistyped (R27 says so).
 */
function _bareHeading(text: string, i: number, labels: Label[], seen: Set<string>): Hit | null {
  if (!/^$|[\s\u3000。；;：:）)]/.test(text[i - 1] ?? '')) return null;
  NUM0.lastIndex = i;
  const m = NUM0.exec(text);
  if (!m) return null;
  const at = i + m[0].length;
  for (const l of labels) {
    if (l.level !== 1 || seen.has(l.slot)) continue;
    const fit = fitLabel(text, at, l.core);
    if (fit.score >= 0.99) return { label: l, score: fit.score, end: sectionEnd(text, wholeHeading(text, at, at + fit.length, l.core)), numbering: m[0], numberingLength: m[0].length };
  }
  return null;
}

/** The section that follows the current one in the template, when it is not yet found. */
function _nextSection(labels: Label[], seen: Set<string>, section: string | null): Label | undefined {
  const sections = labels.filter((l) => l.level === 1);
  const at = section === null ? -1 : sections.findIndex((l) => l.section === section);
  const next = sections[at + 1];
  return next && !seen.has(next.slot) ? next : undefined;
}
