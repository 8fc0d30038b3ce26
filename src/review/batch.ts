// The batch a county reviewer checks in one sitting: each unit's report (already imported) with
// its organ, level, year, template, import certainty, publication date and lateness, and the
// rules' findings, each with a fingerprint for triage. Reports are paired with last year's of
// the same organ, so the cross-year rules run with `previous` without the reviewer pairing them.
import { checkWithValues, deadlineOf, nextYearAcross, shownDateOf, verdict, type Finding, type PreviousData, type Report, type Template } from '../core';
import { fingerprint } from './fingerprint';
import { organKey } from './organ';

/** One report to review: read from a file (or a paste), with the template it was read into. */
export interface ReviewInput {
  /** Unique in the batch: the file's path, or a name given to it. */
  id: string;
  template: Template;
  report: Report;
}

export interface ReviewFinding extends Finding {
  fingerprint: string;
}

export interface ReviewUnit {
  id: string;
  organ: string;
  organKey: string;
  level: string | null;
  /** The level's label in the template (the official name), or '' when unknown. */
  levelLabel: string;
  year: number;
  template: string;
  templateName: string;
  /** Cells the import could not read, and cells whose value is not certain (from report.source). */
  unread: string[];
  uncertain: string[];
  /** The date the report shows (signature, else its publication date), if any. */
  shown: string | null;
  deadline: string;
  /** Shown after the deadline; null when the report shows no date. */
  late: boolean | null;
  /** The id of last year's report it was checked against, if one was found. */
  previous: string | null;
  findings: ReviewFinding[];
  counts: { errors: number; warnings: number; unfinished: number };
}

export interface ReviewBatch {
  units: ReviewUnit[];
  /** The inputs by unit id, for the views (source text, grids) and the 汇总. */
  inputs: ReadonlyMap<string, ReviewInput>;
}

export interface ReviewOptions {
  /** Last year's reports (another folder); the batch itself is searched too. */
  previous?: ReviewInput[];
}

/** The deadline a published report is judged by: its own, else its level's; unknown level → the latest any level has. */
function _deadline(template: Template, report: Report): string {
  if (report.dates.deadline || report.organ.level) return deadlineOf({ template, report });
  const rule = template.spec.deadline;
  const mmdd = [rule.default, ...Object.values(rule.byLevel ?? {})].sort().pop()!;
  return `${report.year + 1}-${mmdd}`;
}

/** Last year's report of each organ, by organ key and year (the first one found wins). */
function _byOrganYear(inputs: ReviewInput[]): Map<string, ReviewInput> {
  const out = new Map<string, ReviewInput>();
  for (const input of inputs) {
    const key = `${organKey(input.report.organ.name)}|${input.report.year}`;
    if (input.report.organ.name.trim() && !out.has(key)) out.set(key, input);
  }
  return out;
}

/** Last year's values in this report's template (a 2020 report on the 2019 grid before a 2021 one). */
function _previousData(last: ReviewInput, template: Template): PreviousData | undefined {
  return nextYearAcross(last.template, template, last.report).report.lastYear;
}

export function reviewUnit(input: ReviewInput, last?: ReviewInput): ReviewUnit {
  const { template, report } = input;
  const previous = last ? _previousData(last, template) : undefined;
  const { findings, values } = checkWithValues(template, report, { mode: 'final', published: true, ...(previous ? { previous } : {}) });
  // A report whose organ was not read is its own unit: its decisions never go to another such report.
  const key = organKey(report.organ.name) || `#${input.id}`;
  const counts = verdict(findings, [], 'final').counts;
  // The same date R15 judges by: the later of the signature and the 发布日期 the source shows.
  const shown = shownDateOf(report)?.date ?? null;
  const deadline = _deadline(template, report);
  return {
    id: input.id,
    organ: report.organ.name,
    organKey: key,
    level: report.organ.level,
    levelLabel: template.spec.organLevels.find((l) => l.id === report.organ.level)?.label ?? '',
    year: report.year,
    template: template.id,
    templateName: template.spec.name,
    unread: report.source?.unread ?? [],
    uncertain: report.source?.uncertain ?? [],
    shown,
    deadline,
    late: shown ? shown > deadline : null,
    previous: last?.id ?? null,
    findings: findings.map((f) => ({ ...f, fingerprint: fingerprint({ organKey: key, year: report.year }, f, values) })),
    counts: { errors: counts.errors, warnings: counts.warnings, unfinished: counts.unfinished },
  };
}

/** Review every input, each paired with the same organ's report of the year before (from `previous`, else the batch). */
export function reviewBatch(inputs: ReviewInput[], options: ReviewOptions = {}): ReviewBatch {
  const earlier = _byOrganYear([...(options.previous ?? []), ...inputs]);
  const units = inputs.map((input) => {
    const name = input.report.organ.name;
    const last = name.trim() ? earlier.get(`${organKey(name)}|${input.report.year - 1}`) : undefined;
    return reviewUnit(input, last);
  });
  return { units, inputs: new Map(inputs.map((i) => [i.id, i])) };
}
