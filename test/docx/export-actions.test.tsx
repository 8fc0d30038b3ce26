// @vitest-environment jsdom
// The app's export action: a final export is refused while errors remain (listed, nothing saved);
// 导出草稿 always saves, with 草稿 in the header; the bytes are a real .docx.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExportActions } from '../../src/docx/ExportActions';
import { readFileSync } from 'node:fs';
import { parseReportText, type Report } from '../../src/core';
import { registry } from '../../src/app/templates';
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

function setup(report = seed002()) {
  const saved: { bytes: Uint8Array; name: string }[] = [];
  render(<ExportActions store={{ template, getReport: () => report }} today={() => '2024-01-10'} save={(bytes, name) => saved.push({ bytes, name })} />);
  return { saved, user: userEvent.setup() };
}

afterEach(cleanup);

describe('ExportActions', () => {
  it('refuses a final export while errors remain and lists them; saves nothing', async () => {
    const { saved, user } = setup();
    await user.click(screen.getByRole('button', { name: '导出 Word 文档' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('有 6 个错误，不能导出正式文档');
    expect(within(alert).getAllByRole('listitem')).toHaveLength(6);
    expect(within(alert).getAllByRole('listitem')[0]).toHaveTextContent('R6 四、政府信息公开行政复议、行政诉讼情况 · 行政复议 · 结果维持：尚未填写，没有发生的请填0');
    expect(saved).toHaveLength(0);
    await user.click(within(alert).getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('lists the first ten errors of a blank report and counts the rest', async () => {
    const blank = seed002();
    blank.values = {};
    const { saved, user } = setup(blank);
    await user.click(screen.getByRole('button', { name: '导出 Word 文档' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getAllByRole('listitem')).toHaveLength(10);
    expect(alert).toHaveTextContent(/另有 \d+ 个错误，见检查结果/);
    expect(saved).toHaveLength(0);
  });

  it('导出草稿 saves a .docx with 草稿 in the header and says errors remain', async () => {
    const { saved, user } = setup();
    await user.click(screen.getByRole('button', { name: '导出草稿' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('原州区三营镇2023年政府信息公开工作年度报告（草稿）.docx');
    const p = parts(saved[0]!.bytes);
    expect([...p.entries()].some(([n, x]) => /header\d\.xml$/.test(n) && x.includes('>草稿</w:t>'))).toBe(true);
    expect(await screen.findByText(/已导出“原州区三营镇2023年政府信息公开工作年度报告（草稿）.docx”（草稿，尚有 6 个错误）/)).toBeInTheDocument();
  });

  it('a report without errors exports the finished document, named after the report', async () => {
    const report = busy();
    const { saved, user } = setup(report);
    await user.click(screen.getByRole('button', { name: '导出 Word 文档' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe(`${report.organ.titleName || report.organ.name}${report.year}年政府信息公开工作年度报告.docx`);
    const doc = parts(saved[0]!.bytes).get('word/document.xml')!;
    expect(doc).toContain(`>${report.organ.name}</w:t>`);
    expect(doc).not.toContain('草稿');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
