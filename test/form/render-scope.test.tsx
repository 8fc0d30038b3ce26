// @vitest-environment jsdom
// "A keystroke re-renders one cell, the totals that depend on it, and the findings list."
import { renderedDuring } from './render-commits';
import { afterEach, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createReport } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { ReportForm } from '../../src/ui/form/ReportForm';
import { registry } from '../../src/ui/shell/templates';

const template = registry.get('gov-info-2021')!;
afterEach(cleanup);

it('re-renders only the typed cell, the totals it changes and the findings list on a keystroke', async () => {
  const store = createReportStore(template, createReport(template, 2024), { today: '2025-01-10' });
  const user = userEvent.setup();
  render(<ReportForm store={store} />);
  const id = 'applications:disclosed:research';
  const input = document.getElementById(`cell-${id}`)!;
  await user.click(input);
  await user.keyboard('3');
  const rendered = await renderedDuring(() => user.keyboard('4'));
  const cells = rendered.filter((r) => r.name === 'InputCellBody').map((r) => (r.props!.cell as { id: string }).id);
  const totals = rendered.filter((r) => r.name === 'TotalCellBody').map((r) => (r.props!.cell as { id: string }).id).sort();
  const others = [...new Set(rendered.map((r) => r.name))].filter((n) => n !== 'InputCellBody' && n !== 'TotalCellBody');
  expect(cells).toEqual([id]);
  // 3 → 34 changes the row's 总计, the column's （七）总计 and their corner; no other total.
  expect(totals).toEqual(['applications:disclosed:total', 'applications:outcome-total:research', 'applications:outcome-total:total']);
  // Besides: the findings list.
  expect(others).toEqual(['FindingsPanelBody']);
  // Nothing of the other 165 input cells, the grids or the sections.
  expect(others).not.toContain('GridTableBody');
  expect(others).not.toContain('Section');
  expect(others).not.toContain('NarrativeFieldBody');
  expect(store.getState().report.values[id]).toBe(34);
});

it('re-renders only the text field typed in and the findings list on a keystroke in the narrative', async () => {
  const store = createReportStore(template, createReport(template, 2024), { today: '2025-01-10' });
  const user = userEvent.setup();
  render(<ReportForm store={store} />);
  const area = document.getElementById('text-problems')!;
  await user.click(area);
  await user.keyboard('已');
  const rendered = await renderedDuring(() => user.keyboard('经'));
  expect(rendered.filter((r) => r.name === 'NarrativeFieldBody').map((r) => (r.props!.slot as { id: string }).id)).toEqual(['problems']);
  expect([...new Set(rendered.map((r) => r.name))].sort()).toEqual(['FindingsPanelBody', 'NarrativeFieldBody']);
  expect(store.getState().report.narrative.problems).toBe('已经');
});

it('renders nothing when the clerk moves from cell to cell (the focused cell is styled by CSS :focus)', async () => {
  const store = createReportStore(template, createReport(template, 2024), { today: '2025-01-10' });
  const user = userEvent.setup();
  render(<ReportForm store={store} />);
  await user.click(document.getElementById('cell-applications:new:natural-person')!);
  await user.keyboard('5');
  const rendered = await renderedDuring(async () => {
    await user.click(document.getElementById('cell-applications:new:commercial')!);
    await user.tab();
    await user.click(document.getElementById('cell-appeals:cases:review.upheld')!);
  });
  expect(rendered.map((r) => r.name)).toEqual([]);
  expect(store.getState().focus).toEqual({ section: 'appeals', cell: 'appeals:cases:review.upheld' });
});
