// Next year's report when next year is in force under another template (a 2018 report, on the
// pre-2019 统计表, starts the 2019 report): what has the same meaning carries over, as the old
// template's `nextYear` entry says (else what has the same id), and the rest is named, not lost
// silently. Within one template this is nextYearReport.
import type { Template } from '../template/load';
import type { TemplateRegistry } from '../template/registry';
import { computeValues } from './compute';
import { createReport, fillCarriedOver, nextYearReport } from './create';
import type { Report } from './schema';

export interface NextYear {
  report: Report;
  template: Template;
  /** Labels (in last year's template) of text slots whose text was not carried over. */
  droppedTexts: string[];
  /** Per grid of last year's template: how many filled cells had no counterpart next year. */
  droppedCells: { grid: string; label: string; count: number }[];
}

/** The template next year's report uses: the one in force for that year, else this report's own. */
export function nextYearTemplate(registry: TemplateRegistry, template: Template, report: Report): Template {
  return registry.forYear(report.year + 1) ?? template;
}

export function nextYearAcross(from: Template, to: Template, report: Report): NextYear {
  if (from === to) return { report: nextYearReport(from, report), template: to, droppedTexts: [], droppedCells: [] };
  const mapping = from.spec.nextYear?.find((m) => m.template === to.id);
  const textTo = (slot: string) => (mapping ? mapping.texts[slot] : slot);
  const cellTo = (cell: string) => (mapping ? mapping.cells[cell] : cell);
  const toSlots = new Set(to.texts.map((t) => t.id));

  const next = createReport(to, report.year + 1);
  const level = to.spec.organLevels.some((l) => l.id === report.organ.level) ? report.organ.level : null;
  next.organ = { ...report.organ, level };
  next.contact = { ...report.contact };

  const droppedTexts: string[] = [];
  const lastNarrative: Record<string, string> = {};
  for (const slot of from.texts) {
    const text = report.narrative[slot.id]?.trim();
    // The preface states the year and the period: next year starts from the template's own.
    if (!text || slot.id === 'preface') continue;
    const target = textTo(slot.id);
    if (!target || !toSlots.has(target)) {
      droppedTexts.push(slot.label);
      continue;
    }
    lastNarrative[target] = lastNarrative[target] ? `${lastNarrative[target]}\n${text}` : text;
  }
  next.narrative = { ...lastNarrative };
  next.revise = Object.keys(lastNarrative);

  const values = computeValues(from, report);
  const lastValues: Record<string, number | null> = {};
  const dropped = new Map<string, number>();
  for (const [id, value] of values) {
    if (value == null) continue;
    const target = cellTo(id);
    if (target && to.cells.has(target)) lastValues[target] = value;
    else {
      const grid = from.cells.get(id)!.grid;
      dropped.set(grid, (dropped.get(grid) ?? 0) + 1);
    }
  }
  next.lastYear = { year: report.year, values: lastValues, narrative: lastNarrative };
  fillCarriedOver(to, next, (id) => lastValues[id] ?? null);
  const droppedCells = [...dropped].map(([grid, count]) => ({ grid, label: from.sectionOf(grid)?.label ?? from.grid(grid).label, count }));
  return { report: next, template: to, droppedTexts, droppedCells };
}
