// The report store: one report, its computed values and its findings, kept in step on every
// change. Framework-free (no React): the form subscribes to small slices through a selector, so a
// keystroke re-renders the cell typed in, the totals that changed and the findings list only.
// Text a cell refused is kept here too (never silently dropped), with the reason and the place.
import {
  computeValues,
  parseCellInput,
  refusalReason,
  verdict,
  type CellId,
  type CheckOptions,
  type FactField,
  type Finding,
  type Mode,
  type Place,
  type Report,
  type Template,
  type Verdict,
  type Whereabouts,
} from '../core';
import { loadedRules, loadRules, type Checker } from './rules';

export interface Refusal {
  cell: CellId;
  place: Extract<Place, { kind: 'cell' }>;
  /** Exactly what was typed or pasted. */
  raw: string;
  /** Why it was refused, after the quoted text (不是数字). */
  why: string;
  /** The quoted text and why, in Chinese: “12a”不是数字. */
  reason: string;
  /** Section · row · column, for messages. */
  label: string;
}

/** Text a facts field (organ, year, dates, contact) refused: the report keeps its old value. */
export interface FieldRefusal {
  field: FactField;
  place: Extract<Place, { kind: 'fact' }>;
  raw: string;
  why: string;
  reason: string;
  /** The field's label, for messages. */
  label: string;
}

/** One refused input, of a cell or of a facts field: what the verdict counts and the panel lists. */
export type RefusedInput = Refusal | FieldRefusal;

/** The 填写 / 预览 tabs: which one the clerk sees. */
export type View = 'form' | 'preview';

export interface ReportState {
  report: Report;
  values: ReadonlyMap<CellId, number | null>;
  findings: Finding[];
  /** Findings by the cells they involve; an array is reused while its findings are unchanged. */
  byCell: ReadonlyMap<CellId, readonly Finding[]>;
  /** Findings by text slot (narrative rules, R6 on text). */
  byText: ReadonlyMap<string, readonly Finding[]>;
  /** Cells whose typed text is not a valid value: the report keeps the old value, the form the text. */
  refusals: ReadonlyMap<CellId, Refusal>;
  /** Facts fields whose text is not valid (kept in the field; the report keeps the old value). */
  fieldRefusals: ReadonlyMap<string, FieldRefusal>;
  mode: Mode;
  /** The one verdict on findings and refused inputs: every count the app shows comes from here. */
  verdict: Verdict<RefusedInput>;
  /** Where the clerk is: the section and the place last focused (kept with drafts). */
  focus: Focus;
  /** Which tab is shown; anything that leads to a place in the form switches to 'form'. */
  view: View;
  /** Counts load() calls, so a view can move to `focus` after a report is opened. */
  loads: number;
  /**
   * Whether the rules have checked this state: they load after the first screen ('loading': the
   * values are computed, there are no findings yet), or could not load ('failed', offline without
   * the app's files cached).
   */
  rules: RulesState;
}

export type RulesState = 'loading' | 'ready' | 'failed';

export type Focus = Whereabouts;

export interface StoreOptions extends Omit<CheckOptions, 'mode'> {
  mode?: Mode;
  /** Templates by id: a report of another template loads in its own (the store's template follows the report). */
  templates?: (id: string) => Template | undefined;
}

