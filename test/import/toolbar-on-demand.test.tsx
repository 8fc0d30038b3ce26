// @vitest-environment jsdom
// The toolbar's 导入 and 导出 when their code is still on its way (a slow office PC, the first
// moments after the first paint): the buttons are there at once; a press waits on its button
// (aria-busy, the other presses ignored) and is acted on, once, when the code arrives.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { parseReportText } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { registry } from '../../src/ui/shell/templates';
import { ImportButton } from '../../src/ui/import/ImportButton';
import { ExportActions } from '../../src/ui/export/ExportActions';

/** Each module arrives only when its gate is opened by the test. */
const gates = vi.hoisted(() => {
  const gate = () => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { open, opened };
  };
  return { dialog: gate(), panel: gate() };
});
vi.mock('../../src/ui/import/ImportDialog', async (original) => {
  await gates.dialog.opened;
  return original();
});
vi.mock('../../src/ui/export/ExportPanel', async (original) => {
  await gates.panel.opened;
  return original();
});

const template = registry.get('gov-info-2021')!;
const busy = () => {
  const p = parseReportText(readFileSync('examples/busy-subdistrict.report.json', 'utf8'), registry.get);
  if (!p.ok) throw new Error('busy example does not parse');
  return p.report;
};

afterEach(cleanup);

describe('the toolbar before the code behind its buttons is here', () => {
  it('导入已发布的报告 is busy until the dialog arrives, then the dialog opens', async () => {
    const user = userEvent.setup();
    render(<ImportButton store={createReportStore(template, busy())} />);
    const button = screen.getByRole('button', { name: '导入已发布的报告' });
    expect(button).not.toHaveAttribute('aria-busy');
    await user.click(button);
    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('dialog')).toBeNull();
    gates.dialog.open();
    const dialog = await screen.findByRole('dialog', { name: '导入已发布的报告' }, { timeout: 20_000 });
    expect(button).not.toHaveAttribute('aria-busy');
    expect(within(dialog).getByLabelText('网页上复制的报告文字：')).toBeInTheDocument();
  });

  it('导出草稿 pressed before the export arrives is busy, ignores other presses, and exports once when it comes', async () => {
    const saved: string[] = [];
    const user = userEvent.setup();
    render(<ExportActions store={createReportStore(template, busy())} save={(_, name) => saved.push(name)} />);
    const draft = screen.getByRole('button', { name: '导出草稿' });
    const final = screen.getByRole('button', { name: '导出 Word 文档' });
    await user.click(draft);
    expect(draft).toHaveAttribute('aria-busy', 'true');
    expect(final).not.toHaveAttribute('aria-busy');
    expect(final).toHaveAttribute('aria-disabled', 'true');
    // Ignored, not queued: what comes out is the draft pressed first.
    await user.click(final);
    gates.panel.open();
    await screen.findByText(/^已导出“.*（草稿）\.docx”$/, {}, { timeout: 20_000 });
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatch(/（草稿）\.docx$/);
    await waitFor(() => expect(draft).not.toHaveAttribute('aria-busy'));
    expect(final).not.toHaveAttribute('aria-disabled');
  });
});
