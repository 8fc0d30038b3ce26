// @vitest-environment jsdom
// The toolbar's 导入 and 导出 when the code behind them cannot be fetched (offline, before the app
// was kept on this computer by its service worker): the press says so in Chinese, nothing else
// happens, and the next press tries again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createReport } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { registry } from '../../src/ui/shell/templates';
import { ImportButton } from '../../src/ui/import/ImportButton';
import { ExportActions } from '../../src/ui/export/ExportActions';
import { onDemand } from '../../src/ui/on-demand';

// What Chromium says when a chunk cannot be fetched.
const FETCH_FAILED = 'Failed to fetch dynamically imported module';
vi.mock('../../src/ui/import/ImportDialog', () => Promise.reject(new TypeError(FETCH_FAILED)));
vi.mock('../../src/ui/export/ExportPanel', () => Promise.reject(new TypeError(FETCH_FAILED)));

const template = registry.get('gov-info-2021')!;
const store = () => createReportStore(template, createReport(template, 2024));

afterEach(cleanup);

describe('the toolbar when the code behind its buttons cannot be fetched', () => {
  it('导入已发布的报告 says the import could not be loaded and what to do; no dialog opens', async () => {
    const user = userEvent.setup();
    render(<ImportButton store={store()} />);
    const button = screen.getByRole('button', { name: '导入已发布的报告' });
    await user.click(button);
    const alert = await screen.findByRole('alert', {}, { timeout: 20_000 });
    expect(alert).toHaveTextContent(/^导入功能未能加载（.+）。可能是网络已断开，而本程序尚未完整保存到本机：请连上网络后刷新页面再试。/);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button).not.toHaveAttribute('aria-busy');
    await user.click(within(alert).getByRole('button', { name: '关闭提示' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('导出 Word 文档 says the export could not be loaded; nothing is saved and the buttons take presses again', async () => {
    const saved: string[] = [];
    const user = userEvent.setup();
    render(<ExportActions store={store()} save={(_, name) => saved.push(name)} />);
    const final = screen.getByRole('button', { name: '导出 Word 文档' });
    await user.click(final);
    const alert = await screen.findByRole('alert', {}, { timeout: 20_000 });
    expect(alert).toHaveTextContent(/^导出功能未能加载（.+）。可能是网络已断开/);
    expect(saved).toEqual([]);
    expect(final).not.toHaveAttribute('aria-busy');
    expect(final).not.toHaveAttribute('aria-disabled');
    await user.click(screen.getByRole('button', { name: '关闭提示' }));
    expect(screen.queryByRole('alert')).toBeNull();
    // Pressed again: fetched again, and said again.
    await user.click(screen.getByRole('button', { name: '导出草稿' }));
    expect(await screen.findByRole('alert', {}, { timeout: 20_000 })).toHaveTextContent(/^导出功能未能加载/);
    expect(saved).toEqual([]);
  });
});

describe('onDemand', () => {
  it('fetches a module once; a failed fetch is tried again on the next need', async () => {
    let calls = 0;
    const module = onDemand(async () => {
      calls++;
      if (calls === 1) throw new TypeError(FETCH_FAILED);
      return { answer: 42 };
    });
    expect(module.current).toBeUndefined();
    await expect(module.load()).rejects.toThrow(FETCH_FAILED);
    expect(module.current).toBeUndefined();
    const [a, b] = await Promise.all([module.load(), module.load()]);
    expect(a).toBe(b);
    expect(module.current).toEqual({ answer: 42 });
    await module.load();
    expect(calls).toBe(2);
  });
});
