// Sentences of Chinese prose: split after 。！？； and line breaks, each with its offset, so a
// rule can quote the sentence a hit lies in and judge it whole (a comparison, a plan).
export interface Sentence {
  text: string;
  start: number;
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^。！？；!?\n]+[。！？；!?]*/g;
  for (const m of text.matchAll(re)) {
    const t = m[0].trim();
    if (t) out.push({ text: t, start: m.index + m[0].indexOf(t) });
  }
  return out;
}

/** The sentence around offset `at`. */
export function sentenceAt(text: string, at: number): string {
  return splitSentences(text).find((s) => at >= s.start && at < s.start + s.text.length)?.text ?? '';
}

/** A short quote around a hit, for a message: up to `radius` characters each side, within the sentence. */
export function quoteAround(text: string, at: number, length: number, radius = 8): string {
  const s = splitSentences(text).find((x) => at >= x.start && at < x.start + x.text.length);
  const from = Math.max(s?.start ?? 0, at - radius);
  const to = Math.min(s ? s.start + s.text.length : text.length, at + length + radius);
  return text.slice(from, to);
}

/** Compiles data patterns once, with the Unicode flag (\p{Script=Han} in templates). */
const _cache = new Map<string, RegExp>();
export function dataRegex(pattern: string, flags = 'gu'): RegExp {
  const key = `${flags}/${pattern}`;
  let re = _cache.get(key);
  if (!re) {
    re = new RegExp(pattern, flags);
    _cache.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}
