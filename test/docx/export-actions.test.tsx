// @vitest-environment jsdom
// The app's export action over the real report store, beside the real form and findings panel:
// a final export is refused while errors or refused inputs remain (the same count as the panel,
// each item leading to its cell, switching to 填写); open warnings are shown grouped and need
// 仍然导出; 导出草稿 always saves and names the refused inputs it exported with their last accepted
// value; the bytes are a real .docx.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { ExportActions } from '../../src/ui/export/ExportActions';
import { MESSAGE_MS } from '../../src/ui/export/ExportPanel';
import { ReportViews } from '../../src/ui/preview/ReportViews';
import { parseReportText, type Report } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { domId } from '../../src/ui/places';
import { registry } from '../../src/ui/shell/templates';
import { parts } from './docx-parts';

// The browser registry (bundled templates) and files read from the working directory: under
// jsdom, import.meta.url is not a file: URL.
const template = registry.get('gov-info-2021')!;
function _read(path: string): Report {
  const parsed = parseReportText(readFileSync(path, 'utf8'), registry.get);
  if (!parsed.ok) throw new Error(path);
  return parsed.report;
}
const seed002 = () => _read('examples/seed-002.report.json');
const busy = () => _read('examples/busy-subdistrict.report.json');

/** The export buttons above the form, as in the app; `form: false` leaves the form out. */
function setup(report = seed002(), { form = true, messageMs = MESSAGE_MS, onSave = () => {} } = {}) {
  const saved: { bytes: Uint8Array; name: string }[] = [];
  const store = createReportStore(template, report, { today: '2024-01-10' });
  const save = (bytes: Uint8Array, name: string) => {
    onSave();
    saved.push({ bytes, name });
  };
  render(
    <>
      <ExportActions store={store} save={save} messageMs={messageMs} />
      {form && <ReportViews store={store} />}
    </>,
  );
  return { saved, store, user: userEvent.setup() };
}

const exportButton = () => screen.getByRole('button', { name: '导出 Word 文档' });
/** The error count of the findings panel's summary (错误 N · 警告 N · …), shown or not. */
const panelErrors = () => Number(/错误 (\d+)/.exec(document.querySelector('.findings .summary')?.textContent ?? '')?.[1]);

afterEach(cleanup);

