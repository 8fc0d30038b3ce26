// @vitest-environment jsdom
// The text box of a section whose body is its tables (二 三 四) or its parts (一) says what it is
// for, visibly: 本节说明（可不填）, named with its section heading; a section that is its text (五, 六)
// is named by its heading alone.
import { afterEach, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { SECTION_NOTE_LABEL, createReport } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { ReportForm } from '../../src/ui/form/ReportForm';
import { registry } from '../../src/ui/shell/templates';

afterEach(cleanup);
const template = registry.get('gov-info-2021')!;

it('labels the text box beside a section’s tables or parts 本节说明（可不填）, with the section’s name', () => {
  render(<ReportForm store={createReportStore(template, createReport(template, 2024))} />);
  const notes = template.spec.sections.filter((s) => s.grids?.length || s.parts?.length);
  expect(notes.map((s) => s.label)).toEqual(['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
  for (const s of notes) {
    const box = screen.getByRole('textbox', { name: `${s.label} ${SECTION_NOTE_LABEL}` });
    const label = document.querySelector(`label[for="${box.id}"]`)!;
    expect(label.textContent).toBe(SECTION_NOTE_LABEL);
    expect(label.className).not.toContain('visually-hidden');
  }
  expect(screen.getByRole('textbox', { name: '五、存在的主要问题及改进情况' })).toBeInTheDocument();
  expect(screen.getAllByText(SECTION_NOTE_LABEL)).toHaveLength(notes.length);
});
