// The findings of the rules for the whole report, errors first; each one leads to its cell or
// text (a finding about one sentence selects it). Each says its plain message first, the rule id
// small after it. Unfinished items (blanks) are folded into one count. A switch checks the report
// as finished (定稿), where what is unfinished must be filled in before a final export; the header
// counts each item once (the verdict's `shown` counts), in either mode.
import { memo, useCallback, useState } from 'react';
import { LEVEL_NAMES, RULES_STATE_TEXT, countsLine, isUnfinished, levelName, refusalLine, type Finding } from '../../core';
import { blankCells } from '../../store/report-store';
import { useSlice, useSliceAfterPaint, useStore } from '../use-store';
import { goTo } from '../places';
import { selectSentence } from './select-sentence';

/**
 * What the unfinished items are: blank cells, empty text slots, report facts, and anything else
 * (a statement), by the place each leads to.
 */
export function incompleteParts(findings: readonly Finding[]): { cells: number; texts: number; facts: number; other: number } {
  const parts = { cells: 0, texts: 0, facts: 0, other: 0 };
  for (const f of findings) {
    const kind = f.place?.kind;
    if (kind === 'text') parts.texts++;
    else if (kind === 'cell') parts.cells++;
    else if (kind === 'fact') parts.facts++;
    else parts.other++;
  }
  return parts;
}

/** "未完成：单元格 166，文字 8，基本信息 2" (the parts that are there). */
export function incompleteText(parts: ReturnType<typeof incompleteParts>): string {
  const out = [parts.cells && `单元格 ${parts.cells}`, parts.texts && `文字 ${parts.texts}`, parts.facts && `基本信息 ${parts.facts}`, parts.other && `其他 ${parts.other}`].filter(Boolean);
  return `${LEVEL_NAMES.incomplete}：${out.join('，')}`;
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
        <span className="level">{levelName(finding)}</span> {finding.message}
        <small className="rule">（{finding.rule}）</small>
      </button>
    </li>
  );
}

function FindingsPanelBody() {
  const store = useStore();
  // The panel follows the keystroke's frame (see useSliceAfterPaint): the cell and totals paint first.
  const verdict = useSliceAfterPaint((s) => s.verdict);
  const mode = useSlice((s) => s.mode);
  const rules = useSlice((s) => s.rules);
  const blanks = useSliceAfterPaint((st) => blankCells(store.template, st).length);
  const [open, setOpen] = useState(false);
  const [filled, setFilled] = useState<number | null>(null);
  // What is merely unfinished stays folded into one line in both modes; checked as finished, it
  // counts as errors but is not listed one by one.
  const { warnings, unfinished: incomplete, refused, shown: counts } = verdict;
  const errors = verdict.errors.filter((f) => !isUnfinished(f));
  const go = useCallback((f: Finding) => goTo(store, f.place) && selectSentence(document.activeElement, f), [store]);
  const listed = [...errors, ...warnings];
  const shownKeys = findingKeys(listed);
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
      <p className="summary" role="status" aria-live="polite" aria-busy={rules === 'loading' || undefined}>
        {rules === 'ready' ? countsLine(counts) : RULES_STATE_TEXT[rules]}
      </p>
      <p className="summary-note">
        {mode === 'final'
          ? '错误包括未接受的输入；未完成的单元格和文字须填写后才能导出正式文档。'
          : '错误包括未接受的输入；未完成是尚空着的单元格和文字，导出正式文档前须填写。'}
      </p>
      {blanks > 0 && (
        <p className="fill-zeros">
          <button type="button" onClick={() => setFilled(store.fillBlanks())}>
            空白单元格填0（全部 {blanks} 格）
          </button>
        </p>
      )}
      {filled !== null && blanks === 0 && <p className="fill-note">已将 {filled} 个空白单元格填为 0，已填写的数值未改动。</p>}
      {refused.length > 0 && (
        <ul className="finding-list">
          {refused.map((r) => (
            <li key={r.place.kind === 'cell' ? `cell:${r.place.cell}` : `fact:${r.place.field}`} data-level="error">
              <button type="button" className="finding" onClick={() => goTo(store, r.place)}>
                <span className="level">{LEVEL_NAMES.error}</span> {refusalLine(r)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ul className="finding-list">
        {listed.map((f, i) => (
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
