// The rules load on demand: the first screen is the form, which a clerk can type into before any
// rule has run, so the checker (src/core/rules) is a chunk of its own that the store asks for
// when it is created. Once loaded it stays loaded: every later store checks at once.
import type { CheckResult } from '../core/rules/incremental';
import type { CheckOptions } from '../core/rules/context';
import type { Finding } from '../core/rules/finding';
import type { Template } from '../core/template/load';
import type { Report } from '../core/report/schema';

export type Checker = (template: Template, report: Report, options?: CheckOptions) => CheckResult;

export interface Rules {
  /** A checker that remembers its last report (re-checks only what a keystroke changed). */
  createChecker: () => Checker;
  checkReport: (template: Template, report: Report, options?: CheckOptions) => Finding[];
}

let loaded: Rules | undefined;
let loading: Promise<Rules> | undefined;

/** The rules, loading them on the first call. */
export function loadRules(): Promise<Rules> {
  loading ??= import('./rules-module').then((m) => (loaded = { createChecker: m.createChecker, checkReport: m.checkReport }));
  return loading;
}

/** The rules if they have loaded, else undefined (nothing is started). */
export const loadedRules = (): Rules | undefined => loaded;
