// @vitest-environment jsdom
// The browser's registry (every templates/*.json bundled) drives the form and the preview from
// the 2019 template with no code for it: its sections, its 第二十条 blocks, a 本年增/减 of −180
// typed and kept, a fraction refused at the cell, and the preview drawing seed 003.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { createReport, parseReportText } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { ReportForm } from '../../src/ui/form/ReportForm';
import { ReportPreview } from '../../src/ui/preview/ReportPreview';
import { registry } from '../../src/ui/shell/templates';

// The app loads a template other than the current one when a report of it is opened.
const template = (await registry.load('gov-info-2019'))!;
const input = (id: string) => document.getElementById(`cell-${id}`) as HTMLInputElement;

afterEach(cleanup);

describe('the 2019 template in the app', () => {
  it('the browser registry has it, in force for 2019 and 2020', () => {
    expect(registry.forYear(2019)).toBe(template);
    expect(registry.forYear(2020)).toBe(template);
  });

  it('the form draws its sections and one input per value cell; −180 is kept in 本年增/减, −1.5 refused', async () => {
    const store = createReportStore(template, createReport(template, 2019), { today: '2020-01-10' });
    const user = userEvent.setup();
    render(<ReportForm store={store} />);
    for (const s of template.spec.sections) expect(screen.getByRole('heading', { level: 2, name: s.label })).toBeInTheDocument();
    expect(document.querySelectorAll('input.cell-input')).toHaveLength(template.inputCells.length);
    const change = 'article-20:other-services:change';
    expect(input(change)).toHaveAccessibleName(template.cells.get(change)!.name);
    await user.type(input(change), '-180');
    await user.tab();
    expect(store.getState().report.values[change]).toBe(-180);
    expect(input(change)).toHaveValue('-180');
    const decisions = 'article-20:other-services:decisions';
    await user.type(input(decisions), '-1');
    expect(input(decisions)).toHaveAttribute('aria-invalid', 'true');
    expect(store.getState().report.values[decisions] ?? null).toBeNull();
    const fenced = 'article-20:fees:change';
    await user.type(input(fenced), '-1.5');
    expect(input(fenced)).toHaveAttribute('aria-invalid', 'true');
    expect(document.getElementById(`refusal-${fenced}`)).toHaveTextContent('增减数应为整数');
  });

  it('the preview draws seed 003: （九） with its labels, 本年增/减 spanning two columns in （八）, −180', () => {
    const parsed = parseReportText(readFileSync('examples/seed-003.report.json', 'utf8'), registry.get);
    if (!parsed.ok) throw new Error('seed-003 does not parse');
    render(<ReportPreview store={createReportStore(template, parsed.report)} />);
    // The grid runs over two sheets of the preview: look in the whole preview.
    const table = screen.getByRole('article', { name: '报告预览' });
    expect(within(table).getByText('第二十条第（九）项')).toHaveAttribute('colspan', '4');
    expect(within(table).getByText('采购总金额（元）')).toHaveAttribute('colspan', '2');
    expect(within(table).getAllByText('本年增/减').map((th) => th.getAttribute('colspan') ?? '1')).toEqual(['1', '1', '2']);
    expect(within(table).getByText('-180')).toBeInTheDocument();
    expect(within(table).getByText('86960.6')).toBeInTheDocument();
  });
});
