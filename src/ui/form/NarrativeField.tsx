// One text slot of the report (preface, a section, a part of 一): label and guidance from the
// template, the slot's findings under it, a note while text copied from last year is unrevised,
// and last year's text of the same slot beside it (open where the rectification rule applies).
// The sentences still last year's (R29, a copied fee statement) are listed right under the box,
// each selecting itself in the box when clicked: a list changes only when the findings do, where
// a highlighting mirror behind the box would be redrawn on every keystroke.
import { memo, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { SECTION_NOTE_LABEL, levelName, staleSentencesHead, type Finding, type TextSlot } from '../../core';
import { NO_FINDINGS } from '../../store/report-store';
import { useSlice, useStore } from '../use-store';
import { domId } from '../places';
import { selectSentence, sentenceOf } from './select-sentence';

/**
 * The box a section's own text goes in when the section's body is its tables or its parts: the
 * heading above names the section, so the box says what it is for (and that it may stay empty).
 */
const isSectionNote = (slot: TextSlot) => !!slot.section && slot.id === slot.section.id && !!(slot.section.grids?.length || slot.section.parts?.length);

function StaleSentences({ id, marks, area }: { id: string; marks: readonly Finding[]; area: RefObject<HTMLTextAreaElement | null> }) {
  return (
    <div className="stale-sentences" id={`${id}-stale`}>
      <p className="stale-head">{staleSentencesHead(marks.length)}</p>
      <ol>
        {marks.map((f, i) => (
          <li key={`${f.rule}:${f.range![0]}:${i}`} data-level={f.level}>
            <button type="button" className="stale-sentence" onClick={() => selectSentence(area.current, f)}>
              <mark>{sentenceOf(f)}</mark>
            </button>{' '}
            <span className="stale-why">
              {typeof f.params.reason === 'string' ? f.params.reason : f.message}（{f.rule}）
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

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
  // Named by the section heading above and what it is for: 三、… 本节说明（可不填）.
  const note = heading === 'none' && isSectionNote(slot);
  const marks = findings.filter((f) => sentenceOf(f) !== null);
  const shown = findings.filter((f) => f.level !== 'incomplete' && sentenceOf(f) === null);
  const described = [`${id}-guidance`, marks.length ? `${id}-stale` : '', shown.length ? `${id}-findings` : ''].filter(Boolean).join(' ');
  return (
    <div className="narrative">
      {heading === 'h3' ? (
        <h3>
          <label htmlFor={id}>{slot.label}</label>
        </h3>
      ) : note ? (
        <label htmlFor={id} id={`${id}-label`} className="section-note-label">
          {SECTION_NOTE_LABEL}
        </label>
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
        aria-labelledby={note ? `${domId.sectionHeading(slot.section!.id)} ${id}-label` : undefined}
        aria-describedby={described}
        aria-invalid={shown.some((f) => f.level === 'error') || undefined}
        onChange={(e) => store.setText(slot.id, e.target.value)}
        spellCheck={false}
      />
      {marks.length > 0 && <StaleSentences id={id} marks={marks} area={area} />}
      {extra}
      {shown.length > 0 && (
        <ul className="text-findings" id={`${id}-findings`}>
          {shown.map((f, i) => (
            <li key={i} data-level={f.level}>
              <span className="level">{levelName(f)}</span> {f.message}
              <small className="rule">（{f.rule}）</small>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const NarrativeField = memo(NarrativeFieldBody);
