// New reports: an empty one for a template, and next year's report started from this year's.
import type { Template } from '../template/load';
import { fillMessage } from '../rules/finding';
import { computeValues } from './compute';
import { REPORT_FORMAT, REPORT_FORMAT_VERSION } from './format';
import type { Report } from './schema';
import { expandAlong } from '../template/expand';

export function createReport(template: Template, year: number): Report {
  return {
    format: REPORT_FORMAT,
    formatVersion: REPORT_FORMAT_VERSION,
    template: template.id,
    organ: { name: '', level: null },
    year,
    dates: { written: null, deadline: null },
    contact: { office: '', phone: '', email: '', website: '' },
    narrative: {},
    values: {},
    fee: { status: null, notices: null, amount: null, collectedAmount: null },
  };
}

/** The preface text with the report's facts filled in. */
export function prefaceText(template: Template, report: Report): string {
  const c = report.contact;
  return fillMessage(template.spec.preface.default, {
    organ: report.organ.titleName || report.organ.name,
    year: report.year,
    website: c.website || '（网址）',
    office: c.office || '（联系单位）',
    phone: c.phone || '（电话）',
    email: c.email || '（电子邮箱）',
  });
}

/**
 * Next year's report from this one: organ and contact kept; 上年结转 filled from this year's
 * carry-forward per the template's R7-style `previous` rules; narrative copied but marked for
 * revision; this year's values and text kept as `lastYear` for the continuity rules.
 */
export function nextYearReport(template: Template, report: Report): Report {
  const values = computeValues(template, report);
  const next = createReport(template, report.year + 1);
  next.organ = { ...report.organ };
  next.contact = { ...report.contact };
  // The preface states the year and the statistics period: start from the template's default
  // for the new year instead of carrying last year's dates (last year's stays in lastYear).
  const { preface: _preface, ...carried } = report.narrative;
  next.narrative = carried;
  next.revise = Object.keys(carried).filter((k) => (carried[k] ?? '').trim() !== '');
  next.lastYear = { year: report.year, values: Object.fromEntries(values), narrative: { ...report.narrative } };
  fillCarriedOver(template, next, (id) => values.get(id) ?? null);
  return next;
}

/** Cells that equal a cell of last year's (this cell = last year's, per a `previous` rule): filled from `last`. */
export function fillCarriedOver(template: Template, next: Report, last: (id: string) => number | null): void {
  for (const rule of template.rules) {
    if (rule.kind !== 'previous' || rule.terms.length !== 1) continue;
    const [term] = rule.terms;
    if (typeof term !== 'object' || term.from !== 'previous' || (term.weight ?? 1) !== 1) continue;
    // A plain carry-over (this cell = last year's cell): pre-fill it.
    for (const inst of expandAlong(template.grid(rule.grid), rule, [rule.cell, term.ref])) {
      const target = inst.term(rule.cell).cell;
      const source = inst.term(term).cell;
      const cell = template.cells.get(target);
      if (cell && !cell.computed) next.values[target] = last(source);
    }
  }
}

/**
 * The year a report started today is most likely for: from October on, clerks prepare this
 * year's report; until then they are finishing last year's (published by 1月31日 or later).
 */
export function defaultReportYear(today: Date): number {
  return today.getMonth() >= 9 ? today.getFullYear() : today.getFullYear() - 1;
}
