// 填写 / 预览: the form and the preview of the finished report as two tabs over one store. The
// form stays mounted while hidden (its text fields and refused cells keep what was typed); the
// preview is mounted only while it is shown, so typing never waits for it.
import { useState, type KeyboardEvent } from 'react';
import type { ReportStore } from '../store/report-store';
import { ReportForm } from '../form/ReportForm';
import { ReportPreview } from './ReportPreview';

type View = 'form' | 'preview';
const VIEWS: { id: View; label: string }[] = [
  { id: 'form', label: '填写' },
  { id: 'preview', label: '预览' },
];

export function ReportViews({ store }: { store: ReportStore }) {
  const [view, setView] = useState<View>('form');
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const next = view === 'form' ? 'preview' : 'form';
    setView(next);
    document.getElementById(`view-tab-${next}`)?.focus();
  };
  return (
    <div className="report-views">
      <div role="tablist" aria-label="视图" className="view-tabs" onKeyDown={onKeyDown}>
        {VIEWS.map((v) => (
          <button
            key={v.id}
            type="button"
            role="tab"
            id={`view-tab-${v.id}`}
            aria-selected={view === v.id}
            aria-controls={`view-${v.id}`}
            tabIndex={view === v.id ? 0 : -1}
            onClick={() => setView(v.id)}
          >
            {v.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="view-form" aria-labelledby="view-tab-form" hidden={view !== 'form'}>
        <ReportForm store={store} />
      </div>
      {view === 'preview' && (
        <div role="tabpanel" id="view-preview" aria-labelledby="view-tab-preview">
          <ReportPreview store={store} />
        </div>
      )}
    </div>
  );
}
