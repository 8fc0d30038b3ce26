// Selecting a sentence a finding is about in its text box. The finding's range was right for the
// text it was checked on; the clerk may have typed since (and a list of findings whose messages did
// not change is kept as it was), so the sentence is looked for nearest that range.
import type { Finding } from '../../core';

/** The sentence a finding marks (R29 and R11 put it in their params), or null. */
export function sentenceOf(f: Finding): string | null {
  const s = f.params.sentence;
  return f.range && typeof s === 'string' && s ? s : null;
}

/** Where the sentence is in `value` now: at the range when still there, else its occurrence nearest to it. */
export function locate(value: string, sentence: string, range: [number, number]): [number, number] | null {
  if (value.slice(range[0], range[1]) === sentence) return range;
  let best = -1;
  for (let i = value.indexOf(sentence); i >= 0; i = value.indexOf(sentence, i + 1)) {
    if (best < 0 || Math.abs(i - range[0]) < Math.abs(best - range[0])) best = i;
  }
  return best < 0 ? null : [best, best + sentence.length];
}

/** Select the finding's sentence in a focused text box; false when it is not a text box or the sentence is gone. */
export function selectSentence(el: Element | null, f: Finding): boolean {
  const sentence = sentenceOf(f);
  if (!(el instanceof HTMLTextAreaElement) || !sentence || !f.range) return false;
  const at = locate(el.value, sentence, f.range);
  if (!at) return false;
  el.focus();
  el.setSelectionRange(at[0], at[1]);
  return true;
}
