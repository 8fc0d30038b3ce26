// The session's view of the real report store: refused text and focus travel with the draft.
import { describe, expect, it } from 'vitest';
import { createReport } from '../../src/core';
import { createReportStore } from '../../src/store/report-store';
import { storePort } from '../../src/ui/drafts/store-port';
import type { DraftFocus } from '../../src/drafts/db';
import { example, template } from './fixtures';

const [c0, c1] = template.inputCells.map((c) => c.id);

describe('storePort over the report store', () => {
  it('exposes refused text (same object while unchanged) and puts it back on load, with the focus', () => {
    const store = createReportStore(template, createReport(template, 2024));
    let restored: DraftFocus | undefined;
    const port = storePort(store, { get: () => ({ cell: c0 }), restore: (f) => (restored = f) });
    store.typeCell(c0!, '12 件');
    const r1 = port.getRefusals!();
    expect(r1).toEqual({ [c0!]: '12 件' });
    expect(port.getRefusals!()).toBe(r1);
    store.typeCell(c1!, '3');
    expect(port.getRefusals!()).toBe(r1); // a new report, same refusals
    expect(port.getReport().values[c1!]).toBe(3);

    port.load(example, { section: 'applications', cell: c1 }, { [c1!]: '四' });
    expect(store.getState().report).toEqual(example);
    expect(store.getState().refusals.get(c1!)?.raw).toBe('四');
    expect(store.getState().refusals.has(c0!)).toBe(false);
    expect(restored).toEqual({ section: 'applications', cell: c1 });
    expect(port.errors()).toBe(store.getState().findings.filter((f) => f.level === 'error').length);
  });
});
