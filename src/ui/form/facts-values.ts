// The report's facts as the form's fields hold them: strings, one per field, and the way back
// into a report once a value is valid. Plain code without zod, so the fields can show and take
// input before their schema (facts-schema.ts) has loaded.
import { FACT_FIELDS, type FactField, type Report } from '../../core';

export { FACT_FIELDS, type FactField };
export type FactsValues = Record<FactField, string>;

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
