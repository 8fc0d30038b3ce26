// The findings of the rules for the whole report, errors first; each one leads to its cell or
// text. Unfinished items (blanks while drafting) are folded into one count. A switch checks the
// report as finished (定稿), where blanks and a missing 信息处理费 statement become errors.
import { memo, useState } from 'react';
import type { Finding } from '../core';
import { blankCells } from '../store/report-store';
import { useSlice, useStore } from './use-store';
import { cellDomId } from './GridCell';
import { textDomId } from './NarrativeField';
import { LEVEL_TEXT } from './levels';

/** Where a finding leads: its first input cell, else its first cell, else its text slot. */
export function focusTarget(finding: Finding, isInput: (id: string) => boolean): string | null {
  const cell = finding.cells.find(isInput) ?? finding.cells[0];
  if (cell) return cellDomId(cell);
  return finding.text ? textDomId(finding.text) : null;
}

function Item({ finding, onGo }: { finding: Finding; onGo: (f: Finding) => void }) {
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
  const findings = useSlice((s) => s.findings);
  const refusals = useSlice((s) => s.refusals);
  const mode = useSlice((s) => s.mode);
  const blanks = useSlice((st) => blankCells(store.template, st).length);
  const [open, setOpen] = useState(false);
  const [filled, setFilled] = useState<number | null>(null);
  const errors = findings.filter((f) => f.level === 'error');
  const warnings = findings.filter((f) => f.level === 'warning');
  const incomplete = findings.filter((f) => f.level === 'incomplete');
  const go = (f: Finding) => {
    const id = focusTarget(f, (c) => store.template.cells.get(c)?.computed === false);
    const el = id ? document.getElementById(id) : null;
    el?.scrollIntoView?.({ block: 'center' });
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.focus();
  };
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
        错误 {errors.length + refusals.size} · 警告 {warnings.length} · 空白 {blanks}
      </p>
      {blanks > 0 && (
        <p className="fill-zeros">
          <button type="button" onClick={() => setFilled(store.fillBlanks())}>
            空白单元格填0（全部 {blanks} 格）
          </button>
        </p>
      )}
      {filled !== null && blanks === 0 && <p className="fill-note">已将 {filled} 个空白单元格填为 0，已填写的数值未改动。</p>}
      {refusals.size > 0 && (
        <ul className="finding-list">
          {[...refusals.values()].map((r) => (
            <li key={r.cell} data-level="error">
              <button type="button" className="finding" onClick={() => document.getElementById(cellDomId(r.cell))?.focus()}>
                <span className="level">未接受</span> {r.place}：{r.reason}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ul className="finding-list">
        {[...errors, ...warnings].map((f, i) => (
          <Item key={`${f.rule}-${i}`} finding={f} onGo={go} />
        ))}
      </ul>
      {incomplete.length > 0 && (
        <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>未完成 {incomplete.length} 项</summary>
          {open && (
            <ul className="finding-list">
              {incomplete.map((f, i) => (
                <Item key={`${f.rule}-${i}`} finding={f} onGo={go} />
              ))}
            </ul>
          )}
        </details>
      )}
    </aside>
  );
}

export const FindingsPanel = memo(FindingsPanelBody);
