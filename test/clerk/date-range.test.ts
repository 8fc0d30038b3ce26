// A report's dates lie in its year or the next: a slip of the year (2204, 2014) is refused with a
// message naming the field and the value.
import { describe, expect, it } from 'vitest';
import { dateRangeProblem, factsError, factsSchema } from '../../src/ui/form/facts-schema';
import { factsOf } from '../../src/ui/form/facts-values';
import { busy, template } from '../core/fixtures';

describe('dates of the report', () => {
  const schema = factsSchema(template);
  const facts = factsOf(busy()); // a 2024 report
  const issues = (patch: Partial<typeof facts>) => schema.safeParse({ ...facts, ...patch }, { error: factsError }).error?.issues.map((i) => `${i.path.join('.')}:${i.message}`) ?? [];
  it('accepts the report year and the next', () => {
    expect(issues({ written: '2024-12-31' })).toEqual([]);
    expect(issues({ written: '2025-01-20', deadline: '2025-01-31' })).toEqual([]);
  });
  it('refuses a year outside them, naming the field and the date', () => {
    expect(issues({ written: '2204-01-20' })).toEqual(['written:成文日期“2204-01-20”不在 2024 年或 2025 年内，请核对年份']);
    // The form refuses the field with the same words (the store keeps the date it had).
    expect(dateRangeProblem('written', '2204-01-20', 2024)).toBe('成文日期“2204-01-20”不在 2024 年或 2025 年内，请核对年份');
    expect(dateRangeProblem('office', '2204', 2024)).toBeNull();
    expect(issues({ deadline: '2023-01-31' })).toEqual([expect.stringMatching(/^deadline:.*“2023-01-31”不在 2024 年或 2025 年内/)]);
  });
});