describe('ExportActions', () => {
  it('refuses a final export while errors remain: checks as finished, counts as the findings panel, saves nothing', async () => {
    const { saved, store, user } = setup();
    expect(store.getState().mode).toBe('draft');
    await user.click(exportButton());
    const alert = await screen.findByRole('alert');
    // Seed 002 as finished: four blank 行政复议 cells, its blank printed total (R6) and no 成文日期 (R16).
    expect(store.getState().mode).toBe('final');
    expect(screen.getByRole('radio', { name: '按定稿检查' })).toBeChecked();
    // All of them still to fill in: said once, as the panel counts them (错误 0 · … · 未完成 7).
    const { shown, counts } = store.getState().verdict;
    expect(alert).toHaveTextContent(`有 ${shown.unfinished} 项未完成，不能导出正式文档`);
    expect(shown.unfinished).toBeGreaterThanOrEqual(6);
    expect(panelErrors()).toBe(shown.errors);
    const items = within(alert).getAllByRole('listitem');
    expect(items).toHaveLength(counts.errors);
    expect(items[0]).toHaveTextContent('R6 四、政府信息公开行政复议、行政诉讼情况 · 行政复议 · 结果维持：尚未填写，没有发生的请填0');
    expect(saved).toHaveLength(0);
    await user.click(within(alert).getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a refused input blocks the final export, is listed with its place and text, and the item leads to its cell from 预览', async () => {
    const { saved, store, user } = setup(busy());
    const id = 'applications:new:natural-person';
    const before = store.getReport().values[id];
    expect(store.typeCell(id, '180.5').ok).toBe(false);
    await user.click(screen.getByRole('tab', { name: '预览' }));
    await user.click(exportButton());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('有 1 个错误，不能导出正式文档');
    expect(panelErrors()).toBe(1);
    const item = within(alert).getByRole('button', { name: /180\.5/ });
    expect(item).toHaveTextContent(/^三、收到和处理政府信息公开申请情况 · .*自然人：“180\.5”未被接受：带小数，件数应为整数$/);
    expect(saved).toHaveLength(0);
    // The preview is shown; the item switches to 填写 and lands in the cell.
    expect(document.getElementById('view-form')).not.toBeVisible();
    await user.click(item);
    expect(screen.getByRole('tab', { name: '填写' })).toHaveAttribute('aria-selected', 'true');
    expect(document.activeElement?.id).toBe(domId.cell(id));
    // Corrected, the list follows the store and the export goes ahead.
    store.typeCell(id, String(before ?? 0));
    await screen.findByText('错误已全部改正，可以再次导出 Word 文档。');
    await user.click(exportButton());
    await waitFor(() => expect(saved).toHaveLength(1));
  });

  it('a refused facts field blocks the final export too, and its item leads to the field', async () => {
    const { store, user } = setup(busy());
    // As the facts fields record it (src/ui/form/FactsFields.tsx).
    store.setFieldRefusal('year', { raw: '二〇二四', why: '请填四位数字的年份', label: '报告基本信息 · 年度' });
    await user.click(exportButton());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('有 1 个错误，不能导出正式文档');
    expect(panelErrors()).toBe(1);
    const item = within(alert).getByRole('button', { name: /二〇二四/ });
    expect(item).toHaveTextContent(/^报告基本信息 · 年度：“二〇二四”未被接受：请填四位数字的年份$/);
    await user.click(item);
    expect(document.activeElement).toBe(screen.getByLabelText('年度'));
  });

  it('lists the first ten errors of a blank report and counts the rest', async () => {
    const blank = seed002();
    blank.values = {};
    const { saved, store, user } = setup(blank, { form: false });
    await user.click(exportButton());
    const alert = await screen.findByRole('alert');
    expect(within(alert).getAllByRole('listitem')).toHaveLength(10);
    expect(alert).toHaveTextContent(`另有 ${store.getState().verdict.counts.errors - 10} 项，见检查结果`);
    expect(saved).toHaveLength(0);
  });

  it('an error without a cell or text (成文日期) leads to its facts field', async () => {
    const report = busy();
    report.dates = { ...report.dates, written: null };
    const { user } = setup(report);
    await user.click(exportButton());
    const alert = await screen.findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: /成文日期/ }));
    expect(document.activeElement).toBe(screen.getByLabelText('成文日期'));
  });

  it('open warnings need 仍然导出: grouped by section, each leading to its text; 返回修改 exports nothing', async () => {
    const report = busy();
    // Text copied from last year and not yet revised, in two sections (R17, warnings).
    report.revise = ['overview.active', 'problems'];
    const { saved, user } = setup(report);
    await user.click(exportButton());
    const dialog = await screen.findByRole('alertdialog', { name: '仍要导出吗？' });
    expect(screen.queryByRole('alert')).toBeNull();
    const groups = within(dialog).getAllByRole('region');
    expect(groups.map((g) => g.getAttribute('aria-label'))).toEqual([
      template.spec.sections.find((s) => s.id === 'overview')!.label,
      template.spec.sections.find((s) => s.id === 'problems')!.label,
    ]);
    expect(dialog).toHaveTextContent('尚有 2 条警告');
    expect(within(groups[0]!).getByRole('button')).toHaveTextContent(/^R17 一、总体情况 · （一）主动公开沿用上一年度报告的文字/);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: '返回修改' }));
    await user.click(within(groups[1]!).getByRole('button'));
    expect(document.activeElement?.id).toBe(domId.text('problems'));
    await user.click(within(dialog).getByRole('button', { name: '返回修改' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(saved).toHaveLength(0);
    await user.click(exportButton());
    await user.click(await screen.findByRole('button', { name: '仍然导出' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).not.toContain('草稿');
  });

  it('导出草稿 saves a .docx with 草稿 in the header and says errors remain (the panel’s count)', async () => {
    const { saved, store, user } = setup();
    await user.click(screen.getByRole('button', { name: '导出草稿' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('原州区三营镇2023年政府信息公开工作年度报告（草稿）.docx');
    const p = parts(saved[0]!.bytes);
    expect([...p.entries()].some(([n, x]) => /header\d\.xml$/.test(n) && x.includes('>草稿</w:t>'))).toBe(true);
    // A draft leaves the check mode alone: the count is the panel's, in the mode it shows.
    store.typeCell('applications:new:natural-person', 'x');
    store.setMode('final');
    await user.click(screen.getByRole('button', { name: '导出草稿' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(await screen.findByText(`已导出“原州区三营镇2023年政府信息公开工作年度报告（草稿）.docx”（草稿，尚有 ${panelErrors()} 个错误）`)).toBeInTheDocument();
  });

  it('导出草稿 with a refused input says the cell went out with its last accepted value', async () => {
    const { saved, store, user } = setup(busy(), { form: false });
    const id = 'applications:new:natural-person';
    const before = store.getReport().values[id]!;
    const refused = store.typeCell(id, '180.5');
    if (refused.ok) throw new Error('180.5 was accepted');
    await user.click(screen.getByRole('button', { name: '导出草稿' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent('以下 1 处输入未被接受，草稿中是其上次接受的数值（没有则为空白）');
    const label = `${template.sectionOf('applications')!.label} · ${template.cells.get(id)!.name}`;
    expect(within(note).getByRole('listitem')).toHaveTextContent(`${label}：“180.5”未被接受：带小数，件数应为整数（草稿中为 ${before}）`);
    const doc = parts(saved[0]!.bytes).get('word/document.xml')!;
    expect(doc).not.toContain('180.5');
    expect(doc).toContain(`>${before}</w:t>`);
  });

  it('a report without errors or warnings exports the finished document, named after the report', async () => {
    const report = busy();
    const { saved, user } = setup(report, { form: false });
    await user.click(exportButton());
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe(`${report.organ.titleName || report.organ.name}${report.year}年政府信息公开工作年度报告.docx`);
    const doc = parts(saved[0]!.bytes).get('word/document.xml')!;
    expect(doc).toContain(`>${report.organ.name}</w:t>`);
    expect(doc).not.toContain('草稿');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('the 已导出 message: × closes it, it goes by itself, and the next export or another report clears it', async () => {
    const { saved, user } = setup(busy(), { form: false, messageMs: 50 });
    const draft = screen.getByRole('button', { name: '导出草稿' });
    const message = () => screen.queryByText(/^已导出“/);
    await user.click(draft);
    await screen.findByText(/^已导出“.*（草稿）\.docx”$/);
    await user.click(screen.getByRole('button', { name: '关闭提示' }));
    expect(message()).toBeNull();
    // It goes by itself (the app waits MESSAGE_MS; here 50 ms).
    await user.click(draft);
    await screen.findByText(/^已导出“/);
    await waitFor(() => expect(message()).toBeNull());
    expect(saved).toHaveLength(2);
    expect(MESSAGE_MS).toBe(10_000);
  });

  it('the 已导出 message does not outlive its report: the store loading another report clears it', async () => {
    const { store, user } = setup(busy(), { form: false });
    await user.click(screen.getByRole('button', { name: '导出草稿' }));
    const shown = await screen.findByText(/^已导出“.*（草稿）\.docx”$/);
    expect(shown).toHaveTextContent(busy().organ.name.slice(0, 2));
    const other = seed002();
    act(() => store.load(other));
    expect(screen.queryByText(/^已导出“/)).toBeNull();
    // The next export names the report now open.
    await user.click(screen.getByRole('button', { name: '导出草稿' }));
    expect(await screen.findByText(/^已导出“/)).toHaveTextContent('原州区三营镇2023年');
  });

  it('while busy the buttons are aria-disabled (not disabled), ignore clicks, and focus stays on 导出 Word 文档', async () => {
    const seen: { disabled: boolean; aria: string | null; focused: boolean }[] = [];
    const { saved, user } = setup(busy(), {
      form: false,
      onSave: () => {
        // Still busy while the bytes are handed over: a second click must start nothing.
        const button = exportButton();
        seen.push({ disabled: (button as HTMLButtonElement).disabled, aria: button.getAttribute('aria-disabled'), focused: document.activeElement === button });
        button.click();
        screen.getByRole('button', { name: '导出草稿' }).click();
      },
    });
    exportButton().focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(seen).toEqual([{ disabled: false, aria: 'true', focused: true }]);
    await screen.findByText(/^已导出“/);
    expect(saved).toHaveLength(1);
    expect(document.activeElement).toBe(exportButton());
    expect(exportButton()).not.toHaveAttribute('aria-disabled');
  });

  it('reads the findings only once the rules have checked the report (store.whenChecked), the button busy meanwhile', async () => {
    const report = busy();
    const id = 'applications:new:natural-person';
    const before = report.values[id]!;
    const store = createReportStore(template, report, { today: '2024-01-10' });
    expect(store.typeCell(id, '180.5').ok).toBe(false);
    // The rules still checking: the export waits until they are done.
    let checked!: () => void;
    const checking = new Promise<void>((resolve) => (checked = resolve));
    const saved: string[] = [];
    render(<ExportActions store={{ ...store, whenChecked: () => checking }} save={(_, name) => saved.push(name)} />);
    const user = userEvent.setup();
    await user.click(exportButton());
    await waitFor(() => expect(exportButton()).toHaveAttribute('aria-busy', 'true'), { timeout: 20_000 });
    expect(store.getState().mode).toBe('final');
    // Corrected before the check is done: what is read is the report as it is then, with no refusal.
    act(() => void store.typeCell(id, String(before)));
    expect(screen.queryByRole('alert')).toBeNull();
    checked();
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).not.toContain('草稿');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(exportButton()).not.toHaveAttribute('aria-busy');
  });

  it('Escape in 仍要导出吗？ means 返回修改: nothing exported, focus back on 导出 Word 文档', async () => {
    const report = busy();
    report.revise = ['problems'];
    const { saved, user } = setup(report, { form: false });
    await user.click(exportButton());
    const dialog = await screen.findByRole('alertdialog', { name: '仍要导出吗？' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: '返回修改' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(exportButton());
    expect(saved).toHaveLength(0);
    // 仍然导出 leaves focus on 导出 Word 文档 too (not on <body> when the question goes).
    await user.click(exportButton());
    await user.click(await screen.findByRole('button', { name: '仍然导出' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(document.activeElement).toBe(exportButton());
  });

  it('clicking a listed item shrinks the list to one line (it must not hide the place); R15 leads to 成文日期', async () => {
    const report = busy();
    report.dates = { ...report.dates, written: '2025-03-05' }; // after the deadline: R15
    const { user } = setup(report);
    await user.click(exportButton());
    const dialog = await screen.findByRole('alertdialog', { name: '仍要导出吗？' });
    const item = within(dialog).getByRole('button', { name: /^R15 / });
    await user.click(item);
    expect(document.activeElement).toBe(screen.getByLabelText('成文日期'));
    // Shrunk: no list, the question and its answers stay, the list can be shown again.
    expect(within(dialog).queryAllByRole('region')).toHaveLength(0);
    expect(dialog).toHaveClass('export-collapsed');
    const toggle = within(dialog).getByRole('button', { name: /^显示列表/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(dialog).getByRole('button', { name: '仍然导出' })).toBeInTheDocument();
    await user.click(toggle);
    expect(within(dialog).getAllByRole('region').length).toBeGreaterThan(0);
    expect(within(dialog).getByRole('button', { name: '收起列表' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('the refusal shrinks too when one of its items is clicked, and 关闭 gives focus back to the button', async () => {
    const report = busy();
    report.dates = { ...report.dates, written: null };
    const { user } = setup(report);
    await user.click(exportButton());
    const alert = await screen.findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: /成文日期/ }));
    expect(document.activeElement).toBe(screen.getByLabelText('成文日期'));
    expect(within(alert).queryAllByRole('listitem')).toHaveLength(0);
    expect(alert).toHaveTextContent('有 1 项未完成，不能导出正式文档。');
    await user.click(within(alert).getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.activeElement).toBe(exportButton());
  });
});
