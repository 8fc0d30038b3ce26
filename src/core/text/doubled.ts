// A character or word typed twice by mistake (公开公开, 的的), told apart from reduplication and
// word joins that are correct Chinese (常常, 人人, 法规规章, 每月月底): the patterns say what
// counts as a doubling, the allowed list what is legitimate; both are template data.
import { dataRegex } from './sentences';

export interface Hit {
  index: number;
  length: number;
  match: string;
}

function _allowedSpans(text: string, allowed: string[]): [number, number][] {
  return allowed.flatMap((p) => [...text.matchAll(dataRegex(p))].map((m): [number, number] => [m.index, m.index + m[0].length]));
}

export function findDoubled(text: string, patterns: string[], allowed: string[]): Hit[] {
  const spans = _allowedSpans(text, allowed);
  const hits = new Map<number, Hit>();
  for (const p of patterns) {
    for (const m of text.matchAll(dataRegex(p))) {
      const [from, to] = [m.index, m.index + m[0].length];
      if (spans.some(([a, b]) => a <= from && to <= b)) continue;
      if (!hits.has(from)) hits.set(from, { index: from, length: m[0].length, match: m[0] });
    }
  }
  return [...hits.values()].sort((a, b) => a.index - b.index);
}
