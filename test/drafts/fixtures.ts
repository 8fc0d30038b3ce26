// Shared by the drafts tests: the template, the example report, a fresh fake IndexedDB per test,
// and an in-memory editor port (the session's view of the report store).
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { parseReportText, type Report } from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';
import { openDraftDb, type DraftFocus } from '../../src/drafts/db';
import type { LocksLike } from '../../src/drafts/draft-lock';
import type { EditorPort } from '../../src/drafts/session';

export const registry = nodeRegistry();
export const exampleText = readFileSync(new URL('../../examples/seed-002.report.json', import.meta.url), 'utf8');
const parsed = parseReportText(exampleText, registry.get);
if (!parsed.ok) throw new Error('example does not parse');
export const template = parsed.template;
export const example: Report = parsed.report;

export function freshDb(now?: () => number) {
  const factory = new IDBFactory();
  let n = 0;
  return { factory, open: () => openDraftDb({ indexedDB: factory, newId: () => `d${++n}`, ...(now ? { now } : {}) }) };
}

export interface FakeEditor extends EditorPort {
  set(report: Report): void;
  focus(f: DraftFocus): void;
  refuse(cell: string, raw: string): void;
  getRefusals(): Readonly<Record<string, string>>;
  loads: number;
}

export function fakeEditor(initial: Report): FakeEditor {
  let report = initial;
  let focus: DraftFocus = {};
  let refusals: Readonly<Record<string, string>> = {};
  const listeners = new Set<() => void>();
  const fire = () => listeners.forEach((l) => l());
  const e: FakeEditor = {
    loads: 0,
    getReport: () => report,
    getFocus: () => focus,
    getRefusals: () => refusals,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    load(r, f, rf) {
      report = r;
      focus = f;
      refusals = rf;
      e.loads++;
      fire();
    },
    errors: () => 0,
    set(r) {
      report = r;
      fire();
    },
    focus(f) {
      focus = f;
    },
    refuse(cell, raw) {
      refusals = { ...refusals, [cell]: raw };
      fire();
    },
  };
  return e;
}

export const withCell = (r: Report, id: string, v: number | null): Report => ({ ...r, values: { ...r.values, [id]: v } });

/**
 * navigator.locks as the session uses it, shared by the tabs of one test: shared locks are held
 * while their callback's promise runs; an exclusive request with ifAvailable gets null at once
 * when any lock of that name is held. Grants are synchronous (the browser's are a moment later).
 */
export function fakeLocks(): LocksLike & { holders: (name: string) => number } {
  const held = new Map<string, number>();
  const take = (name: string, n: number) => (n === 0 ? held.delete(name) : held.set(name, n));
  return {
    holders: (name) => held.get(name) ?? 0,
    async request(name, options, callback) {
      const n = held.get(name) ?? 0;
      if (options.mode === 'exclusive') {
        if (n !== 0) {
          if (options.ifAvailable) return callback(null);
          throw new Error('fakeLocks: waiting for a lock is not modelled');
        }
        take(name, -1);
        try {
          return await callback({ name, mode: 'exclusive' });
        } finally {
          take(name, 0);
        }
      }
      if (n < 0) throw new Error('fakeLocks: waiting for a lock is not modelled');
      take(name, n + 1);
      try {
        return await callback({ name, mode: 'shared' });
      } finally {
        take(name, (held.get(name) ?? 1) - 1);
      }
    },
  };
}
