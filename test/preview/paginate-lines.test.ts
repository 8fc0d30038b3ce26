// Line breaking of Chinese body text as LibreOffice does it (the truth test, paginate-truth.test.ts,
// checks whole reports against LibreOffice's PDF): a 三号 line of the 版心 holds 27 characters
// and a 5/8-character remainder, the first line two characters fewer; ASCII is half a character
// with a fifth of a character between it and an ideograph; closing marks never start a line.
import { describe, expect, it } from 'vitest';
import { bodyLines, breakLines } from '../../src/core/layout/paginate-lines';

const text = (lines: { text: string }[][]) => lines.map((l) => l.map((r) => r.text).join(''));
const han = (n: number) => '政'.repeat(n);

describe('breakLines', () => {
  it('fills a body line with 27 ideographs, the first line with 25 after its indent', () => {
    expect(text(bodyLines([{ text: han(25 + 27 + 3) }])).map((l) => l.length)).toEqual([25, 27, 3]);
  });

  it('lets 、。，：； hang past the margin instead of starting a line with them', () => {
    for (const mark of ['，', '。', '、', '：', '；']) {
      expect(text(bodyLines([{ text: han(25) + mark + han(2) }]))).toEqual([han(25) + mark, han(2)]);
    }
  });

  it('takes the character before a closing mark that cannot hang (”）》) to the next line', () => {
    for (const mark of ['”', '）', '》']) {
      expect(text(bodyLines([{ text: han(25) + mark + han(2) }]))).toEqual([han(24), han(1) + mark + han(2)]);
    }
  });

  it('never ends a line with opening punctuation', () => {
    expect(text(bodyLines([{ text: han(24) + '《' + han(3) }]))).toEqual([han(24), '《' + han(3)]);
    expect(text(bodyLines([{ text: han(23) + '“（' + han(3) }]))).toEqual([han(23), '“（' + han(3)]);
  });

  it('counts ASCII as half a character, with a fifth of a character beside an ideograph', () => {
    // 25 ideographs minus one, then 2 digits: 24 + 1 + 0.2 = 25.2 characters on a 25.64-character first line.
    expect(text(bodyLines([{ text: han(24) + '12' + han(1) }]))).toEqual([han(24) + '12', han(1)]);
    // Without the space beside the digits, 24 + 1 + ½ would fit; with it (24 + 1 + 0.2 + 0.2 + ½) it does not.
    expect(text(bodyLines([{ text: han(23) + '12' + han(1) + 'x' }]))).toEqual([han(23) + '12' + han(1), 'x']);
    // Digits next to punctuation take no extra space: 22 + 1 + 2.5 = 25.5 fits the 25.6 of a first line.
    expect(text(bodyLines([{ text: han(22) + '：12345' }]))).toEqual([han(22) + '：12345']);
  });

  it('breaks a number or an address at the margin, but not before a hyphen', () => {
    // 22 + 0.2 + 6 × ½ = 25.2 characters fit the first line; a seventh digit does not.
    const lines = text(bodyLines([{ text: han(22) + '12345678' + han(3) }]));
    expect(lines[0]).toBe(han(22) + '123456');
    expect(text(bodyLines([{ text: han(24) + '059-1234' }]))).toEqual([han(24) + '05', '9-1234']);
  });

  it('keeps runs and their weight across a break, and gives an empty text one line', () => {
    const lines = bodyLines([{ text: '1.' + han(30), bold: true }, { text: han(10) }]);
    expect(lines[0]).toEqual([{ text: '1.' + han(24), bold: true }]);
    expect(lines[1]).toEqual([{ text: han(6), bold: true }, { text: han(10) }]);
    expect(breakLines([], 100)).toEqual([[]]);
  });

  it('cuts a word wider than a narrow cell', () => {
    expect(text(breakLines([{ text: '123456789' }], 20)).join('|')).toBe('1234|5678|9');
  });
});
