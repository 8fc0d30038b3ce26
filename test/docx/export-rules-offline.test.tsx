// @vitest-environment jsdom
// The export when the rules could not be fetched (offline, the app's files not kept): the report
// is unchecked, so 导出 Word 文档 makes no finished document and says why; 导出草稿 still saves.
import { afterEach, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { RULES_STATE_TEXT, parseReportText } from '../../src/core';
import { registry } from '../../src/ui/shell/templates';
import { ExportActions } from '../../src/ui/export/ExportActions';

afterEach(() => {
  cleanup();
  vi.doUnmock('../../src/store/rules-module');
  vi.resetModules();
});

/** A store of a fresh module graph (the test set-up loaded the rules in its own) whose rules cannot be fetched. */
async function storeWithoutRules(report: Parameters<typeof import('../../src/store/report-store').createReportStore>[1]) {
  vi.resetModules();
  vi.doMock('../../src/store/rules-module', () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
  const { createReportStore } = await import('../../src/store/report-store');
  return createReportStore(registry.get('gov-info-2021')!, report);
}

it('refuses a finished document while the rules could not be fetched; a draft still goes out', async () => {
  const parsed = parseReportText(readFileSync('examples/busy-subdistrict.report.json', 'utf8'), registry.get);
  if (!parsed.ok) throw new Error('busy example does not parse');
  const store = await storeWithoutRules(parsed.report);
  await store.whenChecked();
  expect(store.getState().rules).toBe('failed');
  const saved: string[] = [];
  const user = userEvent.setup();
  render(<ExportActions store={store} save={(_, name) => saved.push(name)} />);
  await user.click(screen.getByRole('button', { name: '导出 Word 文档' }));
  const alert = await screen.findByRole('alert', {}, { timeout: 20_000 });
  expect(alert).toHaveTextContent(`导出失败：${RULES_STATE_TEXT.failed}正式文档须经检查才能导出，现在可以先导出草稿。`);
  expect(saved).toEqual([]);
  await user.click(screen.getByRole('button', { name: '导出草稿' }));
  await waitFor(() => expect(saved).toHaveLength(1), { timeout: 20_000 });
  expect(saved[0]).toMatch(/（草稿）\.docx$/);
});
