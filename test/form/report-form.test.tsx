// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within, act, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { createReport, parseReportText, type Report } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { ReportForm } from '../../src/ui/form/ReportForm';
import { factsSchemaModule } from '../../src/ui/form/load-facts-schema';
import { registry } from '../../src/ui/shell/templates';

const template = registry.get('gov-info-2021')!;
const seed = parseReportText(readFileSync('examples/seed-002.report.json', 'utf8'), registry.get);
if (!seed.ok) throw new Error('seed-002 does not parse');
const A = (row: string, col: string) => `applications:${row}:${col}`;
const input = (id: string) => document.getElementById(`cell-${id}`) as HTMLInputElement;
const output = (id: string) => document.getElementById(`cell-${id}`) as HTMLOutputElement;

function setup(report: Report = createReport(template, 2024)) {
  const store = createReportStore(template, report, { today: '2025-01-10' });
  const user = userEvent.setup();
  render(<ReportForm store={store} />);
  return { store, user };
}

// The facts' schema loads when the browser is first idle, before anyone types (typed sooner:
// facts-late-schema.test.tsx).
beforeAll(() => factsSchemaModule.load());
afterEach(cleanup);

describe('ReportForm', () => {
  it('draws every section of the template, its guidance, and one labelled input per value cell', () => {
    setup();
    for (const s of template.spec.sections) {
      expect(screen.getByRole('heading', { level: 2, name: s.label })).toBeInTheDocument();
      expect(screen.getByText(s.guidance)).toBeInTheDocument();
    }
    for (const t of template.texts) expect(screen.getByLabelText(t.label, { selector: 'textarea' })).toBeInTheDocument();
    const inputs = document.querySelectorAll('input.cell-input');
    expect(inputs).toHaveLength(template.inputCells.length);
    for (const c of template.inputCells) expect(input(c.id)).toHaveAccessibleName(c.name);
    expect(document.querySelectorAll('output.cell-total')).toHaveLength(template.cells.size - template.inputCells.length);
    // The header cells carry the spans the core resolved: 三's corner spans 3 header rows and 3 label columns.
    const table = screen.getByRole('table', { name: template.grid('applications').label });
    const corner = within(table).getAllByRole('columnheader')[0]!;
    expect(corner).toHaveAttribute('rowspan', '3');
    expect(corner).toHaveAttribute('colspan', '3');
  });

  it('computes totals as the clerk types, accepting full-width digits and thousands separators', async () => {
    const { store, user } = setup();
    await user.type(input(A('new', 'natural-person')), '１２');
    await user.type(input(A('new', 'commercial')), '1,000');
    expect(output(A('new', 'total'))).toHaveTextContent('1012');
    expect(store.getState().report.values[A('new', 'commercial')]).toBe(1000);
    // Leaving the cell shows the number as understood.
    await user.tab();
    expect(input(A('new', 'natural-person'))).toHaveValue('12');
  });

  it('keeps refused text in the cell and names the place and the value beside the grid', async () => {
    const { store, user } = setup();
    const cell = A('withheld.third-party', 'research');
    await user.type(input(cell), '2');
    await user.tab();
    await user.type(input(cell), '.5');
    expect(input(cell)).toHaveValue('2.5');
    expect(input(cell)).toHaveAttribute('aria-invalid', 'true');
    expect(store.getState().report.values[cell]).toBe(2);
    const note = document.getElementById(`refusal-${cell}`)!;
    expect(note).toHaveTextContent(template.cells.get(cell)!.name);
    expect(note).toHaveTextContent('2.5');
    expect(input(cell)).toHaveAccessibleDescription(note.textContent!);
    // The findings panel counts it as an error too.
    expect(screen.getByRole('complementary', { name: '检查结果' })).toHaveTextContent(/“2\.5”未被接受/);
    // Escape gives the text up and shows the stored value again.
    await user.keyboard('{Escape}');
    expect(input(cell)).toHaveValue('2');
    expect(input(cell)).not.toHaveAttribute('aria-invalid');
  });

  it('pastes a block copied from a spreadsheet and reports what it could not paste', async () => {
    const { store, user } = setup();
    await user.click(input(A('disclosed', 'natural-person')));
    await user.paste('1\t2\t3\t0\t0\t0\t9\r\n4\tx\t6\r\n');
    // The paste's planning loads on the first paste: the block lands a moment later, whole.
    await waitFor(() => expect(store.getState().report.values[A('disclosed', 'natural-person')]).toBe(1));
    const v = store.getState().report.values;
    expect([v[A('disclosed', 'natural-person')], v[A('disclosed', 'commercial')], v[A('disclosed', 'research')]]).toEqual([1, 2, 3]);
    expect([v[A('partly-disclosed', 'natural-person')], v[A('partly-disclosed', 'research')]]).toEqual([4, 6]);
    expect(input(A('partly-disclosed', 'commercial'))).toHaveValue('x');
    expect(v[A('partly-disclosed', 'commercial')]).toBeUndefined();
    // The pasted 总计 9 is not written: the grid computes 6, and says so.
    expect(output(A('disclosed', 'total'))).toHaveTextContent('6');
    const status = input(A('disclosed', 'natural-person')).closest('.grid-wrap')!.querySelector('[role=status]')!;
    expect(status).toHaveTextContent('已粘贴 8 个数值；1 个未接受');
    expect(status).toHaveTextContent(/“9”，合计为 6/);
    expect(status).toHaveTextContent(/“x”不是数字/);
    // The focused cell did not receive the whole clipboard text.
    expect(input(A('disclosed', 'natural-person'))).toHaveValue('1');
  });

  it('moves with arrows and Enter like a spreadsheet, skipping computed totals', async () => {
    const { user } = setup();
    await user.click(input(A('new', 'other-organisation')));
    await user.keyboard('{ArrowDown}');
    expect(input(A('carried-over', 'other-organisation'))).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(input(A('disclosed', 'other-organisation'))).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(input(A('disclosed', 'other-organisation'))).toHaveFocus();
    await user.keyboard('7{ArrowLeft}');
    // The caret moved inside "7" first; at its start, Left moves to the previous cell.
    expect(input(A('disclosed', 'other-organisation'))).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(input(A('disclosed', 'legal-services'))).toHaveFocus();
  });

  it('lists findings and takes the clerk to the cell of a finding', async () => {
    const { store, user } = setup(seed.report);
    const panel = screen.getByRole('complementary', { name: '检查结果' });
    const cell = A('new', 'natural-person');
    const before = store.getState().report.values[cell] ?? 0;
    await user.clear(input(cell));
    await user.type(input(cell), String(before + 1));
    const r1 = store.getState().findings.find((f) => f.rule === 'R1')!;
    expect(r1.level).toBe('error');
    const button = within(panel).getByRole('button', { name: new RegExp(r1.message.replace(/[()（）+?.*[\]\\]/g, '.')) });
    await user.click(document.body);
    await user.click(button);
    expect(document.activeElement?.id).toBe(`cell-${r1.cells.find((c) => !template.cells.get(c)!.computed)}`);
    expect(input(cell)).toHaveAttribute('data-level', 'error');
  });

  it('checks as a finished report on request: blanks become errors, counted once (as 未完成)', async () => {
    const { store, user } = setup();
    const panel = screen.getByRole('complementary', { name: '检查结果' });
    const incomplete = store.getState().findings.filter((f) => f.level === 'incomplete');
    expect(within(panel).getByRole('status')).toHaveTextContent(`错误 0 · 警告 0 · 未完成 ${incomplete.length}`);
    // The unfinished items say what they are: blank cells, empty text slots, the rest.
    const texts = incomplete.filter((f) => f.text).length;
    const facts = incomplete.filter((f) => !f.text && !f.cells.length && typeof f.params.path === 'string').length;
    const other = incomplete.length - texts - facts - template.inputCells.length;
    const parts = [`单元格 ${template.inputCells.length}`, `文字 ${texts}`, facts && `基本信息 ${facts}`, other && `其他 ${other}`].filter(Boolean);
    expect(within(panel).getByText(/^未完成：/)).toHaveTextContent(`未完成：${parts.join('，')}`);
    await user.click(within(panel).getByLabelText('按定稿检查'));
    expect(store.getState().verdict.counts.errors).toBe(incomplete.length);
    expect(within(panel).getByRole('status')).toHaveTextContent(`错误 0 · 警告 0 · 未完成 ${incomplete.length}`);
  });

  it('fills only the blank cells with 0, of one grid or of the whole report, never a typed value or a refused text', async () => {
    const { store, user } = setup();
    const panel = screen.getByRole('complementary', { name: '检查结果' });
    const n = template.inputCells.length;
    await user.type(input(A('new', 'research')), '5');
    await user.type(input(A('new', 'commercial')), 'x');
    await user.type(input('appeals:cases:review.upheld'), '2');
    expect(within(panel).getByRole('status')).toHaveTextContent(/^错误 1 · 警告 0 · 未完成 \d+$/);
    expect(within(panel).getByRole('button', { name: /^空白单元格填0/ })).toHaveTextContent(`（全部 ${n - 3} 格）`);
    const grid = template.grid('applications');
    const wrap = input(A('new', 'research')).closest('.grid-wrap') as HTMLElement;
    const blanksHere = grid.cells.filter((c) => !c.computed).length - 2;
    await user.click(within(wrap).getByRole('button', { name: `本表空白单元格填0（${blanksHere} 格）` }));
    const v = store.getState().report.values;
    expect(v[A('new', 'research')]).toBe(5);
    expect(v[A('new', 'commercial')]).toBeUndefined();
    expect(input(A('new', 'commercial'))).toHaveValue('x');
    expect(v[A('disclosed', 'natural-person')]).toBe(0);
    expect(input(A('disclosed', 'natural-person'))).toHaveValue('0');
    expect(output(A('new', 'total'))).toHaveTextContent('5');
    // Other grids are untouched; the grid's own button is gone.
    expect(v['appeals:cases:review.corrected']).toBeUndefined();
    expect(within(wrap).queryByRole('button', { name: /本表空白/ })).toBeNull();
    expect(within(panel).getByRole('button', { name: /^空白单元格填0/ })).toHaveTextContent(`（全部 ${n - 3 - blanksHere} 格）`);
    await user.click(within(panel).getByRole('button', { name: /^空白单元格填0/ }));
    expect(within(panel).queryByRole('button', { name: /^空白单元格填0/ })).toBeNull();
    // Only the refused cell is still blank in the report (it counts as an error, and unfinished).
    expect(within(panel).getByText(/^未完成：/)).toHaveTextContent(/^未完成：单元格 1，/);
    expect(store.getState().report.values['appeals:cases:review.upheld']).toBe(2);
    expect(store.getState().report.values['appeals:cases:review.corrected']).toBe(0);
    expect(within(panel).getByText(`已将 ${n - 3 - blanksHere} 个空白单元格填为 0，已填写的数值未改动。`)).toBeInTheDocument();
  });

  it('writes narrative into the report and shows the findings of that text under it', async () => {
    const { store, user } = setup();
    const slot = template.texts.find((t) => t.id === 'problems')!;
    const area = screen.getByLabelText(slot.label, { selector: 'textarea' });
    await user.type(area, '联系人手机13812345678');
    expect(store.getState().report.narrative.problems).toBe('联系人手机13812345678');
    const r13 = store.getState().findings.find((f) => f.rule === 'R13' && f.text === 'problems');
    expect(r13).toBeDefined();
    expect(area).toHaveAccessibleDescription(expect.stringContaining(r13!.message));
  });

  it('fills the report facts and the 信息处理费 facts, and shows the sentence they make', async () => {
    const { store, user } = setup();
    await user.type(screen.getByLabelText('机关名称（发文机关署名）'), '某某镇人民政府');
    await user.selectOptions(screen.getByLabelText('机关层级'), 'township');
    const year = screen.getByLabelText('年度');
    await user.clear(year);
    await user.type(year, '20x');
    expect(screen.getByText(/年度“20x”无效/)).toBeInTheDocument();
    expect(store.getState().report.year).toBe(2024);
    await user.clear(year);
    await user.type(year, '2025');
    expect(store.getState().report.year).toBe(2025);
    const fee = template.spec.fee.labels;
    await user.click(screen.getByLabelText(fee.collected));
    await user.type(screen.getByLabelText(fee.notices), '2');
    await user.type(screen.getByLabelText(fee.amount), '150.5');
    await user.type(screen.getByLabelText(fee.collectedAmount), '100');
    expect(store.getState().report.organ).toMatchObject({ name: '某某镇人民政府', level: 'township' });
    expect(store.getState().report.fee).toEqual({ status: 'collected', notices: 2, amount: 150.5, collectedAmount: 100 });
    expect(screen.getByText(/报告中将写明：.*2件.*150\.5.*100/)).toBeInTheDocument();
  });

  it('replaces what cells show when a whole report is loaded', async () => {
    const { store } = setup();
    await act(async () => store.load(seed.report));
    for (const c of template.inputCells) {
      const v = seed.report.values[c.id];
      expect(input(c.id)).toHaveValue(v == null ? '' : String(v));
    }
  });

  it('records where the clerk is, and goes back there when a draft is opened', async () => {
    const { store, user } = setup();
    await user.click(input(A('unable.not-held', 'research')));
    expect(store.getFocus()).toEqual({ section: 'applications', cell: A('unable.not-held', 'research') });
    await user.click(screen.getByLabelText(template.texts.find((t) => t.id === 'problems')!.label, { selector: 'textarea' }));
    const area = screen.getByLabelText(template.texts.find((t) => t.id === 'problems')!.label, { selector: 'textarea' });
    expect(store.getFocus()).toEqual({ section: 'problems', field: area.id });
    await act(async () => store.load(seed.report, { section: 'appeals', cell: 'appeals:cases:direct.other' }));
    expect(input('appeals:cases:direct.other')).toHaveFocus();
    // A text field (kept by its element id) is found again too.
    await act(async () => store.load(seed.report, { section: 'problems', field: area.id }));
    expect(area).toHaveFocus();
  });

  it('offers the template preface with the facts filled in, and puts it in the text field on request', async () => {
    const { store, user } = setup();
    await user.type(screen.getByLabelText('联系电话'), '0954-1234567');
    const label = template.texts.find((t) => t.id === 'preface')!.label;
    const area = screen.getByLabelText(label, { selector: 'textarea' }) as HTMLTextAreaElement;
    expect(area.value).toBe('');
    expect(screen.getByText(/不填写时，报告使用以下前言/).nextElementSibling).toHaveTextContent('0954-1234567');
    await user.click(screen.getByRole('button', { name: '填入以上前言再修改' }));
    expect(area.value).toContain('0954-1234567');
    expect(store.getState().report.narrative.preface).toBe(area.value);
    expect(screen.queryByText(/不填写时/)).toBeNull();
  });

  it('shows totals kept as printed by an imported report, and replaces them by the sums on request', async () => {
    // The published report printed a 总计 of 7 where its row adds up to something else.
    const cell = A('new', 'total');
    const report: Report = { ...seed.report, printed: { ...seed.report.printed, [cell]: 7 } };
    const { store, user } = setup(report);
    expect(output(cell)).toHaveTextContent('7');
    expect(output(cell)).toHaveAttribute('data-printed', 'true');
    const wrap = output(cell).closest('.grid-wrap')!;
    expect(wrap.querySelector('.printed-note')).toHaveTextContent(/本表有 31 个合计沿用导入文件中印出的数字，其中 1 个与各项之和不符/);
    expect(store.getState().findings.some((f) => f.rule === 'R2' && f.cells.includes(cell))).toBe(true);
    await user.click(within(wrap as HTMLElement).getByRole('button', { name: '改用自动合计' }));
    const sum = template.computedBy.get(cell)!.items.reduce((t, i) => t + (seed.report.values[i.cell] ?? 0), 0);
    expect(output(cell)).toHaveTextContent(String(sum));
    expect(output(cell)).not.toHaveAttribute('data-printed');
    expect(wrap.querySelector('.printed-note')).toBeNull();
    // Only this grid's printed totals are dropped: 四's stay.
    expect(Object.keys(store.getState().report.printed ?? {}).every((id) => id.startsWith('appeals:'))).toBe(true);
    expect(store.getState().findings.some((f) => f.rule === 'R2' && f.cells.includes(cell))).toBe(false);
  });
});
