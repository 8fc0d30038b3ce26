// The authoring form: the report's facts, the preface, then the template's sections in order, each
// with its guidance, its text slots, its grids and (for 六) the 信息处理费 facts; the findings beside.
// Everything is read from the template; the form holds no official wording of its own.
import { useEffect, useMemo, type FocusEvent } from 'react';
import { prefaceText, type SectionSpec, type Template } from '../../core';
import type { ReportStore } from '../../store/report-store';
import { FactsFields } from './FactsFields';
import { FeeFields } from './FeeFields';
import { FindingsPanel } from './FindingsPanel';
import { GridTable } from './GridTable';
import { NarrativeField } from './NarrativeField';
import { StoreContext, useSlice, useSliceOf, useStore } from '../use-store';
import { domId, restoreWhereabouts, whereaboutsOf } from '../places';
import './form.css';

function PrefaceExtra() {
  const store = useStore();
  const empty = useSlice((s) => !(s.report.narrative.preface ?? '').trim());
  // The default preface is worded from the organ, the year and the contact: selected as they are
  // (no string is built on every keystroke elsewhere), worded again only when one changes.
  const organ = useSlice((s) => s.report.organ);
  const year = useSlice((s) => s.report.year);
  const contact = useSlice((s) => s.report.contact);
  const generated = useMemo(() => prefaceText(store.template, { ...store.getState().report, organ, year, contact }), [store, organ, year, contact]);
  if (!empty) return null;
  return (
    <div className="preface-default">
      <p>不填写时，报告使用以下前言：</p>
      <blockquote>{generated}</blockquote>
      <button type="button" onClick={() => store.setText('preface', generated)}>
        填入以上前言再修改
      </button>
    </div>
  );
}

function Section({ template, section }: { template: Template; section: SectionSpec }) {
  const slot = template.texts.find((t) => t.id === section.id)!;
  const parts = template.texts.filter((t) => t.section === section && t.id !== section.id);
  return (
    <section className="report-section" id={domId.section(section.id)} aria-labelledby={domId.sectionHeading(section.id)}>
      <h2 id={domId.sectionHeading(section.id)}>{section.label}</h2>
      <NarrativeField slot={slot} heading="none" />
      {parts.map((p) => (
        <NarrativeField key={p.id} slot={p} heading="h3" />
      ))}
      {(section.grids ?? []).map((g) => (
        <GridTable key={g} grid={template.grid(g)} />
      ))}
      {section.fee && <FeeFields />}
    </section>
  );
}

/** After a report is opened, go back to where the clerk was. */
function useRestoreWhereabouts(store: ReportStore) {
  const loads = useSliceOf(store, (s) => s.loads);
  useEffect(() => {
    if (loads > 0) restoreWhereabouts(store.getState().focus);
  }, [loads, store]);
}

export function ReportForm({ store }: { store: ReportStore }) {
  const { template } = store;
  const preface = template.texts.find((t) => t.id === 'preface');
  useRestoreWhereabouts(store);
  const onFocus = (e: FocusEvent<HTMLFormElement>) => store.setFocus(whereaboutsOf(e.target));
  return (
    <StoreContext.Provider value={store}>
      <div className="report-form">
        <form className="report-body" aria-label="年度报告填写" onSubmit={(e) => e.preventDefault()} onFocus={onFocus}>
          <FactsFields />
          {preface && (
            <section className="report-section" id={domId.section('preface')} aria-labelledby={domId.sectionHeading('preface')}>
              <h2 id={domId.sectionHeading('preface')}>{preface.label}</h2>
              <NarrativeField slot={preface} heading="none" extra={<PrefaceExtra />} />
            </section>
          )}
          {template.spec.sections.map((s) => (
            <Section key={s.id} template={template} section={s} />
          ))}
        </form>
        <FindingsPanel />
      </div>
    </StoreContext.Provider>
  );
}
