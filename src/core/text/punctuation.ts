// ASCII punctuation inside Chinese sentences (我局,坚持; (一)), which GB/T 15834 writes full
// width. A mark with no Chinese on either side belongs to a URL, an e-mail address, a number
// (1,000 · 3.5), a time (10:30) or a date; a full stop after a digit numbers an item (1.属于).
import type { Hit } from './doubled';

const HAN = /\p{Script=Han}/u;
const CJK_PUNCT = /[\u3000-\u303f\uff00-\uffef“”‘’《》、]/u;
const chinese = (ch: string | undefined) => !!ch && (HAN.test(ch) || CJK_PUNCT.test(ch));

/** Characters around `at`, skipping spaces. */
function _neighbour(text: string, at: number, step: 1 | -1): string | undefined {
  for (let i = at + step; i >= 0 && i < text.length; i += step) if (!/\s/.test(text[i]!)) return text[i];
  return undefined;
}

export function findAsciiPunctuation(text: string, marks: string): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!marks.includes(ch)) continue;
    const before = _neighbour(text, i, -1);
    const after = _neighbour(text, i, 1);
    // A mark between two non-Chinese characters belongs to a number, a code or an address.
    if (!chinese(before) && !chinese(after)) continue;
    // A full stop after a digit numbers an item (1.属于), one after a letter ends an abbreviation.
    if (ch === '.' && before && /[\w]/.test(before)) continue;
    // Parentheses around Latin text, a number or an address ((PDF), (https://…)) are fine.
    if ((ch === '(' || ch === ')') && _latinParenthesis(text, i)) continue;
    // < > stand in for the inner title marks 〈〉 (印发<…>的通知); alone they compare numbers.
    if ((ch === '<' || ch === '>') && !_angleTitle(text, i)) continue;
    hits.push({ index: i, length: 1, match: ch });
  }
  return hits;
}

/** "(PDF)", "(https://…)": a parenthesis pair enclosing no Chinese, only Latin text, a number or an address. */
function _latinParenthesis(text: string, at: number): boolean {
  const open = text[at] === '(' ? at : text.lastIndexOf('(', at);
  const close = text.indexOf(')', open);
  if (open < 0 || close < 0 || close < at || close - open > 120) return false;
  const inside = text.slice(open + 1, close);
  return inside.trim() !== '' && !/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(inside);
}

/** "<政府信息公开信息处理费管理办法>": an angle pair enclosing Chinese, used as a title mark. */
function _angleTitle(text: string, at: number): boolean {
  const open = text[at] === '<' ? at : text.lastIndexOf('<', at);
  const close = text.indexOf('>', at);
  if (open < 0 || close < 0 || close - open > 80) return false;
  const inside = text.slice(open + 1, close);
  return !/[<>]/.test(inside) && /\p{Script=Han}/u.test(inside);
}