export interface ReportStore {
  /** The template of the report loaded now: it changes when a report of another template is loaded. */
  readonly template: Template;
  getState: () => ReportState;
  subscribe: (listener: () => void) => () => void;
  /**
   * Told only when this cell's own part of the state changes: its typed value, its value as
   * shown, its refused text, its findings or its printed total. A grid of 200 cells then asks
   * the few cells a keystroke changed, not every cell, whether to render.
   */
  subscribeCell: (id: CellId, listener: () => void) => () => void;
  /**
   * What a person typed into a cell: a value is stored, a refusal is kept beside the report.
   * `restore`: the value the report holds while the text is refused (the cell's value when the
   * clerk started editing it), so a refused "180.5" does not leave "180", accepted on the way.
   * Without it, a refusal leaves the report's value as it is.
   */
  typeCell: (id: CellId, raw: string, restore?: number | null) => { ok: true; value: number | null } | { ok: false; refusal: Refusal };
  /** A facts field refused its text (`refusal`) or holds a valid value again (`null`). */
  setFieldRefusal: (field: FactField, refusal: Pick<FieldRefusal, 'raw' | 'why' | 'label'> | null) => void;
  /**
   * Several values at once (a paste): one recomputation, one notification, one step to undo.
   * `refused`: pasted texts that are not valid values, kept in their cells as if typed there.
   */
  setValues: (writes: readonly { cell: CellId; value: number | null }[], refused?: readonly { cell: CellId; raw: string }[]) => void;
  setText: (slot: string, text: string) => void;
  /**
   * "空白单元格填0": 0 into the blank input cells among `cells` (all input cells when omitted).
   * A typed value is never touched, nor a cell holding refused text. Returns how many were filled.
   */
  fillBlanks: (cells?: readonly CellId[]) => number;
  /** Any other change (organ, contact, dates, fee, revise): a function from the report to a new one. */
  update: (change: (report: Report) => Report) => void;
  setMode: (mode: Mode) => void;
  /** Replace the whole report (open a file, start next year's); refusals (cells and fields) are cleared. */
  load: (report: Report, focus?: Focus) => void;
  /** Record where the clerk is; recomputes nothing. */
  setFocus: (focus: Focus) => void;
  setView: (view: View) => void;
  // The editor port of src/drafts (session and autosave) is met by these three.
  getReport: () => Report;
  getFocus: () => Focus;
  /** The verdict's error count as every line shows it (`shown`): what is wrong, not what is merely unfinished; the same in both modes. */
  errors: () => number;
  /**
   * One history of the clerk's changes to the report loaded now (a paste, 填0, a cell typed, a
   * text, a fact): undo steps back one action, redo forward. Keystrokes into one cell or one text
   * in a row are one action. Loading another report starts a new history.
   */
  undo: () => boolean;
  redo: () => boolean;
  canUndo: () => boolean;
  canRedo: () => boolean;
  /**
   * Resolves once the rules have checked the report as it is now (or could not load: see
   * `rules`): what reads findings or the verdict for something it writes (an export) waits for it.
   */
  whenChecked: () => Promise<void>;
}

/** Every refused input: cells in the order typed, then facts fields. */
export function refusedInputs(state: Pick<ReportState, 'refusals' | 'fieldRefusals'>): RefusedInput[] {
  return [...state.refusals.values(), ...state.fieldRefusals.values()];
}

/** The state with its verdict brought up to date (after findings, refusals or mode changed). */
function _judged(state: Omit<ReportState, 'verdict'> & { verdict?: Verdict<RefusedInput> }): ReportState {
  return { ...state, verdict: verdict(state.findings, refusedInputs(state), state.mode) };
}

const _EMPTY: readonly Finding[] = Object.freeze([]);

function _sameFindings(a: readonly Finding[] | undefined, b: readonly Finding[]): boolean {
  return !!a && a.length === b.length && a.every((f, i) => f.rule === b[i]!.rule && f.level === b[i]!.level && f.message === b[i]!.message);
}

/** Group findings by key, reusing last state's arrays where nothing changed (stable selector results). */
function _group(findings: Finding[], keys: (f: Finding) => readonly string[], previous?: ReadonlyMap<string, readonly Finding[]>) {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    for (const k of keys(f)) {
      const list = out.get(k);
      if (list) list.push(f);
      else out.set(k, [f]);
    }
  }
  const stable = new Map<string, readonly Finding[]>();
  for (const [k, list] of out) {
    const old = previous?.get(k);
    stable.set(k, _sameFindings(old, list) ? old! : list);
  }
  return stable;
}

/** The cells whose own part of the state differs between `a` and `b` (see `subscribeCell`). */
export function changedCells(template: Template, a: ReportState, b: ReportState): CellId[] {
  const typed = a.report.values !== b.report.values;
  const shown = a.values !== b.values;
  const refused = a.refusals !== b.refusals;
  const found = a.byCell !== b.byCell;
  const printed = a.report.printed !== b.report.printed;
  if (!typed && !shown && !refused && !found && !printed) return [];
  const out: CellId[] = [];
  for (const id of template.cells.keys()) {
    if (
      (typed && a.report.values[id] !== b.report.values[id]) ||
      (shown && a.values.get(id) !== b.values.get(id)) ||
      (refused && a.refusals.get(id) !== b.refusals.get(id)) ||
      (found && a.byCell.get(id) !== b.byCell.get(id)) ||
      (printed && a.report.printed?.[id] !== b.report.printed?.[id])
    ) {
      out.push(id);
    }
  }
  return out;
}

/** Section · cell name: how messages name a cell. */
export function cellLabel(template: Template, id: CellId): string {
  const cell = template.cells.get(id);
  if (!cell) return id;
  return `${template.sectionOf(cell.grid)?.label ?? cell.grid} · ${cell.name}`;
}

