// @vitest-environment jsdom
// The drafts components over a real report store and fake-indexeddb: boot opens or creates a
// draft, the status line, a refused file changes nothing, delete asks first and can be undone.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { createReport } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { registry } from '../../src/ui/shell/templates';
import { DraftsRoot } from '../../src/ui/drafts/DraftsRoot';
import { openDraftDb } from '../../src/drafts/db';
import { readFileSync } from 'node:fs';
import { ExportActions } from '../../src/ui/export/ExportActions';
import { parseReportText } from '../../src/core';

const exampleText = readFileSync('examples/seed-002.report.json', 'utf8');

const template = registry.get('gov-info-2021')!;
/** Room for a loaded machine: the first render pays for loading the drafts layer and the database. */
const SLOW = { timeout: 20_000 };
/** The reports list and the older templates load on first use: on a loaded machine that takes more than a second. */
const ON_DEMAND = { timeout: 15_000 };

afterEach(() => {
  cleanup();
  globalThis.indexedDB = new IDBFactory(); // a fresh database for the next test
  history.replaceState(null, '', '/');
});

async function setup() {
  const store = createReportStore(template, createReport(template, 2024));
  const user = userEvent.setup();
  render(
    <DraftsRoot store={store}>
      <p>表单</p>
    </DraftsRoot>,
  );
  await screen.findByText('表单', {}, SLOW);
  return { store, user };
}

const liveDrafts = async () => {
  const db = await openDraftDb();
  const n = (await db.list()).filter((d) => d.deletedAt === null).length;
  db.close();
  return n;
};

