// Departures from the official format that the import saw in a published source: an official
// label altered or mistyped (R25), a title off the official pattern (R26), section headings
// altered, misnumbered, missing or out of order (R27), layout departures such as a grid row
// printed as one where the template has three (R28). They read `report.source`, so they say nothing about a draft.
import type { RuleSpec } from '../../template/schema';
import type { Finding } from '../finding';
import type { RuleContext } from '../context';
import { diceCoefficient } from '../../text/dice';

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
    const row = l.row ? [...ctx.template.cells.values()].find((c) => c.row === l.row) : undefined;
    const where = cells.length ? ctx.place(cells[0]!) : row ? ctx.sectionLabel(row.grid) : l.official;
    return [ctx.finding(rule, { cells, params: { printed: l.printed, official: l.official, where } })];
  });
}

const _escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The 落款 names the organ as the title does: one or two characters apart at the same length
 * (财政全融局 under a title of 财政金融局) is a misprint in one of them. A name of another length
 * (the office that signs for the organ, a short form) is not compared.
 */
export function checkSignatureName(rule: Of<'signature-name'>, ctx: RuleContext): Finding[] {
  const printed = ctx.source?.signature?.trim();
  const title = (ctx.report.organ.titleName || ctx.report.organ.name).trim();
  if (!printed || !title || printed === title || [...printed].length !== [...title].length) return [];
  const a = [...printed];
  const b = [...title];
  const differ = a.filter((ch, i) => ch !== b[i]).length;
  return differ <= 2 ? [ctx.finding(rule, { cells: [], params: { printed, title, path: 'organ.name' } })] : [];
}

export function checkTitlePattern(rule: Of<'title-pattern'>, ctx: RuleContext): Finding[] {
  const printed = ctx.source?.title?.trim();
  if (!printed) return [];
  const organs = [ctx.report.organ.titleName, ctx.report.organ.name].filter((o): o is string => !!o && o.trim() !== '');
  // Without the organ's name there is no title to hold the printed one against.
  if (!organs.length) return [];
  const year = String(ctx.report.year);
  const accepted = [ctx.template.spec.title, ...rule.variants].map((pattern) => {
    const parts = pattern.split(/(\{organ\}|\{year\})/);
    const body = parts
      .map((p) => (p === '{organ}' ? `(?:${organs.map(_escape).join('|')})` : p === '{year}' ? year : _escape(p.normalize('NFKC'))))
      .join('');
    return new RegExp(`^${body}$`, 'u');
  });
  const title = printed.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  if (accepted.some((re) => re.test(title))) return [];
  const expected = ctx.template.spec.title.replace('{organ}', organs[0]!).replace('{year}', year);
  return [ctx.finding(rule, { cells: [], params: { printed, expected, path: 'organ.titleName' } })];
}


interface Printed {
  numeral: string;
  /** The numeral is followed by 、 (or the like), as the template prints it. */
  marked: boolean;
  words: string;
  raw: string;
}

/** 五、存在的主要问题… → numeral 五; a heading printed without its number has numeral ''; a part's （一）… is not a section's. */
function _parseHeading(h: string): Printed | null {
  const m = /^\s*([一二三四五六七八九十]+)\s*([、.．，,]?)\s*(.+?)\s*$/u.exec(h);
  if (m) return { numeral: m[1]!, marked: m[2] !== '', words: m[3]!, raw: h.trim() };
  return /^\s*[（(\d]/u.test(h) || !h.trim() ? null : { numeral: '', marked: false, words: h.trim(), raw: h.trim() };
}

const _norm = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]+/g, '');

/**
 * Altered (the section's numeral, other words), misnumbered (a section's words under another
 * numeral) or out of order. A printed heading that is a strict beginning of the official one is
 * left alone: that is how a heading cut by the page looks, and the import cannot tell.
 */
export function checkSectionHeadings(rule: Of<'section-headings'>, ctx: RuleContext): Finding[] {
  const headings = ctx.source?.headings;
  if (!headings?.length) return [];
  const sections = ctx.template.spec.sections.flatMap((s, index) => {
    const official = _parseHeading(s.label);
    return official ? [{ id: s.id, index, label: s.label, official, words: [official.words, ...(rule.variants[s.id] ?? [])] }] : [];
  });
  const findings: Finding[] = [];
  const say = (sectionId: string, printed: string, official: string, pattern: string) =>
    findings.push(ctx.finding(rule, { section: sectionId, cells: [], params: { printed, official } }, pattern));
  let lastIndex = -1;
  for (const p of headings.map(_parseHeading).filter((x): x is Printed => x !== null)) {
    const words = _norm(p.words);
    if (!p.numeral) {
      // Without a number only the section's very words make it that section's heading.
      const same = sections.find((s) => s.words.some((w) => _norm(w) === words));
      if (same) say(same.id, p.raw, same.label, rule.messages.misnumbered);
      continue;
    }
    const scored = sections
      .map((s) => ({ s, score: Math.max(...s.words.map((w) => (_norm(w) === words ? 1 : diceCoefficient(_norm(w), words)))) }))
      .sort((a, b) => b.score - a.score);
    const best = scored[0];
    const byNumber = sections.find((s) => s.official.numeral === p.numeral);
    const section = best && best.score >= 0.6 ? best.s : byNumber;
    if (!section) continue;
    const exact = section.words.some((w) => _norm(w) === words);
    const cut = !exact && _norm(section.official.words).startsWith(words);
    // A numeral run into the words with no 、 ("一总体情况") is a numbering mistyped too.
    if (section.official.numeral !== p.numeral || !p.marked) say(section.id, p.raw, section.label, rule.messages.misnumbered);
    else if (!exact && !cut) say(section.id, p.raw, section.label, rule.messages.altered);
    else if (section.index < lastIndex) say(section.id, p.raw, section.label, rule.messages.order);
    lastIndex = Math.max(lastIndex, section.index);
  }
  return findings;
}

export function checkLayoutQuirks(rule: Of<'layout-quirks'>, ctx: RuleContext): Finding[] {
  return [...new Set(ctx.source?.quirks ?? [])]
    .filter((q) => rule.quirks[q])
    .map((q) => ctx.finding(rule, { cells: [], params: { quirk: q } }, rule.quirks[q]!));
}