/** Input cells (of `cells`, else all) with no value and no refused text: what 填0 would fill. */
export function blankCells(template: Template, state: Pick<ReportState, 'report' | 'refusals'>, cells?: readonly CellId[]): CellId[] {
  const ids = cells ?? template.inputCells.map((c) => c.id);
  return ids.filter((id) => {
    const cell = template.cells.get(id);
    return !!cell && !cell.computed && state.report.values[id] == null && !state.refusals.has(id);
  });
}

export function createReportStore(initialTemplate: Template, initial: Report, options: StoreOptions = {}): ReportStore {
  const listeners = new Set<() => void>();
  let template = initialTemplate;
  // A keystroke in a cell re-runs only the rules that read a cell it changed. Until the rules
  // have loaded, the values are computed and nothing is checked.
  let check: Checker | undefined = loadedRules()?.createChecker();
  let rulesFailed = false;
  const checkOptions = (mode: Mode): CheckOptions => ({
    mode,
    ...(options.previous ? { previous: options.previous } : {}),
    ...(options.today ? { today: options.today } : {}),
  });

  const derive = (report: Report, mode: Mode, refusals: ReadonlyMap<CellId, Refusal>, previous?: ReportState): ReportState => {
    // One computation of the values per change: the rules' values are the ones the form shows.
    const { findings, values } = check ? check(template, report, checkOptions(mode)) : { findings: [], values: computeValues(template, report) };
    return _judged({
      rules: check ? 'ready' : rulesFailed ? 'failed' : 'loading',
      focus: previous?.focus ?? {},
      view: previous?.view ?? 'form',
      loads: previous?.loads ?? 0,
      report,
      values,
      findings,
      byCell: _group(findings, (f) => f.cells, previous?.byCell),
      byText: _group(findings, (f) => (f.text ? [f.text] : []), previous?.byText),
      refusals,
      fieldRefusals: previous?.fieldRefusals ?? new Map(),
      mode,
    });
  };

  let state = derive(initial, options.mode ?? 'draft', new Map());
  const cellListeners = new Map<CellId, Set<() => void>>();
  let waiting: (() => void)[] = [];
  /** The one way the state changes: the cells it concerns are told, then every listener. */
  const publish = (next: ReportState) => {
    const before = state;
    state = next;
    if (next.rules !== 'loading' && waiting.length) {
      const done = waiting;
      waiting = [];
      for (const resolve of done) resolve();
    }
    if (cellListeners.size > 0) {
      for (const id of changedCells(template, before, next)) for (const l of [...(cellListeners.get(id) ?? [])]) l();
    }
    for (const l of [...listeners]) l();
  };
  const commit = (report: Report, refusals = state.refusals, mode = state.mode) => publish(derive(report, mode, refusals, state));
  if (!check) {
    loadRules().then(
      (rules) => {
        check = rules.createChecker();
        commit(state.report);
      },
      () => {
        rulesFailed = true;
        commit(state.report);
      },
    );
  }

  // Undo history: the report and refused cells before each action. `continuing` names the action
  // the next keystroke continues (the same cell or text), so typing "1200" is one step back.
  type Step = { report: Report; refusals: ReadonlyMap<CellId, Refusal> };
  let past: Step[] = [];
  let future: Step[] = [];
  let continuing: string | null = null;
  const record = (key: string | null = null) => {
    future = [];
    if (key !== null && key === continuing) return;
    continuing = key;
    past.push({ report: state.report, refusals: state.refusals });
    if (past.length > HISTORY) past.shift();
  };
  const travel = (from: Step[], to: Step[]): boolean => {
    const step = from.pop();
    if (!step) return false;
    continuing = null;
    to.push({ report: state.report, refusals: state.refusals });
    commit(step.report, step.refusals);
    return true;
  };

  const withoutRefusal = (id: CellId) => {
    if (!state.refusals.has(id)) return state.refusals;
    const next = new Map(state.refusals);
    next.delete(id);
    return next;
  };

  return {
    get template() {
      return template;
    },
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    subscribeCell: (id, listener) => {
      let set = cellListeners.get(id);
      if (!set) cellListeners.set(id, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) cellListeners.delete(id);
      };
    },
    typeCell: (id, raw, restore) => {
      const cell = template.cells.get(id);
      if (!cell || cell.computed) throw new Error(`not an input cell: ${id}`);
      const parsed = parseCellInput(raw, cell.kind);
      if (!parsed.ok) {
        const refusal: Refusal = { cell: id, place: { kind: 'cell', cell: id }, raw, why: parsed.why, reason: parsed.reason, label: cellLabel(template, id) };
        const old = state.refusals.get(id);
        const refusals = old?.raw === raw ? state.refusals : new Map(state.refusals).set(id, refusal);
        if (restore !== undefined && (state.report.values[id] ?? null) !== restore) {
          // A prefix of this text was accepted on the way ("180" of "180.5"): back to the value before.
          commit({ ...state.report, values: { ...state.report.values, [id]: restore } }, refusals);
        } else if (refusals !== state.refusals) {
          // The report is unchanged: only the refusals move, no rule runs again.
          publish(_judged({ ...state, refusals }));
        }
        return { ok: false, refusal };
      }
      const current = state.report.values[id] ?? null;
      if (current === parsed.value && !state.refusals.has(id)) return parsed;
      record(`cell:${id}`);
      commit({ ...state.report, values: { ...state.report.values, [id]: parsed.value } }, withoutRefusal(id));
      return parsed;
    },
    setValues: (writes, refused = []) => {
      if (writes.length === 0 && refused.length === 0) return;
      const values = { ...state.report.values };
      const refusals = new Map(state.refusals);
      for (const w of writes) {
        const cell = template.cells.get(w.cell);
        if (!cell || cell.computed) throw new Error(`not an input cell: ${w.cell}`);
        values[w.cell] = w.value;
        refusals.delete(w.cell);
      }
      for (const r of refused) {
        const cell = template.cells.get(r.cell);
        if (!cell || cell.computed) throw new Error(`not an input cell: ${r.cell}`);
        const parsed = parseCellInput(r.raw, cell.kind);
        if (!parsed.ok) refusals.set(r.cell, { cell: r.cell, place: { kind: 'cell', cell: r.cell }, raw: r.raw, why: parsed.why, reason: parsed.reason, label: cellLabel(template, r.cell) });
      }
      record();
      commit({ ...state.report, values }, refusals);
    },
    fillBlanks: (cells) => {
      const blanks = blankCells(template, state, cells);
      if (blanks.length) record();
      if (blanks.length) commit({ ...state.report, values: { ...state.report.values, ...Object.fromEntries(blanks.map((id) => [id, 0])) } });
      return blanks.length;
    },
    setText: (slot, text) => {
      if ((state.report.narrative[slot] ?? '') === text) return;
      record(`text:${slot}`);
      commit({ ...state.report, narrative: { ...state.report.narrative, [slot]: text } });
    },
    setFieldRefusal: (field, refusal) => {
      const old = state.fieldRefusals.get(field);
      if (!refusal ? !old : old && old.raw === refusal.raw && old.why === refusal.why) return;
      const next = new Map(state.fieldRefusals);
      if (refusal) next.set(field, { field, place: { kind: 'fact', field }, ...refusal, reason: refusalReason(refusal.raw, refusal.why, 'fact') });
      else next.delete(field);
      publish(_judged({ ...state, fieldRefusals: next }));
    },
    update: (change) => {
      const next = change(state.report);
      if (next === state.report) return;
      record();
      commit(next);
    },
    setMode: (mode) => {
      if (mode !== state.mode) commit(state.report, state.refusals, mode);
    },
    // Another report opens as a draft: checking as finished is a choice made per report.
    load: (report, focus = {}) => {
      let previous: ReportState | undefined = state;
      if (report.template !== template.id) {
        const other = options.templates?.(report.template);
        if (!other) throw new Error(`no template ${report.template}`);
        template = other;
        // Nothing of the other template's findings can be reused.
        previous = { ...state, byCell: new Map(), byText: new Map() };
      }
      past = [];
      future = [];
      continuing = null;
      publish(_judged({ ...derive(report, 'draft', new Map(), previous), fieldRefusals: new Map(), focus, loads: state.loads + 1 }));
    },
    setFocus: (focus) => {
      if (focus.section === state.focus.section && focus.cell === state.focus.cell && focus.field === state.focus.field) return;
      publish({ ...state, focus });
    },
    setView: (view) => {
      if (view === state.view) return;
      publish({ ...state, view });
    },
    getReport: () => state.report,
    getFocus: () => state.focus,
    errors: () => state.verdict.shown.errors,
    undo: () => travel(past, future),
    redo: () => travel(future, past),
    canUndo: () => past.length > 0,
    canRedo: () => future.length > 0,
    whenChecked: () => (state.rules === 'loading' ? new Promise<void>((resolve) => waiting.push(resolve)) : Promise.resolve()),
  };
}

/** Actions kept for undo. */
const HISTORY = 200;

export const NO_FINDINGS = _EMPTY;
