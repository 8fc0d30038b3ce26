// One text slot of the report (preface, a section, a part of 一): label and guidance from the
// template, the slot's findings under it, a note while text copied from last year is unrevised,
// and last year's text of the same slot beside it (open where the rectification rule applies).
import { memo, useLayoutEffect, useRef, type ReactNode } from 'react';
import { LEVEL_NAMES, type TextSlot } from '../../core';
import { NO_FINDINGS } from '../../store/report-store';
import { useSlice, useStore } from '../use-store';
import { domId } from '../places';

function NarrativeFieldBody({ slot, heading, extra }: { slot: TextSlot; heading: 'h3' | 'none'; extra?: ReactNode }) {
  const store = useStore();
  const text = useSlice((s) => s.report.narrative[slot.id] ?? '');
  const findings = useSlice((s) => s.byText.get(slot.id) ?? NO_FINDINGS);
  const revise = useSlice((s) => s.report.revise?.includes(slot.id) ?? false);
  const lastYear = useSlice((s) => s.report.lastYear);
  const before = lastYear?.narrative[slot.id]?.trim() ?? '';
  // Where a rule asks how last year's problems were rectified, keep last year's text in view.
  const rectify = store.template.rules.some((r) => r.kind === 'rectification' && r.text === slot.id);
  const id = domId.text(slot.id);
  // Uncontrolled: a controlled textarea makes React rewrite its defaultValue (its text node) on
  // every key, which costs a relayout of the page; the store's text is copied in only when it
  // changed from elsewhere (a file opened, the default preface filled in).
  const area = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    if (area.current && area.current.value !== text) area.current.value = text;
  }, [text]);
  const shown = findings.filter((f) => f.level !== 'incomplete');
  return (
    <div className="narrative">
      {heading === 'h3' ? (
        <h3>
          <label htmlFor={id}>{slot.label}</label>
        </h3>
      ) : (
        <label htmlFor={id} className="visually-hidden">
          {slot.label}
        </label>
      )}
      <p className="guidance" id={`${id}-guidance`}>
        {slot.guidance}
      </p>
      {revise && (
        <p className="revise-note">
          本段沿用上一年度报告的文字，请按本年情况改写。
          <button type="button" className="link" onClick={() => store.update((r) => ({ ...r, revise: (r.revise ?? []).filter((x) => x !== slot.id) }))}>
            已改写
          </button>
        </p>
      )}
      {before && (
        <details className="last-year" open={rectify}>
          <summary>上一年度（{lastYear!.year}年）报告的这一部分</summary>
          <p className="last-year-text">{before}</p>
        </details>
      )}
      <textarea
        id={id}
        rows={Math.min(16, Math.max(4, text.split('\n').length + 1))}
        ref={area}
        defaultValue={text}
        aria-describedby={`${id}-guidance${shown.length ? ` ${id}-findings` : ''}`}
        aria-invalid={shown.some((f) => f.level === 'error') || undefined}
        onChange={(e) => store.setText(slot.id, e.target.value)}
        spellCheck={false}
      />
      {extra}
      {shown.length > 0 && (
        <ul className="text-findings" id={`${id}-findings`}>
          {shown.map((f, i) => (
            <li key={i} data-level={f.level}>
              <span className="level">{LEVEL_NAMES[f.level]}</span> {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const NarrativeField = memo(NarrativeFieldBody);
