// @vitest-environment jsdom
// When the facts' check cannot be fetched (offline before the app was kept on this computer), a
// typed field says so beside it and counts as an error until it is in the report; the next change
// fetches again, and once the check is here the field is recorded as if nothing had happened.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createReport } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { ReportForm } from '../../src/ui/form/ReportForm';
import { registry } from '../../src/ui/shell/templates';

const network = vi.hoisted(() => ({ down: true, fetches: 0 }));
vi.mock('../../src/ui/form/load-facts-schema', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/ui/form/load-facts-schema')>();
  const { onDemand } = await import('../../src/ui/on-demand');
  return {
    ...real,
    factsSchemaModule: onDemand(async () => {
      network.fetches++;
      if (network.down) throw new TypeError('Failed to fetch dynamically imported module');
      return import('../../src/ui/form/facts-schema');
    }),
  };
});

const template = registry.get('gov-info-2021')!;
afterEach(cleanup);

describe('facts whose check cannot be fetched', () => {
  it('say so, count as errors, and are recorded once a later change fetches the check', async () => {
    const store = createReportStore(template, createReport(template, 2024), { today: '2025-01-10' });
    const user = userEvent.setup();
    render(<ReportForm store={store} />);
    const organ = screen.getByLabelText('机关名称（发文机关署名）');
    await user.type(organ, '某镇');
    expect(await screen.findByText(/^机关名称（发文机关署名）“某镇”尚未记入报告：报告基本信息的检查未能加载（Failed to fetch dynamically imported module）。.*（报告中仍为 空白）$/)).toBeInTheDocument();
    expect(organ).toHaveAttribute('aria-invalid', 'true');
    await vi.waitFor(() => expect(store.errors()).toBe(1));
    expect(store.getState().fieldRefusals.get('name')).toMatchObject({ raw: '某镇', why: expect.stringMatching(/^报告基本信息的检查未能加载/) });
    expect(store.getState().report.organ.name).toBe('');

    network.down = false;
    const tried = network.fetches;
    await user.type(organ, '府');
    expect(network.fetches).toBeGreaterThan(tried);
    await expect.poll(() => store.getState().report.organ.name, { timeout: 10_000 }).toBe('某镇府');
    await vi.waitFor(() => expect(store.errors()).toBe(0));
    await vi.waitFor(() => expect(screen.queryByText(/尚未记入报告/)).toBeNull());
    expect(organ).not.toHaveAttribute('aria-invalid');
  });
});
