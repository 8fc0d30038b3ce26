// Rules over single cells: value range (R5), blanks (R6), rows that must be zero (R9).
import type { RuleSpec } from '../../template/schema';
import type { Finding } from '../finding';
import type { RuleContext } from '../context';
import { runParts, type Part } from '../part';
import { dataRegex } from '../../text/sentences';
import { validValue } from '../../report/values';
import type { CellId } from '../../template/resolve';

type Of<K extends RuleSpec['kind']> = Extract<RuleSpec, { kind: K }>;

/** One part per cell, in the template's order: its printed total if the source printed one, else what was typed. */
export function valueRangeParts(rule: Of<'value-range'>, ctx: RuleContext): Part[] {
  const printed = ctx.report.printed ?? {};
  return [...ctx.template.cells.values()].map((cell) => (ctx): Finding[] => {
    const id = cell.id;
    const v = Object.hasOwn(printed, id) ? printed[id] : ctx.typed(id);
    if (v == null || validValue(cell.kind, v, rule.amountDecimals)) return [];
    return [
      ctx.finding(
        rule,
        { section: ctx.template.sectionOf(cell.grid)?.id, cells: [id], params: { place: ctx.place(id), value: v } },
        rule.messages[cell.kind] ?? rule.message,
      ),
    ];
  });
}

/** One part per input cell; then the totals printed blank and the texts, a part each. */
export function requiredParts(rule: Of<'required'>, ctx: RuleContext): Part[] {
  const unsure = _unsureBlanks(ctx);
  // A cell the import could not read, or read without being sure of, is not the publisher's blank
  // (the source may print digits run together there): the import's notes name it.
  const cells = ctx.template.inputCells
    .filter((c) => !unsure.has(c.id))
    .map((c) => (ctx: RuleContext): Finding[] =>
      ctx.typed(c.id) != null || ctx.unread(c.id)
        ? []
        : [
            ctx.finding(
              rule,
              { section: ctx.template.sectionOf(c.grid)?.id, cells: [c.id], params: { place: ctx.place(c.id) } },
              (ctx.published && rule.publishedMessage) || rule.message,
            ),
          ],
    );
  return [...cells, (ctx) => _printedBlank(rule, ctx, unsure), (ctx) => _blankTexts(rule, ctx)];
}

/** Cells of a published report the import named as uncertain: a blank there is the import's doubt, not a finding to send the unit. */
function _unsureBlanks(ctx: RuleContext): Set<CellId> {
  if (!ctx.published) return new Set();
  return new Set([...ctx.template.cells.keys()].filter((id) => ctx.uncertain(id)));
}

export const checkValueRange = runParts(valueRangeParts);
export const checkRequired = runParts(requiredParts);

function _printedBlank(rule: Of<'required'>, ctx: RuleContext, unsure: Set<CellId>): Finding[] {
  // A total the source printed blank ("/" or nothing) is a blank cell too.
  return Object.entries(ctx.report.printed ?? {})
    .filter(([id, v]) => v === null && ctx.template.cells.has(id) && !ctx.unread(id) && !unsure.has(id))
    .map(([id]) =>
      ctx.finding(rule, { section: ctx.template.sectionOf(ctx.cell(id).grid)?.id, cells: [id], params: { place: ctx.place(id) } }, rule.printedMessage),
    );
}

function _blankTexts(rule: Of<'required'>, ctx: RuleContext): Finding[] {
  // Parts of 一 and the sections that are text only must be written too.
  const blank = ctx.template.texts
    .filter((t) => t.section && !t.section.grids && (t.id !== t.section.id || !t.section.parts))
    .filter((t) => !(ctx.report.narrative[t.id] ?? '').trim());
  return blank.flatMap((t) => {
    const place = t.id === t.section?.id ? t.label : `${t.section?.label} · ${t.label}`;
    // 一 written as prose without its sub-headings (or with parts merged under one heading):
    // judge whether the section's text as a whole covers the part.
    const own = t.section && t.id !== t.section.id ? (ctx.report.narrative[t.section.id] ?? '').trim() : '';
    const whole = t.section ? ctx.template.texts.filter((x) => x.section?.id === t.section!.id).map((x) => ctx.report.narrative[x.id] ?? '').join('\n') : '';
    const prose = t.section && t.id !== t.section.id && (own || (ctx.published && whole.trim())) ? whole : '';
    if (prose) {
      const aspect = rule.aspects?.find((a) => a.text === t.id);
      if (!aspect || aspect.keywords.some((k) => dataRegex(k).test(prose))) return [];
      const f = ctx.finding(rule, { section: t.section?.id, cells: [], text: t.section?.id, params: { place, part: t.label } }, rule.aspectMessage ?? rule.message);
      return [{ ...f, level: f.level === 'error' ? ('warning' as const) : f.level }];
    }
    if (ctx.published && rule.publishedTextMessage) {
      const f = ctx.finding(rule, { section: t.section?.id, cells: [], text: t.id, params: { place } }, rule.publishedTextMessage);
      return [{ ...f, level: 'warning' as const }];
    }
    return [ctx.finding(rule, { section: t.section?.id, cells: [], text: t.id, params: { place } })];
  });
}

export function checkAllZero(rule: Of<'all-zero'>, ctx: RuleContext): Finding[] {
  const level = ctx.report.organ.level;
  if (!level || !rule.organLevels.includes(level)) return [];
  const grid = ctx.template.grid(rule.grid);
  return rule.rows.flatMap((row) => {
    const cells = grid.cells.filter((c) => c.row === row);
    const nonZero = cells.filter((c) => (ctx.value(c.id) ?? 0) !== 0);
    if (nonZero.length === 0) return [];
    return [
      ctx.finding(rule, {
        section: ctx.template.sectionOf(rule.grid)?.id,
        cells: nonZero.map((c) => c.id),
        params: {
          place: `${ctx.sectionLabel(rule.grid)} · ${cells[0]?.rowName ?? row}`,
          value: nonZero.map((c) => `${c.columnName}${ctx.value(c.id)}`).join('、'),
        },
      }),
    ];
  });
}

export function checkRequiredFacts(rule: Of<'required-facts'>, ctx: RuleContext): Finding[] {
  return rule.facts
    .filter((fact) => {
      const v = fact.path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), ctx.report);
      return v == null || (typeof v === 'string' && v.trim() === '');
    })
    .flatMap((fact) => {
      const params = { label: fact.label, path: fact.path };
      if (!ctx.published || !fact.published) return [ctx.finding(rule, { cells: [], params })];
      // A published source that does not print it: not a draft's gap, a warning at most.
      if (fact.published === 'skip') return [];
      const f = ctx.finding(rule, { cells: [], params }, rule.publishedMessage ?? rule.message);
      return [{ ...f, level: 'warning' as const }];
    });
}
