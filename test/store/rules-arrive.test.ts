// The store is created before its rules have loaded (the app's first screen does not carry them):
// what is typed then is kept and totalled at once, and checked as soon as the rules arrive; if they
// cannot load, the store says so and typing goes on. Each test starts from a fresh module graph, so
// the rules the test set-up loaded are not there yet.
import { afterEach, expect, it, vi } from 'vitest';
import { checkReport, computeValues, createReport } from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';

const registry = nodeRegistry();
const template = registry.get('gov-info-2021')!;
const A = (row: string, col: string) => `applications:${row}:${col}`;

afterEach(() => {
  vi.doUnmock('../../src/store/rules-module');
  vi.resetModules();
});

async function freshStore() {
  vi.resetModules();
  const { createReportStore } = await import('../../src/store/report-store');
  return createReportStore(template, createReport(template, 2024));
}

it('keeps and totals what is typed before the rules arrive, then checks it as the full check does', async () => {
  const store = await freshStore();
  expect(store.getState().rules).toBe('loading');
  expect(store.getState().findings).toEqual([]);
  store.typeCell(A('new', 'natural-person'), '9999');
  expect(store.getState().report.values[A('new', 'natural-person')]).toBe(9999);
  const before = store.getState().values.get(A('new', 'total'));
  expect(before).toBe(computeValues(template, store.getState().report).get(A('new', 'total')));
  expect(before).toBe(9999);

  await store.whenChecked();
  const state = store.getState();
  expect(state.rules).toBe('ready');
  expect(state.values.get(A('new', 'total'))).toBe(before);
  // Checked as a full check of the same report checks it: the blanks still to fill among them.
  expect(state.findings.map((f) => [f.rule, f.message])).toEqual(checkReport(template, state.report).map((f) => [f.rule, f.message]));
  expect(state.verdict.shown.unfinished).toBeGreaterThan(100);
});

it('says so when the rules cannot load, and typing goes on', async () => {
  vi.doMock('../../src/store/rules-module', () => {
    throw new Error('offline');
  });
  const store = await freshStore();
  await store.whenChecked();
  expect(store.getState().rules).toBe('failed');
  store.typeCell(A('new', 'natural-person'), '12');
  expect(store.getState().report.values[A('new', 'natural-person')]).toBe(12);
  expect(store.getState().rules).toBe('failed');
  expect(store.getState().findings).toEqual([]);
});
