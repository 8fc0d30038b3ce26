// The report's facts as a form: the zod schema of the fields, built from the template's report
// schema (reportSchema(template).shape), so the form accepts exactly what a report file may hold.
// Form values are the strings the inputs hold; the schema turns them into the report's types.
// Chinese messages come from factsError. Pure (no React), so tests use it directly.
import * as z from 'zod/mini';
import { FACT_FIELDS, reportSchema, type FactField, type Report, type Template } from '../../core';

export { FACT_FIELDS, type FactField };
export type FactsValues = Record<FactField, string>;

const _orNull = (v: string) => (v === '' ? null : v);

/** An e-mail address as a clerk writes one (empty is allowed: the field is optional). */
const _email = z.email();
export const EMAIL_MESSAGE = '电子邮箱格式不对，应如 gkb@example.gov.cn';

export function factsSchema(template: Template) {
  const shape = reportSchema(template).shape;
  const organ = shape.organ.shape;
  const dates = shape.dates.shape;
  const contact = shape.contact.shape;
  return z
    .object({
      name: organ.name,
      titleName: z.pipe(z.pipe(z.string(), z.transform((v) => v || undefined)), organ.titleName),
      level: z.pipe(z.pipe(z.string(), z.transform(_orNull)), organ.level),
      year: z.pipe(z.pipe(z.string().check(z.trim(), z.regex(/^\d{4}$/, { error: '请填四位数字的年份' })), z.transform(Number)), shape.year),
      written: z.pipe(z.pipe(z.string(), z.transform(_orNull)), dates.written),
      deadline: z.pipe(z.pipe(z.string(), z.transform(_orNull)), dates.deadline),
      office: contact.office,
      phone: contact.phone,
      email: z.pipe(z.string().check(z.refine((v) => v === '' || _email.safeParse(v).success, { error: EMAIL_MESSAGE })), contact.email),
      website: contact.website,
    })
    .check(
      z.superRefine((v, ctx) => {
        for (const field of ['written', 'deadline'] as const) {
          const message = dateRangeProblem(template, field, v[field], v.year);
          if (message) ctx.addIssue({ code: 'custom', path: [field], message });
        }
      }),
    );
}

/**
 * A date of the report lies in its year or the next (成文 and 公开 in January); 2204 is a slip.
 * The message, or null when the date is fine (or not a date field, or empty).
 */
export function dateRangeProblem(template: Template, field: FactField, value: unknown, year: number): string | null {
  if ((field !== 'written' && field !== 'deadline') || typeof value !== 'string' || !value || !Number.isInteger(year)) return null;
  const named = Number(value.slice(0, 4));
  if (named === year || named === year + 1) return null;
  return `${factLabels(template)[field]}“${value}”不在 ${year} 年或 ${year + 1} 年内，请核对年份`;
}

export type FactsSchema = ReturnType<typeof factsSchema>;

/** Each field's label: the title the report schema gives it (one source for the form, messages and the JSON Schema). */
export function factLabels(template: Template): Record<FactField, string> {
  const shape = reportSchema(template).shape;
  const { organ, dates, contact } = { organ: shape.organ.shape, dates: shape.dates.shape, contact: shape.contact.shape };
  const schemas: Record<FactField, z.ZodMiniType> = {
    name: organ.name,
    titleName: organ.titleName,
    level: organ.level,
    year: shape.year,
    written: dates.written,
    deadline: dates.deadline,
    office: contact.office,
    phone: contact.phone,
    email: contact.email,
    website: contact.website,
  };
  return Object.fromEntries(FACT_FIELDS.map((f) => [f, z.globalRegistry.get(schemas[f])?.title ?? f])) as Record<FactField, string>;
}
export type FactsParsed = z.output<FactsSchema>;

/** zod issues in Chinese (passed to parse as its error map). */
export function factsError(issue: { code: string; message?: string; [k: string]: unknown }): string {
  const n = (k: string) => String(issue[k]);
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string' ? `最多 ${n('maximum')} 个字` : `不能大于 ${n('maximum')}`;
    case 'too_small':
      return issue.origin === 'string' ? `至少 ${n('minimum')} 个字` : `不能小于 ${n('minimum')}`;
    case 'invalid_format':
      return issue.format === 'regex' && issue.message ? issue.message : '日期应为 年-月-日，如 2024-01-20';
    case 'invalid_value':
      return '请从列表中选择';
    default:
      return issue.message && /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '填写的内容无法识别';
  }
}

/** What the fields show for a report. */
export function factsOf(report: Report): FactsValues {
  return {
    name: report.organ.name,
    titleName: report.organ.titleName ?? '',
    level: report.organ.level ?? '',
    year: String(report.year),
    written: report.dates.written ?? '',
    deadline: report.dates.deadline ?? '',
    office: report.contact.office,
    phone: report.contact.phone,
    email: report.contact.email,
    website: report.contact.website,
  };
}

/** The report with one field's parsed value (unchanged report when the value is the same). */
export function withFact(report: Report, field: FactField, value: unknown): Report {
  switch (field) {
    case 'name':
      return report.organ.name === value ? report : { ...report, organ: { ...report.organ, name: value as string } };
    case 'titleName':
      return report.organ.titleName === value ? report : { ...report, organ: { ...report.organ, titleName: value as string | undefined } };
    case 'level':
      return report.organ.level === value ? report : { ...report, organ: { ...report.organ, level: value as string | null } };
    case 'year':
      return report.year === value ? report : { ...report, year: value as number };
    case 'written':
    case 'deadline':
      return report.dates[field] === value ? report : { ...report, dates: { ...report.dates, [field]: value as string | null } };
    default:
      return report.contact[field] === value ? report : { ...report, contact: { ...report.contact, [field]: value as string } };
  }
}

/** What the report holds for a field, as shown in a message ("空白" for nothing). */
export function shownFact(report: Report, field: FactField): string {
  return factsOf(report)[field] || '空白';
}
