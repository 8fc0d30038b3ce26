// Line breaking as LibreOffice does it for Chinese text set in a fixed-width CJK face: every
// ideograph is one character wide, ASCII half, with a fifth of a character of space between an
// ideograph and an ASCII letter or digit (the default 中西文间距, measured in LibreOffice); a line
// breaks between any two characters, never before closing punctuation (、。，：；！？ hang past the
// margin instead) and never after opening punctuation. Widths are counted in tenths of a character.
import type { Run } from '../report/document';
import { CHAR, FIRST_LINE_INDENT, TEXT_WIDTH } from './gbt9704';

/** One line of a paragraph: its runs (a bold lead may end mid-line). */
export type LineRuns = Run[];

/** Closing punctuation: may not start a line (禁则). */
const NO_START = new Set('，。、；：？！）》」』】〕〗〉”’…·％‰．,.;:?!)]}｝-"\'');
/** The marks LibreOffice lets hang past the right margin instead of breaking before them. */
const HANGING = new Set('、。，．：；！？,.:;!?');
/** Opening punctuation: may not end a line. */
const NO_END = new Set('（《「『【〔〖〈“‘([{｛$￥"\'');
/** ASCII quotes are neither opening nor closing: they stick to both neighbours. */
const QUOTE = new Set('"\'');

interface Token {
  text: string;
  bold: boolean;
  /** Width in tenths of a character: ASCII 5, everything else 10 (the em dash counts as full width). */
  width: number;
  space: boolean;
}

/** ASCII and Latin letters are half a character; CJK, full-width forms and the punctuation a
 * Chinese face sets full width (quotes, dashes, ellipsis) are one. */
const _tenths = (ch: string): number => {
  const c = ch.charCodeAt(0);
  return c < 0x2000 ? 5 : 10;
};
const _IDEOGRAPH = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
/** The 中西文间距 between two neighbours on a line: between an ideograph and ASCII text. */
const AUTO_SPACE = 2;
const _ALNUM = /[A-Za-z0-9]/;
const _gap = (a: Token | undefined, b: Token): number =>
  a && ((_ALNUM.test(a.text.at(-1)!) && _IDEOGRAPH.test(b.text)) || (_ALNUM.test(b.text[0]!) && _IDEOGRAPH.test(a.text))) ? AUTO_SPACE : 0;

function _tokens(runs: readonly Run[]): Token[] {
  const out: Token[] = [];
  for (const run of runs) {
    const bold = !!run.bold;
    // Text in Chinese breaks between any two characters, ASCII ones too (LibreOffice cuts a number
    // or a web address at the margin); a run of spaces is one token.
    for (const m of run.text.matchAll(/ +|[^]/gu)) {
      const text = m[0];
      let width = 0;
      for (const ch of text) width += _tenths(ch);
      out.push({ text, bold, width, space: text.startsWith(' ') });
    }
  }
  return out;
}

/** A word wider than a whole line is cut into pieces that fit (both programs do so). */
function _fitWords(tokens: Token[], room: number): Token[] {
  return tokens.flatMap((t) => {
    if (t.width <= room || t.text.length === 1) return [t];
    const pieces: Token[] = [];
    let text = '';
    let width = 0;
    for (const ch of t.text) {
      if (width + _tenths(ch) > room) {
        pieces.push({ ...t, text, width });
        text = '';
        width = 0;
      }
      text += ch;
      width += _tenths(ch);
    }
    pieces.push({ ...t, text, width });
    return pieces;
  });
}

function _runs(tokens: Token[]): Run[] {
  const out: Run[] = [];
  for (const t of tokens) {
    const last = out.at(-1);
    if (last && !!last.bold === t.bold) last.text += t.text;
    else out.push(t.bold ? { text: t.text, bold: true } : { text: t.text });
  }
  return out;
}

/**
 * Break runs into lines `room` tenths of a character wide, the first line `indent` tenths
 * narrower. An empty text still takes one line (an empty paragraph does).
 */
export function breakLines(runs: readonly Run[], room: number, indent = 0): LineRuns[] {
  const tokens = _fitWords(_tokens(runs), Math.max(10, room - indent));
  const lines: Token[][] = [];
  let line: Token[] = [];
  let used = indent;
  const endLine = (next: Token[]) => {
    lines.push(line);
    line = next;
    used = next.reduce((s, t, k) => s + t.width + (k ? _gap(next[k - 1], t) : 0), 0);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const width = t.width + _gap(line.at(-1), t);
    if (line.length === 0 || used + width <= room || t.space) {
      used += line.length === 0 ? t.width : width;
      line.push(t);
      continue;
    }
    if (HANGING.has(t.text) && !NO_START.has(tokens[i + 1]?.text ?? '')) {
      // Hanging punctuation: it stays at the end of this line, outside the margin.
      line.push(t);
      endLine([]);
      continue;
    }
    // A closing mark that cannot hang takes the character before it to the next line; opening
    // punctuation at the end of the line goes there too.
    const carried: Token[] = [];
    if (NO_START.has(t.text)) while (line.length > 1 && (carried.length === 0 || NO_START.has(carried[0]!.text))) carried.unshift(line.pop()!);
    while (line.length > 1 && (NO_END.has(line.at(-1)!.text) || QUOTE.has(carried[0]?.text ?? ''))) carried.unshift(line.pop()!);
    endLine(carried);
    i--;
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines.map((l) => {
    while (l.length > 1 && l.at(-1)!.space) l.pop();
    return _runs(l);
  });
}

/** Tenths of a 三号 character on a body line, and the first-line indent in the same unit. */
const BODY_ROOM = Math.floor((TEXT_WIDTH * 10) / CHAR);
const BODY_INDENT = Math.round((FIRST_LINE_INDENT * 10) / CHAR);

/** Lines of a body paragraph (heading or text) in the 版心, the first one indented two characters. */
export function bodyLines(runs: readonly Run[]): LineRuns[] {
  return breakLines(runs, BODY_ROOM, BODY_INDENT);
}
