// The report's facts as a form: the zod schema of the fields, built from the template's report
// schema (reportSchema(template).shape), so the form accepts exactly what a report file may hold.
// Form values are the strings the inputs hold; the schema turns them into the report's types.
// Chinese messages come from factsError. Pure (no React), so tests use it directly. The form
// loads this module on demand (load-facts-schema.ts): zod is not part of the first screen.
import * as z from 'zod/mini';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { reportSchema, type Template } from '../../core';
import { FACT_TITLES } from '../../core/report/fact-titles';
import type { FactField, FactsValues } from './facts-values';

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
          const message = dateRangeProblem(field, v[field], v.year);
          if (message) ctx.addIssue({ code: 'custom', path: [field], message });
        }
      }),
    );
}

/**
 * A date of the report lies in its year or the next (成文 and 公开 in January); 2204 is a slip.
 * The message, or null when the date is fine (or not a date field, or empty).
 */
export function dateRangeProblem(field: FactField, value: unknown, year: number): string | null {
  if ((field !== 'written' && field !== 'deadline') || typeof value !== 'string' || !value || !Number.isInteger(year)) return null;
  const named = Number(value.slice(0, 4));
  if (named === year || named === year + 1) return null;
  return `${FACT_TITLES[field]}“${value}”不在 ${year} 年或 ${year + 1} 年内，请核对年份`;
}

export type FactsSchema = ReturnType<typeof factsSchema>;
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

const _schemas = new WeakMap<Template, FactsSchema>();
function _schemaOf(template: Template): FactsSchema {
  let s = _schemas.get(template);
  if (!s) _schemas.set(template, (s = factsSchema(template)));
  return s;
}

const _resolvers = new WeakMap<Template, Resolver<FactsValues, unknown, FactsParsed>>();
/** react-hook-form's resolver of the facts: the whole form against the schema, messages in Chinese. */
export function factsResolver(template: Template): Resolver<FactsValues, unknown, FactsParsed> {
  let r = _resolvers.get(template);
  if (!r) _resolvers.set(template, (r = zodResolver(_schemaOf(template), { error: factsError })));
  return r;
}

export type FactParse = { ok: true; value: unknown } | { ok: false; why: string };

/**
 * One field as typed → the value the report takes, or why it may not (its own checks, then the
 * date's year against the report's `year`).
 */
export function parseFact(template: Template, field: FactField, raw: string, year: number): FactParse {
  const parsed = _schemaOf(template).shape[field].safeParse(raw, { error: factsError });
  if (!parsed.success) return { ok: false, why: parsed.error.issues[0]?.message ?? '' };
  const outOfRange = dateRangeProblem(field, parsed.data, year);
  return outOfRange ? { ok: false, why: outOfRange } : { ok: true, value: parsed.data };
}
