// @vitest-environment jsdom
// The facts' schema loads on demand (src/ui/form/load-facts-schema.ts). A clerk who types before it
// has arrived loses nothing: the fields keep what was typed, and once the schema is there each
// field is checked as it stands then, with the same messages, refusals and store values as when
// the schema was there from the start. The real module is used; only its arrival is held back.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createReport } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { ReportForm } from '../../src/ui/form/ReportForm';
import { registry } from '../../src/ui/shell/templates';

const gate = vi.hoisted(() => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open, asked: 0 };
});
vi.mock('../../src/ui/form/facts-schema', async (importOriginal) => {
  gate.asked++;
  await gate.opened;
  return importOriginal();
});

const template = registry.get('gov-info-2021')!;
afterEach(cleanup);

describe('facts typed before their schema has loaded', () => {
  it('are kept, then checked and recorded as soon as it arrives', async () => {
    const store = createReportStore(template, createReport(template, 2024), { today: '2025-01-10' });
    const user = userEvent.setup();
    render(<ReportForm store={store} />);
    const organ = screen.getByLabelText('机关名称（发文机关署名）');
    const year = screen.getByLabelText('年度');
    const email = screen.getByLabelText('电子邮箱');
    const phone = screen.getByLabelText('联系电话');

    await user.type(organ, '某');
    await user.type(organ, '镇');
    await user.clear(year);
    await user.type(year, '1999');
    await user.type(email, 'abc');
    await user.type(phone, '0954');
    // The first screen asked for the schema (when idle) and has not got it: nothing is judged yet.
    await vi.waitFor(() => expect(gate.asked).toBe(1));
    expect(organ).toHaveValue('某镇');
    expect(year).toHaveValue('1999');
    expect(store.getState().report.organ.name).toBe('');
    expect(store.getState().report.contact.phone).toBe('');
    expect(store.errors()).toBe(0);
    expect(screen.queryByText(/无效/)).toBeNull();

    gate.open();
    await expect.poll(() => store.getState().report.organ.name, { timeout: 10_000 }).toBe('某镇');
    expect(store.getState().report.contact.phone).toBe('0954');
    expect(store.getState().report.year).toBe(2024);
    expect(store.getState().report.contact.email).toBe('');
    expect(await screen.findByText('年度“1999”无效：不能小于 2000（报告中仍为 2024）', undefined, { timeout: 10_000 })).toBeInTheDocument();
    expect(await screen.findByText(/^电子邮箱“abc”无效：电子邮箱格式不对/, undefined, { timeout: 10_000 })).toBeInTheDocument();
    expect(year).toHaveAttribute('aria-invalid', 'true');
    // Both refusals count as errors, as they do when typed after the schema arrived.
    expect(store.errors()).toBe(2);
    expect([...store.getState().fieldRefusals.keys()].sort()).toEqual(['email', 'year']);

    // From now on each keystroke is checked at once.
    await user.clear(year);
    await user.type(year, '2023');
    expect(store.getState().report.year).toBe(2023);
    expect(store.errors()).toBe(1);
    expect(gate.asked).toBe(1);
  });
});
