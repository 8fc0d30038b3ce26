// @vitest-environment jsdom
// The import dialog over a real report store: paste seed 002's text or open a .docx, see what was
// read with the uncertain cells marked, then open it as that year's or as next year's report —
// through the store alone, and as a new draft when the drafts layer is there.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync, readdirSync } from 'node:fs';
import { createReport, parseReportText } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { registry } from '../../src/ui/shell/templates';
import { ImportButton } from '../../src/ui/import/ImportButton';
import { requestImport } from '../../src/ui/import/import-request';
import { DraftsRoot } from '../../src/ui/drafts/DraftsRoot';
import { openDraftDb } from '../../src/drafts/db';
import { renderDocx } from '../../src/render/docx/render-docx';

const template = registry.get('gov-info-2021')!;
// jsdom: paths from the repository root (import.meta.url is not a file URL here).
const seeds = 'test/fixtures/seeds/';
const seed002 = readFileSync(seeds + readdirSync(seeds).find((f) => f.startsWith('002_'))!, 'utf8');
const busy = () => {
  const p = parseReportText(readFileSync('examples/busy-subdistrict.report.json', 'utf8'), registry.get);
  if (!p.ok) throw new Error('busy example does not parse');
  return p.report;
};
const example = JSON.parse(readFileSync('examples/seed-002.report.json', 'utf8'));

afterEach(() => {
  cleanup();
  globalThis.indexedDB = new IDBFactory();
  history.replaceState(null, '', '/');
});

function setup() {
  const store = createReportStore(template, createReport(template, 2024));
  const user = userEvent.setup();
  render(<ImportButton store={store} />);
  return { store, user };
}

/** The dialog inside the real drafts layer (fake-indexeddb), once its session is open. */
async function setupWithDrafts(store: ReturnType<typeof createReportStore>) {
  const user = userEvent.setup();
  render(
    <DraftsRoot store={store}>
      <ImportButton store={store} />
    </DraftsRoot>,
  );
  await screen.findByRole('button', { name: '导入已发布的报告' }, { timeout: 20_000 });
  return user;
}

/** Click 导入已发布的报告; the dialog's code may still be on its way (fetched on idle or on the click). */
async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: '导入已发布的报告' }));
  return screen.findByRole('dialog', { name: '导入已发布的报告' }, { timeout: 20_000 });
}

async function pasteSeed(user: ReturnType<typeof userEvent.setup>) {
  const dialog = await openDialog(user);
  // fireEvent: typing 8 000 characters key by key is slow and tests nothing more.
  fireEvent.change(within(dialog).getByLabelText('网页上复制的报告文字：'), { target: { value: seed002 } });
  await user.click(within(dialog).getByRole('button', { name: '读取粘贴的文字' }));
  // The first read of a file loads the importer and the older templates: slow on a loaded machine.
  await within(dialog).findByLabelText('读到的内容', {}, { timeout: 30_000 });
  return dialog;
}

