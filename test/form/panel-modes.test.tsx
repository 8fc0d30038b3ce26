// @vitest-environment jsdom
// Checking as finished turns blanks into errors but keeps them folded and counted once, as
// 未完成; opening another report starts it as a draft again.
import { afterEach, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createReport } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { ReportForm } from '../../src/ui/form/ReportForm';
import { registry } from '../../src/ui/shell/templates';

afterEach(cleanup);
const template = registry.get('gov-info-2021')!;

it('folds unfinished items in both modes and counts each once when finishing (they stop a final export)', async () => {
  const store = createReportStore(template, createReport(template, 2024), { today: '2025-01-10' });
  render(<ReportForm store={store} />);
  await userEvent.click(screen.getByRole('radio', { name: '按定稿检查' }));
  const panel = screen.getByRole('complementary', { name: '检查结果' });
  const blanks = template.inputCells.length;
  // 166 cells, 7 text slots (R6), the fee statement (R11, in 六), 机关名称 and 成文日期 (R16), and
  // the default preface printing the contact facts left empty as （电话）… (R22).
  const unfinished = blanks + 7 + 1 + 2 + 1;
  await screen.findByText(`错误 0 · 警告 0 · 未完成 ${unfinished}`, undefined, { timeout: 3000 });
  // They are errors of a finished report: they stop the export, and the panel says so.
  expect(store.getState().verdict.counts.errors).toBe(unfinished);
  expect(panel.querySelector('.summary-note')?.textContent).toContain('须填写后才能导出正式文档');
  // One line for all of them, not one list item per blank cell.
  expect(panel.querySelector('details summary')?.textContent).toBe(`未完成：单元格 ${blanks}，文字 9，基本信息 2`);
  expect(panel.querySelectorAll(':scope > ul.finding-list li').length).toBeLessThan(10);

  act(() => store.load(createReport(template, 2025)));
  expect(store.getState().mode).toBe('draft');
  expect((screen.getByRole('radio', { name: '草稿' }) as HTMLInputElement).checked).toBe(true);
});

it('a finding about a report field (R16 成文日期, R18 年度) leads to that field from the panel', async () => {
  const report = createReport(template, 2024);
  report.organ = { name: '某某镇人民政府', level: 'township' };
  const store = createReportStore(template, report, { today: '2025-01-10' });
  render(<ReportForm store={store} />);
  await userEvent.click(screen.getByRole('radio', { name: '按定稿检查' }));
  // Final mode folds R16 among the unfinished items: open them and follow the 成文日期 one.
  const panel = screen.getByRole('complementary', { name: '检查结果' });
  await userEvent.click(panel.querySelector('details summary') as HTMLElement);
  await userEvent.click(await screen.findByRole('button', { name: /成文日期尚未填写/ }));
  expect(document.activeElement).toBe(screen.getByLabelText('成文日期'));
  // R18 (a year the template does not cover) is an error listed one by one; it leads to 年度.
  act(() => store.update((r) => ({ ...r, year: 2019 })));
  await userEvent.click(await screen.findByRole('button', { name: /报告年度2019年不适用本格式/ }));
  expect(document.activeElement).toBe(screen.getByLabelText('年度'));
});
