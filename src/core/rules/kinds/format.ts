// Departures from the official format that the import saw in a published source: an official
// label altered or mistyped (R25), a title off the official pattern (R26), section headings
// altered, misnumbered, missing or out of order (R27), layout departures such as a grid row
// printed as one where the template has three (R28). They read `report.source`, so they say nothing about a draft.
import type { RuleSpec } from '../../template/schema';
import type { Finding } from '../finding';
import type { RuleContext } from '../context';

type Of<K extends RuleSpec['kind']> = Extract<RuleSpec, { kind: K }>;

/** Width, spaces and quote style are not wording: compare what a reader sees as different text. */
export function sameWording(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .normalize('NFKC')
      .replace(/[\s\u3000]+/g, '')
      .replace(/[“”"'‘’]/g, '"');
  return norm(a) === norm(b);
}

export function checkPrintedLabels(rule: Of<'printed-labels'>, ctx: RuleContext): Finding[] {
  const seen = new Set<string>();
  return (ctx.source?.labels ?? []).flatMap((l) => {
    if (sameWording(l.printed, l.official) || seen.has(`${l.printed}|${l.official}`)) return [];
    seen.add(`${l.printed}|${l.official}`);
    const cells = l.cell && ctx.template.cells.has(l.cell) ? [l.cell] : [];
    const where = cells.length ? ctx.place(cells[0]!) : (l.row ?? l.official);
    return [ctx.finding(rule, { cells, params: { printed: l.printed, official: l.official, where } })];
  });
}

const _escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function checkTitlePattern(rule: Of<'title-pattern'>, ctx: RuleContext): Finding[] {
  const printed = ctx.source?.title?.trim();
  if (!printed) return [];
  const organs = [ctx.report.organ.titleName, ctx.report.organ.name].filter((o): o is string => !!o && o.trim() !== '');
  const year = String(ctx.report.year);
  const accepted = [ctx.template.spec.title, ...rule.variants].map((pattern) => {
    const parts = pattern.split(/(\{organ\}|\{year\})/);
    const body = parts
      .map((p) => (p === '{organ}' ? (organs.length ? `(?:${organs.map(_escape).join('|')})` : '.+?') : p === '{year}' ? year : _escape(p.normalize('NFKC'))))
      .join('');
    return new RegExp(`^${body}$`, 'u');
  });
  const title = printed.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  if (accepted.some((re) => re.test(title))) return [];
  const expected = ctx.template.spec.title.replace('{organ}', organs[0] ?? '（机关名称）').replace('{year}', year);
  return [ctx.finding(rule, { cells: [], params: { printed, expected, path: 'organ.titleName' } })];
}


interface Printed {
  numeral: string;
  words: string;
  raw: string;
}

function _parseHeading(h: string): Printed | null {
  const m = /^\s*([一二三四五六七八九十]+)\s*[、.．，,]\s*(.+?)\s*$/u.exec(h);
  return m ? { numeral: m[1]!, words: m[2]!, raw: h.trim() } : null;
}

export function checkSectionHeadings(rule: Of<'section-headings'>, ctx: RuleContext): Finding[] {
  const headings = ctx.source?.headings;
  if (!headings?.length) return [];
  const sections = ctx.template.spec.sections.map((s, i) => ({ id: s.id, index: i, official: _parseHeading(s.label) }));
  const printed = headings.map(_parseHeading).filter((p): p is Printed => p !== null);
  const findings: Finding[] = [];
  const wordsOf = (id: string, official: Printed) => [official.words, ...(rule.variants[id] ?? [])];
  let lastIndex = -1;
  const found = new Set<string>();
  for (const p of printed) {
    const byWords = sections.find((s) => s.official && wordsOf(s.id, s.official).some((w) => sameWording(w, p.words)));
    const byNumber = sections.find((s) => s.official?.numeral === p.numeral);
    if (byWords) {
      found.add(byWords.id);
      if (byWords.official!.numeral !== p.numeral) {
        findings.push(ctx.finding(rule, { section: byWords.id, cells: [], params: { printed: p.raw, official: ctx.template.spec.sections[byWords.index]!.label } }, rule.messages.misnumbered));
      } else if (byWords.index < lastIndex) {
        findings.push(ctx.finding(rule, { section: byWords.id, cells: [], params: { printed: p.raw, official: ctx.template.spec.sections[byWords.index]!.label } }, rule.messages.order));
      }
      lastIndex = Math.max(lastIndex, byWords.index);
    } else if (byNumber && !found.has(byNumber.id)) {
      found.add(byNumber.id);
      lastIndex = Math.max(lastIndex, byNumber.index);
      findings.push(ctx.finding(rule, { section: byNumber.id, cells: [], params: { printed: p.raw, official: ctx.template.spec.sections[byNumber.index]!.label } }, rule.messages.altered));
    }
  }
  // Only when the source's headings were read at all (most of them matched) is a missing one news.
  if (found.size >= Math.ceil(sections.length / 2)) {
    for (const s of sections) {
      if (!found.has(s.id)) findings.push(ctx.finding(rule, { section: s.id, cells: [], params: { printed: '', official: ctx.template.spec.sections[s.index]!.label } }, rule.messages.missing));
    }
  }
  return findings;
}

export function checkLayoutQuirks(rule: Of<'layout-quirks'>, ctx: RuleContext): Finding[] {
  return [...new Set(ctx.source?.quirks ?? [])]
    .filter((q) => rule.quirks[q])
    .map((q) => ctx.finding(rule, { cells: [], params: { quirk: q } }, rule.quirks[q]!));
}