describe('ImportDialog', () => {
  it('shows the source beside what was read, with the uncertain cells marked', async () => {
    const { user } = setup();
    const dialog = await pasteSeed(user);
    const result = within(dialog).getByLabelText('读到的内容');
    expect(within(result).getByRole('status')).toHaveTextContent('195 个数值，15 个单元格待核对');
    expect(result).toHaveTextContent('原州区三营镇人民政府');
    expect(within(dialog).getByLabelText('来源')).toHaveTextContent('第二十条第（一）项');
    const flagged = result.querySelectorAll('td.import-flagged');
    expect(flagged).toHaveLength(15);
    const review = result.querySelector('td[data-cell="appeals:cases:review.upheld"]')!;
    expect(review).toHaveClass('import-flagged');
    expect(review.getAttribute('aria-label')).toContain('空白，待核对');
    expect(result.querySelector('td[data-cell="article-20:licensing:decisions"]')).toHaveTextContent(/^179$/);
    expect(within(result).getByLabelText('导入说明')).toHaveTextContent('按表头的列位置对齐读取');
  });

  it('opens the import as that year\'s report through the store', async () => {
    const { store, user } = setup();
    const dialog = await pasteSeed(user);
    await user.click(within(dialog).getByRole('button', { name: '作为 2023 年报告打开' }));
    const report = store.getState().report;
    expect(report.year).toBe(2023);
    expect(report.values).toEqual(example.values);
    expect(report.printed).toEqual(example.printed);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('starts next year\'s report from it (carry-over and last year kept)', async () => {
    const { store, user } = setup();
    const dialog = await pasteSeed(user);
    await user.click(within(dialog).getByRole('button', { name: '以此为上年报告，开始 2024 年报告' }));
    const report = store.getState().report;
    expect(report.year).toBe(2024);
    expect(report.lastYear?.year).toBe(2023);
    expect(report.organ.name).toBe('原州区三营镇人民政府');
    expect(report.values['applications:carried-over:natural-person']).toBe(0);
  });

  it('reads a .docx file; refuses a file that is not one, keeping what was pasted', async () => {
    const { user } = setup();
    const dialog = await openDialog(user);
    const box = within(dialog).getByLabelText('网页上复制的报告文字：');
    await user.type(box, '草稿文字');
    const input = within(dialog).getByLabelText('报告文件（.docx、.pdf、.html、.txt）：');
    // Told by content, not by name: text named .docx is read as text, and is no report.
    await user.upload(input, new File(['不是 Word'], 'x.docx'));
    expect(await within(dialog).findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent('不像是一份年度报告');
    // An old binary Word file gets what to do instead.
    // (chosen under "all files": the picker does not offer .doc)
    await userEvent.setup({ applyAccept: false }).upload(input, new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])], '2023年报.doc'));
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('“另存为” .docx 或 PDF 后再导入'), { timeout: 20_000 });
    expect(box).toHaveValue('草稿文字');
    const bytes = await renderDocx(template, busy());
    await user.upload(input, new File([bytes as Uint8Array<ArrayBuffer>], 'busy.docx'));
    const result = await within(dialog).findByLabelText('读到的内容', {}, { timeout: 10_000 });
    expect(within(result).getByRole('status')).toHaveTextContent('0 个单元格待核对');
    expect(result).toHaveTextContent('示例市示例区和平街道办事处');
  });

  it('creates a draft named after the organ and year read; the blank, untouched draft it replaces is removed', async () => {
    const store = createReportStore(template, createReport(template, 2024));
    const user = await setupWithDrafts(store);
    const dialog = await pasteSeed(user);
    await user.click(within(dialog).getByRole('button', { name: '作为 2023 年报告打开' }));
    await screen.findByText(/已导入“原州区三营镇 2023年（导入）”.*空白报告.*已移除/, {}, { timeout: 10_000 });
    const db = await openDraftDb();
    const all = await db.list();
    db.close();
    const live = all.filter((d) => d.deletedAt === null);
    expect(live.map((d) => d.name)).toEqual(['原州区三营镇 2023年（导入）']);
    expect(all).toHaveLength(1); // not even in the trash
    expect(store.getState().report.year).toBe(2023);
  });

  it('keeps an open draft that has content; next year\'s draft is named after the organ too', async () => {
    const mine = createReport(template, 2024);
    mine.organ = { name: '某某镇人民政府', level: 'township' };
    const store = createReportStore(template, mine);
    const user = await setupWithDrafts(store);
    const dialog = await pasteSeed(user);
    await user.click(within(dialog).getByRole('button', { name: '以此为上年报告，开始 2024 年报告' }));
    await screen.findByText(/已导入“原州区三营镇 2024年（据2023年报告）”，作为一份新草稿（原有草稿未改动）/, {}, { timeout: 10_000 });
    const db = await openDraftDb();
    const all = await db.list();
    db.close();
    expect(all.every((d) => d.deletedAt === null)).toBe(true);
    expect(all.map((d) => d.organ).sort()).toEqual(['原州区三营镇', '某某镇人民政府']);
    expect(all.find((d) => d.organ === '原州区三营镇')?.name).toBe('原州区三营镇 2024年（据2023年报告）');
  });

  it('moves focus to the result\'s heading after Enter on 读取粘贴的文字, or to the error', async () => {
    const { user } = setup();
    const dialog = await openDialog(user);
    const box = within(dialog).getByLabelText('网页上复制的报告文字：');
    fireEvent.change(box, { target: { value: '你好，这不是报告' } });
    within(dialog).getByRole('button', { name: '读取粘贴的文字' }).focus();
    await user.keyboard('{Enter}');
    const alert = await within(dialog).findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent('不像是一份年度报告');
    await waitFor(() => expect(alert).toHaveFocus(), { timeout: 20_000 });
    fireEvent.change(box, { target: { value: seed002 } });
    within(dialog).getByRole('button', { name: '读取粘贴的文字' }).focus();
    await user.keyboard('{Enter}');
    const heading = await within(dialog).findByRole('heading', { name: '读取结果：原州区三营镇 2023年' }, { timeout: 10_000 });
    await waitFor(() => expect(heading).toHaveFocus(), { timeout: 20_000 });
    expect(heading).toHaveAttribute('tabindex', '-1');
    expect(screen.getByRole('dialog')).toBe(dialog);
    await user.tab();
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it('reads a .txt file (GB18030 as saved by Notepad) like pasted text', async () => {
    const { user } = setup();
    const dialog = await openDialog(user);
    const input = within(dialog).getByLabelText('报告文件（.docx、.pdf、.html、.txt）：');
    expect(input.getAttribute('accept')?.split(',')).toEqual(expect.arrayContaining(['.docx', '.pdf', '.html', '.htm', '.txt', '.md']));
    const bytes = readFileSync('test/import/fixtures/002.gb18030.txt');
    await user.upload(input, new File([bytes], '三营镇2023年报.txt', { type: 'text/plain' }));
    const result = await within(dialog).findByLabelText('读到的内容', {}, { timeout: 10_000 });
    expect(within(result).getByRole('status')).toHaveTextContent('195 个数值，15 个单元格待核对');
    expect(result).toHaveTextContent('原州区三营镇人民政府');
    expect(within(dialog).getByText(/来源：三营镇2023年报\.txt/)).toBeInTheDocument();
  });

  it('reads the HTML of a browser copy (its table structure), not its text; after an edit, the text', async () => {
    const { user } = setup();
    const dialog = await openDialog(user);
    const box = within(dialog).getByLabelText('网页上复制的报告文字：');
    const html = `<h1>某某镇人民政府2023年政府信息公开工作年度报告</h1><p>二、主动公开政府信息情况</p>
      <table><tr><td colspan=4>第二十条第（一）项</td></tr><tr><td>信息内容<td>本年制发件数<td>本年废止件数<td>现行有效件数
      <tr><td>规章<td>3<td>0<td>7<tr><td>行政规范性文件<td>8<td>1<td>40</table>`;
    // What a browser puts beside the HTML: cells run together, the structure lost.
    const plain = '某某镇人民政府2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容本年制发件数本年废止件数现行有效件数\n规章307\n行政规范性文件8140';
    fireEvent.paste(box, { clipboardData: { getData: (type: string) => (type === 'text/html' ? html : plain) } });
    fireEvent.change(box, { target: { value: plain } });
    expect(within(dialog).getByText('粘贴的内容带有网页格式，将按网页中的表格结构读取。')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '读取粘贴的文字' }));
    const result = await within(dialog).findByLabelText('读到的内容', {}, { timeout: 10_000 });
    expect(within(result).getByLabelText(/^规章 · 本年制发件数：3/)).toBeInTheDocument();
    expect(within(result).getByLabelText(/^行政规范性文件 · 现行有效件数：40/)).toBeInTheDocument();
    expect(within(dialog).getByRole('heading', { level: 3 })).toHaveTextContent(/^读取结果：某某镇(人民政府)? 2023年$/);

    // Edited after the paste: the box no longer holds just the copy, so its text is read.
    await user.click(within(dialog).getByRole('button', { name: '换一个来源' }));
    fireEvent.paste(within(dialog).getByLabelText('网页上复制的报告文字：'), { clipboardData: { getData: (type: string) => (type === 'text/html' ? html : plain) } });
    fireEvent.change(within(dialog).getByLabelText('网页上复制的报告文字：'), { target: { value: `${plain}\n补充` } });
    expect(within(dialog).queryByText('粘贴的内容带有网页格式，将按网页中的表格结构读取。')).toBeNull();
  });

  it('a file handed over by 打开文件 or a drop opens the dialog and is read as if chosen in it', async () => {
    setup();
    const bytes = new Uint8Array(readFileSync('test/import/fixtures/002.gb18030.txt'));
    let taken = false;
    act(() => void (taken = requestImport({ name: '三营镇2023年报.txt', bytes })));
    expect(taken).toBe(true);
    const dialog = await screen.findByRole('dialog', { name: '导入已发布的报告' }, { timeout: 20_000 });
    const result = await within(dialog).findByLabelText('读到的内容', {}, { timeout: 30_000 });
    expect(within(result).getByRole('status')).toHaveTextContent('195 个数值，15 个单元格待核对');
    expect(within(dialog).getByText(/来源：三营镇2023年报\.txt/)).toBeInTheDocument();
  });

  it('is a modal <dialog>: Escape or 关闭 closes it, keeping nothing, and focus returns to the button', async () => {
    const { user } = setup();
    const opener = screen.getByRole('button', { name: '导入已发布的报告' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: '导入已发布的报告' }, { timeout: 20_000 });
    expect(dialog.tagName).toBe('DIALOG');
    expect(opener).toHaveAttribute('aria-haspopup', 'dialog');
    await user.click(within(dialog).getByLabelText('网页上复制的报告文字：'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
    await user.click(opener);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });
});
