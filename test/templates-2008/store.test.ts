// The report store follows the template of the report it loads: the app edits a pre-2019 report
// in the pre-2019 template and a 2021 report in 2021's, in one page; an unknown template is refused.
import { describe, expect, it } from 'vitest';
import { createReport } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { registry, template, transcription } from './seeds';

const t2021 = registry.get('gov-info-2021')!;

describe('a store over several templates', () => {
  it('loads a pre-2019 report into its own template, checks it by its rules, and goes back', () => {
    const store = createReportStore(t2021, createReport(t2021, 2024), { templates: registry.get });
    store.load(transcription('004'));
    expect(store.template).toBe(template);
    const cell = 'statistics:staffing.full-time:value';
    expect(store.getState().byCell.get(cell)?.map((f) => f.rule)).toEqual(['R6']);
    store.typeCell(cell, '0');
    expect(store.getState().byCell.get(cell)).toBeUndefined();
    expect(store.getState().values.get('statistics:staffing.staff:value')).toBe(3);
    store.load(createReport(t2021, 2024));
    expect(store.template).toBe(t2021);
    expect(() => store.typeCell(cell, '1')).toThrow();
  });

  it('refuses a report whose template it does not know, and keeps the one it has', () => {
    const store = createReportStore(t2021, createReport(t2021, 2024));
    expect(() => store.load(transcription('001'))).toThrow();
    expect(store.template).toBe(t2021);
    expect(store.getState().report.year).toBe(2024);
  });
});
