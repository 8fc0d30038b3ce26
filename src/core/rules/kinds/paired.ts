// Brackets and quotes left without their partner: 国办函〔2020〕109号）with no （, a 《 never
// closed. GB/T 15834 uses them in pairs; one alone is a slip, or text lost when the report was
// pasted together. A full- and a half-width bracket pair up here (which width is R21's concern),
// and a closing mark that numbers an item (1）, 二）) is not a slip.
import type { Hit } from '../../text/doubled';
import { dataRegex } from '../../text/sentences';

export interface Pair {
  open: string;
  close: string;
}

/** Where an item number's closing mark stands (the last character of each match). */
function _itemMarks(text: string, itemNumbers: string[]): Set<number> {
  return new Set(itemNumbers.flatMap((p) => [...text.matchAll(dataRegex(p))].map((m) => m.index + m[0].length - 1)));
}

function _unpairedOf(text: string, pair: Pair, items: Set<number>): Hit[] {
  const open: number[] = [];
  const lone: Hit[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    // A mark in both sets (the straight quote ") alternates: it closes when one is open.
    if (pair.close.includes(ch) && (open.length || !pair.open.includes(ch))) {
      if (open.length) open.pop();
      else if (!items.has(i)) lone.push({ index: i, length: 1, match: ch });
    } else if (pair.open.includes(ch)) open.push(i);
  }
  return [...lone, ...open.map((i) => ({ index: i, length: 1, match: text[i]! }))];
}

export function findUnpaired(text: string, pairs: Pair[], itemNumbers: string[]): Hit[] {
  const items = _itemMarks(text, itemNumbers);
  return pairs.flatMap((p) => _unpairedOf(text, p, items)).sort((a, b) => a.index - b.index);
}
