// @vitest-environment jsdom
// Next year's report shows last year's text beside each slot; where the rectification rule
// applies (五), it is open, so the clerk writes how each problem was rectified next to it.
import { afterEach, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { nextYearReport, parseReportText } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { ReportForm } from '../../src/ui/form/ReportForm';
import { registry } from '../../src/ui/shell/templates';

afterEach(cleanup);

it('shows last year’s text beside this year’s, open for the slot R12 reads, and clears the revise mark', async () => {
  const parsed = parseReportText(readFileSync('examples/busy-subdistrict.report.json', 'utf8'), registry.get);
  if (!parsed.ok) throw new Error('example does not parse');
  const { template, report } = parsed;
  const next = nextYearReport(template, report);
  const store = createReportStore(template, next, { today: '2026-01-10' });
  render(<ReportForm store={store} />);

  const target = template.rules.find((r) => r.kind === 'rectification')!;
  const slot = template.texts.find((t) => t.id === (target.kind === 'rectification' ? target.text : ''))!;
  const area = screen.getByLabelText(slot.label, { selector: 'textarea' });
  const field = area.closest('.narrative') as HTMLElement;
  const details = field.querySelector('details.last-year') as HTMLDetailsElement;
  expect(details.open).toBe(true);
  expect(within(field).getByText(`上一年度（${report.year}年）报告的这一部分`)).toBeInTheDocument();
  expect(details.textContent).toContain(report.narrative[slot.id]!);

  // Other slots carry it too, folded.
  const other = screen.getByLabelText(template.texts.find((t) => t.id === 'overview.active')!.label, { selector: 'textarea' }).closest('.narrative')!;
  expect((other.querySelector('details.last-year') as HTMLDetailsElement).open).toBe(false);

  expect(within(field).getByText(/本段沿用上一年度报告的文字/)).toBeInTheDocument();
  await userEvent.click(within(field).getByRole('button', { name: '已改写' }));
  expect(store.getReport().revise).not.toContain(slot.id);
  expect(within(field).queryByText(/本段沿用上一年度报告的文字/)).toBeNull();
});

it('shows nothing of last year when the report has no last year', () => {
  const parsed = parseReportText(readFileSync('examples/seed-002.report.json', 'utf8'), registry.get);
  if (!parsed.ok) throw new Error('example does not parse');
  render(<ReportForm store={createReportStore(parsed.template, parsed.report)} />);
  expect(document.querySelector('details.last-year')).toBeNull();
});
