// How well the words after a numbering read as a section or part label, and where such a heading
// ends: the label's words close enough (fitLabel), a section due next in the unit's own words
// (dueFit, tailFit), a part heading as units word it (partFit, partEnd), and the words that still
// belong to a heading after the label's (wholeHeading, sectionEnd, headingTail). Used by sections.ts.
import { similarity } from './match-labels';

/** A heading's words as compared: no blanks or Markdown marks, one width of brackets. */
export const cleanHeading = (s: string) => s.replace(/[\s\u3000*#]+/g, '').replace(/[（(]/g, '（').replace(/[）)]/g, '）');

/** fitLabel's results within one splitSections call, by wording: a text that repeats a heading is read once per wording. */
let _fitMemo: Map<string, { score: number; length: number }> | null = null;
const FIT_MEMO_MAX = 20_000;

/** How well the words at `text[from…]` read as `core`: the best window's similarity and length. */
export function fitLabel(text: string, from: number, core: string): { score: number; length: number } {
  const key = _fitMemo ? `${core}\u0000${text.slice(from, from + core.length + 26)}` : '';
  const known = key ? _fitMemo!.get(key) : undefined;
  if (known) return known;
  const fit = _fitWords(text, from, core);
  if (key && _fitMemo!.size < FIT_MEMO_MAX) _fitMemo!.set(key, fit);
  return fit;
}

function _fitWords(text: string, from: number, core: string): { score: number; length: number } {
  let best = { score: 0, length: 0 };
  const words = cleanHeading(text.slice(from, from + core.length + 24));
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
export function tailFit(text: string, from: number, core: string, words: Record<string, string>): { score: number; length: number } {
  const printed = cleanHeading(text.slice(from, from + core.length + 12));
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
export function dueFit(text: string, from: number, core: string, headingWords: Record<string, string>): { score: number; length: number } {
  const all = cleanHeading(text.slice(from, from + core.length + 12));
  // Digits or a sentence's end are the text (a row of grid 三 numbered like a section, its digits run on, is the grid's).
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
export function wholeHeading(text: string, at: number, end: number, core: string): number {
  const ending = core.slice(-2);
  if (cleanHeading(text.slice(at, end)).endsWith(ending)) return end;
  for (let k = 1; k <= 10 && end + k <= text.length; k++) {
    if (/[\s\u3000。：:，,；;\d（(]/.test(text[end + k - 1]!)) break;
    if (cleanHeading(text.slice(at, end + k)).endsWith(ending)) return end + k;
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
export function sectionEnd(text: string, end: number): number {
  const more = SECTION_MORE.exec(text.slice(end));
  return more ? end + more[0].length : end;
}

/** Words after a matched heading that still belong to it ("（一）主动公开方面。"). */
export function headingTail(text: string, at: number): number {
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
export function partEnd(text: string, at: number, end: number, core: string): number {
  const rest = text.slice(end);
  const closing = PART_END.exec(rest);
  if (closing) return end + closing[0].length;
  const colon = PART_COLON.exec(rest);
  if (colon) return end + colon[0].length;
  if (new RegExp(`(?:${core.slice(-2)}|情况|方面)$`).test(cleanHeading(text.slice(at, end)))) return end;
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
export function partFit(text: string, from: number, core: string): { score: number; length: number } {
  const words = cleanHeading(text.slice(from, from + core.length + 16));
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

/** Runs `read` with fitLabel's results kept by wording (one splitSections call). */
export function withFitMemo<T>(read: () => T): T {
  _fitMemo = new Map();
  try {
    return read();
  } finally {
    _fitMemo = null;
  }
}
