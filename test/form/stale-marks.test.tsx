// @vitest-environment jsdom
// Next year's report from seed 002 (a township's real 2023 report): the sentences still 2023's are
// listed under their text box, a click selects one in the box, and typing in one box re-renders
// that box and the findings panel only, as on any report.
import { renderedDuring } from './render-commits';
import { afterEach, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { nextYearReport, parseReportText } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { ReportForm } from '../../src/ui/form/ReportForm';
import { registry } from '../../src/ui/shell/templates';

const template = registry.get('gov-info-2021')!;
afterEach(cleanup);
const parsed = parseReportText(readFileSync('examples/seed-002.report.json', 'utf8'), registry.get);
if (!parsed.ok) throw new Error('seed-002 does not parse');
const STALE = '2023年共主动公开政务信息6条。';

function setup() {
  const store = createReportStore(template, nextYearReport(template, parsed.ok ? parsed.report : (undefined as never)), { today: '2025-01-10' });
  render(<ReportForm store={store} />);
  return { store, user: userEvent.setup(), area: document.getElementById('text-overview.active') as HTMLTextAreaElement };
}

it('lists the stale sentences under their box; a click selects the sentence, also after text was typed before it', async () => {
  const { user, area } = setup();
  const list = document.getElementById('text-overview.active-stale')!;
  expect(within(list).getByRole('button', { name: STALE })).toBeInTheDocument();
  expect(area.getAttribute('aria-describedby')).toContain('text-overview.active-stale');
  // A space typed inside the first sentence, past what its message quotes: the messages stay the
  // same, so the findings (and their ranges) are kept as they were, one character behind.
  await user.click(area);
  area.setSelectionRange(40, 40);
  await user.keyboard(' ');
  expect(area.value.indexOf(STALE)).toBeGreaterThan(40);
  await user.click(within(list).getByRole('button', { name: STALE }));
  expect(area.value.slice(area.selectionStart, area.selectionEnd)).toBe(STALE);
  expect(document.activeElement).toBe(area);
});

it('the findings panel leads to the sentence and selects it; the message comes first, the rule id after', async () => {
  const { user, area } = setup();
  const panel = screen.getByRole('complementary', { name: '检查结果' });
  const item = within(panel).getByRole('button', { name: new RegExp(`^警告 一、总体情况 · （一）主动公开：“${STALE}”写的是上一年度（2023年）的工作，请按本年情况改写（R29）$`) });
  await user.click(item);
  expect(document.activeElement).toBe(area);
  expect(area.value.slice(area.selectionStart, area.selectionEnd)).toBe(STALE);
});

it('typing in one text box re-renders that box and the findings panel only', async () => {
  const { user, area } = setup();
  await user.click(area);
  await user.keyboard('{Control>}{End}{/Control}本');
  const rendered = await renderedDuring(() => user.keyboard('年'));
  expect(rendered.filter((r) => r.name === 'NarrativeFieldBody').map((r) => (r.props!.slot as { id: string }).id)).toEqual(['overview.active']);
  expect([...new Set(rendered.map((r) => r.name))].filter((n) => !['FindingsPanelBody', 'NarrativeFieldBody', 'StaleSentences'].includes(n))).toEqual([]);
});
