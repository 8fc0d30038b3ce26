// @vitest-environment jsdom
// Refused input never leaves part of itself in the report, and every refused input — a cell or a
// facts field — is one error in the one count the app shows (store.errors(), the findings panel).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { composeDocument, createReport } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { ReportForm } from '../../src/ui/form/ReportForm';
import { factsSchemaModule } from '../../src/ui/form/load-facts-schema';
import { registry } from '../../src/ui/shell/templates';

const template = registry.get('gov-info-2021')!;
const A = (row: string, col: string) => `applications:${row}:${col}`;
const input = (id: string) => document.getElementById(`cell-${id}`) as HTMLInputElement;
const output = (id: string) => document.getElementById(`cell-${id}`) as HTMLOutputElement;

function setup() {
  const report = createReport(template, 2024);
  report.values[A('new', 'natural-person')] = 179;
  report.values[A('new', 'commercial')] = 21;
  const store = createReportStore(template, report, { today: '2025-01-10' });
  const user = userEvent.setup();
  render(<ReportForm store={store} />);
  const panel = screen.getByRole('complementary', { name: '检查结果' });
  return { store, user, panel };
}

// The facts' schema loads when the browser is first idle, before anyone types (typed sooner:
// facts-late-schema.test.tsx).
beforeAll(() => factsSchemaModule.load());
afterEach(cleanup);

describe('a refused cell', () => {
  for (const typed of ['180.5', '1e3', '12345678901234']) {
    it(`typed “${typed}” over 179 leaves 179 in the report, the totals and the preview`, async () => {
      const { store, user, panel } = setup();
      const cell = A('new', 'natural-person');
      const before = composeDocument(template, store.getState().report);
      await user.clear(input(cell)); // blank on the way: accepted, then given back
      await user.type(input(cell), typed);
      expect(input(cell)).toHaveValue(typed);
      expect(input(cell)).toHaveAttribute('aria-invalid', 'true');
      expect(store.getState().report.values[cell]).toBe(179);
      expect(output(A('new', 'total'))).toHaveTextContent('200');
      expect(composeDocument(template, store.getState().report)).toEqual(before);
      expect(document.getElementById(`refusal-${cell}`)).toHaveTextContent(`（未保存，表中仍为 179）`);
      // Leaving the cell keeps the refusal visible; the report still holds 179.
      await user.tab();
      expect(input(cell)).toHaveValue(typed);
      expect(store.getState().report.values[cell]).toBe(179);
      expect(store.errors()).toBe(1);
      expect(within(panel).getByRole('status')).toHaveTextContent(/^错误 1 ·/);
      // Coming back and typing a number replaces the refusal.
      await user.clear(input(cell));
      await user.type(input(cell), '180');
      expect(store.getState().report.values[cell]).toBe(180);
      expect(output(A('new', 'total'))).toHaveTextContent('201');
      expect(store.errors()).toBe(0);
    });
  }

  it('keeps the value the cell had when editing began, even after accepted keystrokes and a blur in between', async () => {
    const { store, user } = setup();
    const cell = A('new', 'commercial');
    await user.clear(input(cell));
    await user.type(input(cell), '30');
    await user.tab();
    expect(store.getState().report.values[cell]).toBe(30);
    // A new edit starts from 30: "30" → "305" accepted, "305x" refused → 30, not 305.
    await user.type(input(cell), '5x');
    expect(store.getState().report.values[cell]).toBe(30);
    await user.keyboard('{Escape}');
    expect(input(cell)).toHaveValue('30');
    expect(store.errors()).toBe(0);
  });
});

describe('refused facts fields', () => {
  it('count as errors in the store and the panel, are listed, and lead to their field', async () => {
    const { store, user, panel } = setup();
    const year = screen.getByLabelText('年度');
    await user.clear(year);
    await user.type(year, '二〇二三');
    expect(store.getState().report.year).toBe(2024);
    expect(screen.getByText(/^年度“二〇二三”无效：请填四位数字的年份（报告中仍为 2024）/)).toBeInTheDocument();
    expect(store.errors()).toBe(1);
    expect(within(panel).getByRole('status')).toHaveTextContent(/^错误 1 ·/);
    const item = within(panel).getByRole('button', { name: /报告基本信息 · 年度：“二〇二三”未被接受：请填四位数字的年份/ });

    const email = screen.getByLabelText('电子邮箱');
    await user.type(email, 'abc');
    expect(screen.getByText(/电子邮箱“abc”无效：电子邮箱格式不对/)).toBeInTheDocument();
    expect(store.getState().report.contact.email).toBe('');
    expect(store.errors()).toBe(2);
    expect(within(panel).getByRole('status')).toHaveTextContent(/^错误 2 ·/);

    await user.click(item);
    expect(year).toHaveFocus();
    await user.clear(year);
    await user.type(year, '2023');
    await user.type(email, '@example.gov.cn');
    expect(store.getState().report.year).toBe(2023);
    expect(store.getState().report.contact.email).toBe('abc@example.gov.cn');
    expect(store.errors()).toBe(0);
    expect(within(panel).queryByRole('button', { name: /报告基本信息 · 年度/ })).toBeNull();
  });

  it('are cleared when another report is opened', async () => {
    const { store, user } = setup();
    await user.type(screen.getByLabelText('电子邮箱'), 'abc');
    expect(store.errors()).toBe(1);
    store.load(createReport(template, 2023));
    expect(store.errors()).toBe(0);
    expect(store.getState().fieldRefusals.size).toBe(0);
  });
});