describe('drafts UI', () => {
  it('creates a first draft, shows 已保存 with the time, and saves what the store changes', async () => {
    const { store } = await setup();
    expect(await screen.findByText(/^已保存 \d\d:\d\d:\d\d$/, {}, SLOW)).toBeInTheDocument();
    expect(location.hash).toMatch(/^#draft=/);
    store.update((r) => ({ ...r, organ: { ...r.organ, name: '测试镇人民政府' } }));
    await screen.findByText(/^正在保存…|^有未保存的修改…$|^已保存/, {}, SLOW);
    const db = await openDraftDb();
    await expect.poll(async () => (await db.list())[0]?.organ, SLOW).toBe('测试镇人民政府');
    db.close();
  });

  it('refuses a bad file with problems in Chinese and changes no draft; a good one opens as a new draft', async () => {
    const { store, user } = await setup();
    const before = store.getState().report;
    const input = screen.getByTestId('open-file') as HTMLInputElement;
    const bad = exampleText.replace('"year": 2023', '"year": "二〇二三"');
    await user.upload(input, new File([bad], 'bad.json', { type: 'application/json' }));
    const alert = await screen.findByRole('alert', {}, ON_DEMAND);
    expect(alert).toHaveTextContent('无法打开文件“bad.json”，没有改动任何草稿');
    expect(alert).toHaveTextContent('year：应为数字，实际为文字 “二〇二三”');
    expect(store.getState().report).toBe(before);
    expect(await liveDrafts()).toBe(1);
    await user.upload(input, new File([exampleText], 'good.json', { type: 'application/json' }));
    expect(await screen.findByText(/已打开文件“good.json”/, {}, ON_DEMAND)).toBeInTheDocument();
    expect(store.getState().report.organ.name).toBe('原州区三营镇人民政府');
    // The blank first draft nobody typed in is gone (not in the trash): no pile-up of blanks.
    const db = await openDraftDb();
    expect((await db.list()).map((d) => [d.organ, d.deletedAt])).toEqual([['原州区三营镇', null]]);
    db.close();
  });

  it('deleting asks first, moves the draft to the trash, says what is open now, and 撤销 reopens it', async () => {
    const { store, user } = await setup();
    store.update((r) => ({ ...r, organ: { ...r.organ, name: '甲镇人民政府' } }));
    await expect.poll(async () => {
      const db = await openDraftDb();
      const organ = (await db.list())[0]?.organ;
      db.close();
      return organ;
    }, SLOW).toBe('甲镇人民政府');
    const first = location.hash;
    const opener = screen.getByRole('button', { name: '报告列表' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: '报告列表' }, ON_DEMAND);
    const table = await within(dialog).findByRole('table', {}, SLOW);
    await user.click(within(table).getByRole('button', { name: '删除' }));
    expect(await liveDrafts()).toBe(1); // only asked so far
    await user.click(within(table).getByRole('button', { name: '确定删除' }));
    // The open draft was the only one: a new blank one is opened, and the notice says so.
    expect(await within(dialog).findByText(/已删除“甲镇人民政府 2024 年度”（回收站保留 30 天）。已新建一份 2024 年度的空白报告并打开/, {}, SLOW)).toBeInTheDocument();
    await expect.poll(liveDrafts, SLOW).toBe(1);
    expect(location.hash).not.toBe(first);
    expect(store.getState().report.organ.name).toBe('');
    expect(await within(dialog).findByText(/回收站（1，保留 30 天）/, {}, SLOW)).toBeInTheDocument();
    // 撤销 restores it and opens it again; the untouched blank report goes to the trash.
    await user.click(within(dialog).getByRole('button', { name: '撤销' }));
    expect(await within(dialog).findByText('已恢复并重新打开“甲镇人民政府 2024 年度”', {}, SLOW)).toBeInTheDocument();
    expect(location.hash).toBe(first);
    expect(store.getState().report.organ.name).toBe('甲镇人民政府');
    await expect.poll(liveDrafts, SLOW).toBe(1);
    // Escape closes the list; focus is back on the button that opened it.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('deleting the open draft with others in the list names the one now open; 撤销 reopens the deleted one', async () => {
    const { store, user } = await setup();
    const db = await openDraftDb();
    const other = createReport(template, 2023);
    other.organ.name = '乙街道办事处';
    await db.create(other, { name: '' });
    db.close();
    const first = location.hash;
    await user.click(screen.getByRole('button', { name: '报告列表' }));
    const dialog = await screen.findByRole('dialog', { name: '报告列表' }, ON_DEMAND);
    await within(dialog).findByText('乙街道办事处 2023 年度', {}, SLOW);
    const current = dialog.querySelector('tr[aria-current="true"]') as HTMLElement;
    await user.click(within(current).getByRole('button', { name: '删除' }));
    await user.click(within(current).getByRole('button', { name: '确定删除' }));
    expect(await within(dialog).findByText(/现在打开的是“乙街道办事处 2023 年度”/, {}, SLOW)).toBeInTheDocument();
    expect(store.getState().report.organ.name).toBe('乙街道办事处');
    await user.click(within(dialog).getByRole('button', { name: '撤销' }));
    await expect.poll(() => location.hash, SLOW).toBe(first);
    expect(store.getState().report.year).toBe(2024);
    await expect.poll(liveDrafts, SLOW).toBe(2);
  });

  it('stores the one error count in the list: error findings plus refused cells', async () => {
    const { store, user } = await setup();
    store.typeCell('applications:new:research', 'x');
    const db = await openDraftDb();
    await expect.poll(async () => (await db.list())[0]?.errors, SLOW).toBe(store.errors());
    db.close();
    expect(store.errors()).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: '报告列表' }));
    const dialog = await screen.findByRole('dialog', { name: '报告列表' }, ON_DEMAND);
    const row = (await within(dialog).findAllByRole('row', {}, SLOW))[1]!;
    expect(within(row).getAllByRole('cell')[4]).toHaveTextContent(String(store.errors()));
    expect(within(row).getAllByRole('cell')[3]).toHaveTextContent(/^草稿$/);
    await user.click(within(dialog).getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('the list shows what the export did: 已导出草稿 with the date and the file, then a change since', async () => {
    const parsed = parseReportText(exampleText, registry.get);
    if (!parsed.ok) throw new Error('example');
    const store = createReportStore(template, parsed.report);
    const user = userEvent.setup();
    const names: string[] = [];
    render(
      <DraftsRoot store={store} tools={<ExportActions store={store} save={(_, name) => names.push(name)} />}>
        <p>表单</p>
      </DraftsRoot>,
    );
    await screen.findByText('表单', {}, SLOW);
    const stateCell = async () => {
      await user.click(screen.getByRole('button', { name: '报告列表' }));
      const dialog = await screen.findByRole('dialog', { name: '报告列表' }, ON_DEMAND);
      const row = within(dialog).getAllByRole('row')[1]!;
      const text = within(row).getAllByRole('cell')[3]!.textContent ?? '';
      await user.click(within(dialog).getByRole('button', { name: '关闭' }));
      return text;
    };
    expect(await stateCell()).toBe('草稿');
    await user.click(screen.getByRole('button', { name: '导出草稿' }));
    await screen.findByText(/^已导出“.+（草稿）\.docx”/, {}, { timeout: 20_000 });
    await expect.poll(stateCell, { timeout: 10_000 }).toMatch(new RegExp(`^已导出草稿\\d+月\\d+日 \\d\\d:\\d\\d 导出“${names[0]!.replace(/[()（）.]/g, '.')}”$`));
    store.typeCell('applications:new:research', '7');
    await expect.poll(stateCell, { timeout: 10_000 }).toMatch(/^草稿已导出草稿 .+，之后有修改“/);
  });
});
