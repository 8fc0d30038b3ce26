// Sections and parts by their headings, wherever they stand: on a line of their own, as Markdown,
// or in the middle of a report that arrived as one line (a heading run into the sentence before and after it).
// A heading is a numbering (一、 / （一）) followed by words close to a section or part label of
// the template; a report in a local layout (五 and 六 swapped, a heading reworded) lands where its
// headings say. Numbered lines that match no label stay text.
import type { Template } from '../core';
import { similarity } from './match-labels';
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

const _clean = (s: string) => s.replace(/[\s\u3000*#]+/g, '').replace(/[（(]/g, '（').replace(/[）)]/g, '）');

function _labels(template: Template): Label[] {
  const out: Label[] = [];
  const split = (label: string) => {
    const n = _clean(label);
    const m = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.exec(n);
    return { numbering: m?.[1] ?? '', core: n.slice(m?.[1]?.length ?? 0) };
  };
  for (const s of template.spec.sections) {
    out.push({ slot: s.id, section: s.id, level: 1, ...split(s.label) });
    for (const p of s.parts ?? []) out.push({ slot: `${s.id}.${p.id}`, section: s.id, level: 2, ...split(p.label) });
  }
  return out;
}

/** _fit's results within one splitSections call, by wording: a text that repeats a heading is read once per wording. */
let _fitMemo: Map<string, { score: number; length: number }> | null = null;
const FIT_MEMO_MAX = 20_000;

/** How well the words at `text[from…]` read as `core`: the best window's similarity and length. */
function _fit(text: string, from: number, core: string): { score: number; length: number } {
  const key = _fitMemo ? `${core}\u0000${text.slice(from, from + core.length + 26)}` : '';
  const known = key ? _fitMemo!.get(key) : undefined;
  if (known) return known;
  const fit = _fitWords(text, from, core);
  if (key && _fitMemo!.size < FIT_MEMO_MAX) _fitMemo!.set(key, fit);
  return fit;
}

function _fitWords(text: string, from: number, core: string): { score: number; length: number } {
  let best = { score: 0, length: 0 };
  const words = _clean(text.slice(from, from + core.length + 24));
  // Most numbered places are not headings: one look at the whole stretch rules them out.
  if (similarity(words.slice(0, core.length + 10), core) < 0.3) return best;
  const rawEnd = _rawEnd(text, from);
  // A heading never runs on over the end of a sentence, into brackets, digits or an ordinal (第二十条).
  const stop = /[。：:；;（\d]|第[一二三四五六七八九十]/.exec(words)?.index ?? words.length;
  // A heading shorter than the label by more than a few words is still looked at, whole.
  for (let len = Math.max(2, Math.min(core.length - 6, stop)); len <= Math.min(stop, core.length + 10); len++) {
    const w = words.slice(0, len);
    // A shortened heading ("（四）平台建设" for 政府信息公开平台建设) is the label's tail or head,
    // when it ends where a heading ends (not mid-sentence, where the full wording may follow).
    const ends = /^([\s\u3000。：:]|$)/.test(text.slice(rawEnd(len)));
    const part = ends && len >= 4 && (core.endsWith(w) || core.startsWith(w)) ? 0.6 + (0.3 * len) / core.length : 0;
    const score = w === core ? 1.01 : w.startsWith(core) ? 0.99 - (len - core.length) * 0.01 : Math.max(part, similarity(w, core));
    // Of near windows, the one as long as the label: "…改进措施" is the heading, not "…改进".
    if (score - 0.05 * Math.abs(len - core.length) > best.score - 0.05 * Math.abs(best.length - core.length)) best = { score, length: len };
  }
  return { score: best.score, length: rawEnd(_label(words.slice(0, best.length), core)) - from };
}

/**
 * A window as long as the label can take in the text's first words when the heading stops short
 * ("四、政府信息公开行政复议、行政诉讼" + "行政复议 行政诉讼…" of the grid's header): the heading is the
 * label's words it prints, unless what follows them ends as headings end ("…及改进" + "措施").
 */
function _label(w: string, core: string): number {
  let p = 0;
  while (p < w.length && w[p] === core[p]) p++;
  const closes = (rest: string) => /情况|事项|措施|问题|概述|工作|方面|计划|打算/.test(rest);
  // A heading never ends on a joining word ("…问题及" + "明年工作").
  if (p < w.length && p >= Math.max(6, core.length - 4) && !closes(w.slice(p)) && !/[及和与、]$/.test(w.slice(0, p))) return p;
  // Past the label's last word into words that close no heading ("…行政诉讼情况" + "行政复议…").
  const last = w.lastIndexOf(core.slice(-2));
  return last >= 0 && last + 2 < w.length && !closes(w.slice(last + 2)) ? last + 2 : w.length;
}

/** A heading in the words units use for the label's ("…和改进措施" → "…及改进情况"). */
const _inWords = (s: string, words: Record<string, string>) => Object.entries(words).reduce((t, [from, to]) => t.split(from).join(to), s);

/**
 * A section under another number, printed without the label's leading words (a unit that left out
 * a section numbers the rest down: 2008's 六、政府信息公开工作存在的主要问题及改进情况 printed
 * "五、存在的主要问题和改进措施"): the words up to where a heading ends are the label's last words,
 * read with `importHints.headingWords`, as closely as a misnumbered heading must be.
 */
function _tailFit(text: string, from: number, core: string, words: Record<string, string>): { score: number; length: number } {
  const printed = _clean(text.slice(from, from + core.length + 12));
  const stop = /[。：:；;，,\d]/.exec(printed)?.index ?? printed.length;
  const label = _inWords(core, words);
  // The label's last words begin somewhere in it: most numbered places are ruled out at once.
  if (!label.includes(_inWords(printed.slice(0, 2), words))) return { score: 0, length: 0 };
  for (const m of printed.slice(0, stop).matchAll(HEADING_END)) {
    const len = m.index + m[0].length;
    if (len < 8 || len > core.length) continue;
    const w = _inWords(printed.slice(0, len), words);
    const score = similarity(w, label.slice(-w.length));
    if (score >= 0.8) return { score, length: _rawEnd(text, from)(len) - from };
  }
  return { score: 0, length: 0 };
}

/** Maps a length of cleaned text from `from` back to the raw text's end. */
function _rawEnd(text: string, from: number) {
  return (len: number) => {
    let raw = from;
    for (let seen = 0; raw < text.length && seen < len; raw++) if (!/[\s\u3000*#]/.test(text[raw]!)) seen++;
    return raw;
  };
}

/** How headings end: the label's own last words, or the endings real headings reword them with. */
const HEADING_END = /(?:情况|事项|措施|问题|概述)/g;

/**
 * The section due next, under its own number, in the words a unit chose ("六、需要说明的其他事项"
 * for 其他需要报告的事项): the heading is the shortest stretch ending as headings end, a little
 * like the label (what follows is the section's text, so no more of it is taken).
 */
function _dueFit(text: string, from: number, core: string, headingWords: Record<string, string>): { score: number; length: number } {
  const all = _clean(text.slice(from, from + core.length + 12));
  // Digits or a sentence's end are the text ("四、结转下年度继续办理0000000…" is a grid's row).
  const words = all.slice(0, /[。：:；;，,\d]/.exec(all)?.index ?? all.length);
  const ending = core.slice(-2);
  for (const m of words.matchAll(HEADING_END)) {
    const len = m.index + m[0].length;
    const w = words.slice(0, len);
    // A heading of one word ("一、概述") only where the line or sentence ends after it.
    const alone = len === 2 && len === words.length && (len < all.length || text.slice(_rawEnd(text, from)(len)).trim() === '');
    if (!w.endsWith(ending) && w.length < 4 && !alone) continue;
    // Ending in the label's very words is the heading, however it is qualified ("一、年度政府信息公开工作概述").
    // Read also in the words units use for the label's (总体情况 for 概述).
    const like = Math.max(similarity(w, core), similarity(_inWords(w, headingWords), _inWords(core, headingWords)));
    const score = w === core ? 1.01 : w.endsWith(core) || alone ? Math.max(0.55, like) : like;
    if (score >= 0.3) return { score, length: _rawEnd(text, from)(len) - from };
  }
  return { score: 0, length: 0 };
}

/**
 * The closest window can stop short of a reworded heading's last words when the text runs on
 * ("…行政诉讼情" + "况2023年…", "…及改进" + "情况（一）…"): the heading goes on to where the
 * label's ending (情况, 措施) is printed, a few characters later at most.
 */
function _whole(text: string, at: number, end: number, core: string): number {
  const ending = core.slice(-2);
  if (_clean(text.slice(at, end)).endsWith(ending)) return end;
  for (let k = 1; k <= 10 && end + k <= text.length; k++) {
    if (/[\s\u3000。：:，,；;\d（(]/.test(text[end + k - 1]!)) break;
    if (_clean(text.slice(at, end + k)).endsWith(ending)) return end + k;
  }
  return end;
}

/**
 * Words that close a heading after 及/和/与 ("…问题" + "及改进措施", "…事项" + "与附表"), or a
 * heading word that never opens a sentence ("总体情况" + "概述", "…情况" + "统计", "…明年工作" +
 * "计划"; "问题甲。" is text).
 */
const SECTION_MORE = /^(?:[及和与][^\s\u3000。：:，,；;、\d（(]{0,4}?(?:情况|事项|措施|问题|概述|附表)|概述|统计|计划|打算)/;

/** Where a section's heading ends when words that close headings follow the label's. */
function _sectionEnd(text: string, end: number): number {
  const more = SECTION_MORE.exec(text.slice(end));
  return more ? end + more[0].length : end;
}

/** Words after a matched heading that still belong to it ("（一）主动公开方面。"). */
function _tail(text: string, at: number): number {
  const m = /^(方面|情况|工作|问题|措施|事项|建设|制度)[。：:]/.exec(text.slice(at));
  if (m) return m[0].length;
  const p = /^[。：:]/.exec(text.slice(at));
  return p ? 1 : 0;
}

/** Words that close a part's heading as units print it ("…办理情况", "…建设方面"). */
const PART_END = /^[^\s\u3000\d０-９。：:，,；;、（(）)“”《》]{0,8}?(?:情况|方面)/;
/** A heading's own sentence, run into the text after it ("（四）加强政府信息公开平台日维护力度。", "（二）主动公开渠道优化："). */
const PART_SENTENCE = /^[^\s\u3000\d０-９。：:，,；;、（(）)“”《》]{1,8}(?=[。：:])/;
const PART_COLON = /^[^\s\u3000\d０-９。：:，,；;、（(）)“”《》]{1,8}(?=[：:])/;

/**
 * Where a part's heading ends when the text runs on after the label's words: a part heading goes on
 * to the 情况 or 方面 that closes it a few words later ("（一）主动公开" + "政府信息的情况",
 * "（二）依申请公开" + "办理情况"); one that stopped short of its label's last word goes on to the
 * end of its sentence ("…平台" + "日维护力度。"); words up to a colon are the heading's ("主动公开" +
 * "渠道优化："). Digits, punctuation or a longer stretch are the text.
 */
function _partEnd(text: string, at: number, end: number, core: string): number {
  const rest = text.slice(end);
  const closing = PART_END.exec(rest);
  if (closing) return end + closing[0].length;
  const colon = PART_COLON.exec(rest);
  if (colon) return end + colon[0].length;
  if (new RegExp(`(?:${core.slice(-2)}|情况|方面)$`).test(_clean(text.slice(at, end)))) return end;
  const sentence = PART_SENTENCE.exec(rest);
  return sentence ? end + sentence[0].length : end;
}

/** The longest run of characters `a` and `b` share. */
function _shared(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) {
    let k = 0;
    while (a[i + k] !== undefined && a[i + k] === b[j + k]) k++;
    if (k > best) best = k;
  }
  return best;
}

/**
 * A part under its own number in the unit's own words ("（四）平台建设方面", "（四）公开平台阵地建设情况",
 * "（一）积极做好政府信息主动公开。"): the words up to where the heading ends (the label's last word,
 * 情况 or 方面, or the end of its sentence) share four characters running with the label and print
 * its last word. "（四）健全信息公开机制" (no 建设) is not the 平台建设 part.
 */
function _partFit(text: string, from: number, core: string): { score: number; length: number } {
  const words = _clean(text.slice(from, from + core.length + 16));
  const last = core.slice(-2);
  const stop = /[。：:，,；;\d]/.exec(words)?.index ?? words.length;
  for (let len = 4; len <= Math.min(stop, core.length + 10); len++) {
    const w = words.slice(0, len);
    const closes = w.endsWith(last) || /(?:情况|方面)$/.test(w) || len === stop;
    if (!closes || !w.includes(last) || _shared(w, core) < Math.min(4, core.length)) continue;
    return { score: Math.max(0.56, similarity(w, core)), length: _rawEnd(text, from)(len) - from };
  }
  return { score: 0, length: 0 };
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
  _fitMemo = new Map();
  try {
    return _split(items, template, options);
  } finally {
    _fitMemo = null;
  }
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
    const bare = _clean(text).replace(/[。：:]$/, '');
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
      const end = hit.end + _tail(text, hit.end);
      seen.add(hit.label.slot);
      if (hit.label.level === 1) lastNumber = _value(hit.numbering) ?? lastNumber;
      slot = hit.label.slot;
      section = hit.label.section;
      const printed = text.slice(i, end).replace(/[。：:]$/, '').trim();
      const found: HeadingFound = {
        slot,
        printed,
        misnumbered: hit.numbering !== hit.label.numbering,
        reworded: _clean(text.slice(i + hit.numberingLength, end)).replace(/[。：:]$/, '') !== hit.label.core,
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
    const fit = _fit(text, at, label.core);
    if (fit.score < Math.max(0.8, taken.score + 0.3)) continue;
    const numbering = _clean(m[0]).replace(/[.．，]$/, '、');
    return { label, score: fit.score, end: _sectionEnd(text, _whole(text, at, at + fit.length, label.core)), numbering, numberingLength: m[0].length };
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
    const numbering = _clean(m[0]).replace(/[.．，]$/, '、').replace(/、$/, level === 1 ? '、' : '');
    const at = i + m[0].length;
    let best: { label: Label; score: number; end: number } | null = null;
    const next = level === 1 ? _nextSection(labels, seen, section) : undefined;
    for (const l of labels) {
      if (l.level !== level || seen.has(l.slot)) continue;
      if (level === 2 && l.section !== section) continue;
      // Same numbering: a reworded heading will do; another numbering needs the same words. The
      // section due next under its own number may be worded freely ("六、需要说明的其他事项").
      const need = numbering === l.numbering ? 0.55 : 0.8;
      const close = _fit(text, at, l.core);
      const own = numbering === l.numbering;
      const fit =
        close.score >= need ? close
        : own && l === next ? _dueFit(text, at, l.core, words)
        : own && level === 2 ? _partFit(text, at, l.core)
        : !own && level === 1 ? _tailFit(text, at, l.core, words)
        : null;
      if (fit && fit.score > 0 && (!best || fit.score > best.score)) best = { label: l, score: fit.score, end: at + fit.length };
    }
    if (level === 1) {
      const n = _value(numbering);
      const shifted = !!next && n !== null && Math.abs(n - (_value(next.numbering) ?? 0)) === 1 ? next : undefined;
      const rival = _rival(text, at, labels, best, lastNumber > 0 && n === lastNumber + 1, shifted);
      if (rival && seen.has(rival.label.slot)) {
        if (_clean(text.slice(at, at + 8)).startsWith(rival.label.core.slice(0, 4))) return null;
      } else if (rival) best = rival;
    }
    if (!best) continue;
    const whole = _whole(text, at, best.end, best.label.core);
    return { ...best, end: level === 2 ? _partEnd(text, at, whole, best.label.core) : _sectionEnd(text, whole), numbering, numberingLength: m[0].length };
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
    const fit = _fit(text, at, l.core);
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
    const fit = _fit(text, at, l.core);
    if (fit.score >= 0.99) return { label: l, score: fit.score, end: _sectionEnd(text, _whole(text, at, at + fit.length, l.core)), numbering: m[0], numberingLength: m[0].length };
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
