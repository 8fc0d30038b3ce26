// The findings of the rules for the whole report, errors first; each one leads to its cell or
// text. Unfinished items (blanks while drafting) are folded into one count. A switch checks the
// report as finished (定稿), where blanks and a missing 信息处理费 statement become errors.
import { memo, useCallback, useMemo, useState } from 'react';
import type { Finding, Template } from '../../core';
import { blankCells, errorCount, refusedInputs, type RefusedInput } from '../../store/report-store';
import { useSlice, useSliceAfterPaint, useStore } from '../use-store';
import { cellDomId } from './GridCell';
import { textDomId } from './NarrativeField';
import { LEVEL_TEXT } from './levels';
import { factDomId } from './FactsFields';
import { FACT_FIELDS, type FactField } from './facts-schema';

/**
 * What the unfinished items are: blank cells, empty text slots, report facts (a finding naming a
 * field of the report by `params.path`, e.g. a date), and anything else (a statement).
 */
export function incompleteParts(findings: readonly Finding[]): { cells: number; texts: number; facts: number; other: number } {
  const parts = { cells: 0, texts: 0, facts: 0, other: 0 };
  for (const f of findings) {
    if (f.text) parts.texts++;
    else if (f.cells.length) parts.cells++;
    else if (typeof f.params.path === 'string') parts.facts++;
    else parts.other++;
  }
  return parts;
}

/** "未填写：单元格 166，文字 8，基本信息 2" (the parts that are there). */
export function incompleteText(parts: ReturnType<typeof incompleteParts>): string {
  const out = [parts.cells && `单元格 ${parts.cells}`, parts.texts && `文字 ${parts.texts}`, parts.facts && `基本信息 ${parts.facts}`, parts.other && `其他 ${parts.other}`].filter(Boolean);
  return `未填写：${out.join('，')}`;
}

const refusalTarget = (r: RefusedInput) => (r.kind === 'cell' ? cellDomId(r.cell) : factDomId(r.field as FactField));

/**
 * Where a finding leads: its first input cell, else its first cell, else its text slot, else the
 * report field it names by `params.path` (e.g. 成文日期); the deadline rule leads to 成文日期.
 */
export function findingTarget(template: Template, finding: Finding): string | null {
  const cell = finding.cells.find((c) => template.cells.get(c)?.computed === false) ?? finding.cells[0];
  if (cell) return cellDomId(cell);
  if (finding.text) return textDomId(finding.text);
  const field = typeof finding.params.path === 'string' ? finding.params.path.split('.').pop() : undefined;
  if (field && (FACT_FIELDS as readonly string[]).includes(field)) return factDomId(field as FactField);
  return template.spec.rules.find((r) => r.id === finding.rule)?.kind === 'deadline' ? factDomId('written') : null;
}

/**
 * A stable key per finding (rule, cells, text), so a keystroke that adds or removes one finding
 * leaves the other items' DOM alone: re-laying out many lines of Chinese text costs a frame.
 */
export function findingKeys(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = `${f.rule}|${f.level}|${f.cells.join(',')}|${f.text ?? ''}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n ? `${base}#${n}` : base;
  });
}

/** An item re-renders only when what it shows changes (findings are new objects on every check). */
const Item = memo(ItemBody, (a, b) => a.onGo === b.onGo && a.finding.message === b.finding.message && a.finding.level === b.finding.level && a.finding.rule === b.finding.rule);

function ItemBody({ finding, onGo }: { finding: Finding; onGo: (f: Finding) => void }) {
  return (
    <li data-level={finding.level}>
      <button type="button" className="finding" onClick={() => onGo(finding)}>
        <span className="level">{LEVEL_TEXT[finding.level]}</span> <span className="rule">{finding.rule}</span> {finding.message}
      </button>
    </li>
  );
}

function FindingsPanelBody() {
  const store = useStore();
  // The panel follows the keystroke's frame (see useSliceAfterPaint): the cell and totals paint first.
  const findings = useSliceAfterPaint((s) => s.findings);
  const refusals = useSliceAfterPaint((s) => s.refusals);
  const fieldRefusals = useSliceAfterPaint((s) => s.fieldRefusals);
  const mode = useSlice((s) => s.mode);
  const blanks = useSliceAfterPaint((st) => blankCells(store.template, st).length);
  const [open, setOpen] = useState(false);
  const [filled, setFilled] = useState<number | null>(null);
  // What is merely unfinished (rules that are "incomplete" while drafting) stays folded into one
  // line in both modes; checked as finished, it counts as errors but is not listed one by one.
  const unfinishedRules = useMemo(() => new Set(store.template.rules.filter((r) => r.draftLevel === 'incomplete').map((r) => r.id)), [store]);
  const unfinished = (f: Finding) => f.level === 'incomplete' || (f.level === 'error' && unfinishedRules.has(f.rule));
  const errors = findings.filter((f) => f.level === 'error' && !unfinished(f));
  const warnings = findings.filter((f) => f.level === 'warning');
  const incomplete = findings.filter(unfinished);
  const go = useCallback(
    (f: Finding) => {
      const id = findingTarget(store.template, f);
      const el = id ? document.getElementById(id) : null;
      el?.scrollIntoView?.({ block: 'center' });
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) el.focus();
    },
    [store],
  );
  const shown = [...errors, ...warnings];
  const shownKeys = findingKeys(shown);
  const incompleteKeys = open ? findingKeys(incomplete) : [];
  return (
    <aside className="findings" aria-label="检查结果">
      <h2>检查结果</h2>
      <fieldset className="mode">
        <legend className="visually-hidden">检查方式</legend>
        <label className="choice">
          <input type="radio" name="check-mode" checked={mode === 'draft'} onChange={() => store.setMode('draft')} /> 草稿
        </label>
        <label className="choice">
          <input type="radio" name="check-mode" checked={mode === 'final'} onChange={() => store.setMode('final')} /> 按定稿检查
        </label>
      </fieldset>
      <p className="summary" role="status" aria-live="polite">
        错误 {errorCount({ findings, refusals, fieldRefusals })} · 警告 {warnings.length} · 未填写 {incomplete.length}
      </p>
      <p className="summary-note">错误包括未接受的输入；“未填写”是草稿中尚空着的单元格和文字，按定稿检查时算作错误。</p>
      {blanks > 0 && (
        <p className="fill-zeros">
          <button type="button" onClick={() => setFilled(store.fillBlanks())}>
            空白单元格填0（全部 {blanks} 格）
          </button>
        </p>
      )}
      {filled !== null && blanks === 0 && <p className="fill-note">已将 {filled} 个空白单元格填为 0，已填写的数值未改动。</p>}
      {refusals.size + fieldRefusals.size > 0 && (
        <ul className="finding-list">
          {refusedInputs({ refusals, fieldRefusals }).map((r) => (
            <li key={`${r.kind}:${r.kind === 'cell' ? r.cell : r.field}`} data-level="error">
              <button type="button" className="finding" onClick={() => document.getElementById(refusalTarget(r))?.focus()}>
                <span className="level">未接受</span> {r.place}：{r.reason}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ul className="finding-list">
        {shown.map((f, i) => (
          <Item key={shownKeys[i]} finding={f} onGo={go} />
        ))}
      </ul>
      {incomplete.length > 0 && (
        <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{incompleteText(incompleteParts(incomplete))}</summary>
          {open && (
            <ul className="finding-list">
              {incomplete.map((f, i) => (
                <Item key={incompleteKeys[i]} finding={f} onGo={go} />
              ))}
            </ul>
          )}
        </details>
      )}
    </aside>
  );
}

export const FindingsPanel = memo(FindingsPanelBody);
