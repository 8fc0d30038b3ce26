// @vitest-environment jsdom
// The report facts through react-hook-form and the zod schema derived from the template's report
// schema: valid input reaches the store through RHF's subscribe callback without re-rendering the
// form; invalid input stays in the field with a Chinese message; opening a report resets them.
import { renderedDuring } from './render-commits';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { createReport, parseReportText } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { ReportForm } from '../../src/ui/form/ReportForm';
import { factsError, factsSchema } from '../../src/ui/form/facts-schema';
import { factsOf } from '../../src/ui/form/facts-values';
import { registry } from '../../src/ui/shell/templates';

const template = registry.get('gov-info-2021')!;
const seed = parseReportText(readFileSync('examples/seed-002.report.json', 'utf8'), registry.get);
if (!seed.ok) throw new Error('seed-002 does not parse');
afterEach(cleanup);

function setup() {
  const store = createReportStore(template, createReport(template, 2024), { today: '2025-01-10' });
  const user = userEvent.setup();
  render(<ReportForm store={store} />);
  return { store, user };
}

describe('factsSchema', () => {
  const schema = factsSchema(template);
  const ok = factsOf(seed.report);
  it('accepts what a report holds and gives the report’s types', () => {
    const r = schema.parse({ ...ok, written: '2024-01-20', titleName: '' });
    expect(r).toMatchObject({ year: 2023, level: 'township', written: '2024-01-20', deadline: null, titleName: undefined });
  });
  it('takes its limits from the template’s report schema, with Chinese messages', () => {
    const bad = (patch: Partial<typeof ok>) => schema.safeParse({ ...ok, ...patch }, { error: factsError }).error?.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    // The levels are the template's organLevels; anything else is refused.
    expect(template.spec.organLevels.map((l) => schema.shape.level.safeParse(l.id).success)).not.toContain(false);
    expect(bad({ level: 'province' })).toEqual(['level:请从列表中选择']);
    expect(bad({ year: '1999' })).toEqual(['year:不能小于 2000']);
    expect(bad({ year: '２０２４年' })).toEqual(['year:请填四位数字的年份']);
    expect(bad({ name: '镇'.repeat(201) })).toEqual(['name:最多 200 个字']);
    expect(bad({ written: '2024-02-30' })).toEqual(['written:日期应为 年-月-日，如 2024-01-20']);
  });
});

describe('FactsFields', () => {
  it('writes a valid field to the store without re-rendering the form or the other fields', async () => {
    const { store, user } = setup();
    const organ = screen.getByLabelText('机关名称（发文机关署名）');
    await user.type(organ, '某');
    const rendered = await renderedDuring(() => user.type(organ, '镇'));
    expect(store.getState().report.organ.name).toBe('某镇');
    const names = new Set(rendered.map((r) => r.name));
    // The store's subscribers did re-render (the findings), so the probe sees commits.
    expect(names).toContain('FindingsPanelBody');
    for (const n of ['FactsFields', 'ReportForm', 'Section', 'Fact', 'GridTableBody', 'InputCellBody']) expect(names).not.toContain(n);
  });

  it('keeps an invalid year in the field, says why, and leaves the report’s year', async () => {
    const { store, user } = setup();
    const year = screen.getByLabelText('年度');
    await user.clear(year);
    await user.type(year, '1999');
    expect(await screen.findByText('年度“1999”无效：不能小于 2000（报告中仍为 2024）')).toBeInTheDocument();
    expect(year).toHaveValue('1999');
    expect(year).toHaveAttribute('aria-invalid', 'true');
    expect(year).toHaveAccessibleDescription(/不能小于 2000/);
    expect(store.getState().report.year).toBe(2024);
    await user.clear(year);
    await user.type(year, '2023');
    expect(store.getState().report.year).toBe(2023);
    expect(screen.queryByText(/^年度“.*”无效/)).toBeNull();
  });

  it('shows the deadline used when none is given, after the level and year', async () => {
    const { user } = setup();
    expect(screen.getByText('未填写，按 2025年1月31日 检查')).toBeInTheDocument();
    const year = screen.getByLabelText('年度');
    await user.clear(year);
    await user.type(year, '2023');
    expect(screen.getByText('未填写，按 2024年1月31日 检查')).toBeInTheDocument();
  });

  it('puts the facts of an opened report in the fields (reset on load)', async () => {
    const { store, user } = setup();
    await user.type(screen.getByLabelText('联系电话'), '123');
    await act(async () => store.load(seed.report));
    expect(screen.getByLabelText('机关名称（发文机关署名）')).toHaveValue(seed.report.organ.name);
    expect(screen.getByLabelText('年度')).toHaveValue(String(seed.report.year));
    expect(screen.getByLabelText('机关层级')).toHaveValue(seed.report.organ.level);
    expect(screen.getByLabelText('联系电话')).toHaveValue(seed.report.contact.phone);
    // Typing after the load changes the loaded report, not the old one.
    await user.type(screen.getByLabelText('联系单位'), '办');
    expect(store.getState().report.contact.office).toBe(seed.report.contact.office + '办');
    expect(store.getState().report.organ.name).toBe(seed.report.organ.name);
  });
});
