// 填写 / 预览: the form and the preview of the finished report as two tabs over one store. The
// form stays mounted while hidden (its text fields and refused cells keep what was typed); the
// preview is mounted only while it is shown, so typing never waits for it. Printing prints the
// report whatever tab is shown: while 填写 is shown, a print-only copy of the preview is mounted
// for the print (on `beforeprint`, synchronously, and removed on `afterprint`). A print that comes
// without `beforeprint` (some print paths) still never prints the form or the app: print CSS hides
// them whatever happens and shows a one-line note to print from 预览 instead (`.print-fallback`).
import { lazy, Suspense, useEffect, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { ReportStore, View } from '../../store/report-store';
import { ReportForm } from '../form/ReportForm';
import { useSliceOf } from '../use-store';
import { domId } from '../places';
import { whenIdle } from '../on-demand';
import './views.css';

// The preview and the page layout behind it load when 预览 is first shown, or on idle after the
// first screen: a print's copy is mounted synchronously on `beforeprint`, so by then it is here.
let loaded: typeof import('./ReportPreview') | undefined;
const loadPreview = () => import('./ReportPreview').then((m) => (loaded = m));
const LazyPreview = lazy(() => loadPreview().then((m) => ({ default: m.ReportPreview })));
function ReportPreview({ store }: { store: ReportStore }) {
  return loaded ? (
    <loaded.ReportPreview store={store} />
  ) : (
    <Suspense fallback={null}>
      <LazyPreview store={store} />
    </Suspense>
  );
}

const VIEWS: { id: View; label: string }[] = [
  { id: 'form', label: '填写' },
  { id: 'preview', label: '预览' },
];

/** True from `beforeprint` to `afterprint` (or while print media matches), rendered synchronously. */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const set = (on: boolean) => flushSync(() => setPrinting(on));
    const before = () => set(true);
    const after = () => set(false);
    const media = typeof window.matchMedia === 'function' ? window.matchMedia('print') : null;
    const change = (e: MediaQueryListEvent) => set(e.matches);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    media?.addEventListener?.('change', change);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      media?.removeEventListener?.('change', change);
    };
  }, []);
  return printing;
}

export function ReportViews({ store }: { store: ReportStore }) {
  // The tab shown is part of where the clerk is, so it lives in the store: leading to a place in
  // the form (goTo) shows 填写.
  const view = useSliceOf(store, (s) => s.view);
  const setView = store.setView;
  const printing = usePrinting();
  useEffect(() => whenIdle(() => void loadPreview()), []);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const next = view === 'form' ? 'preview' : 'form';
    setView(next);
    document.getElementById(domId.viewTab(next))?.focus();
  };
  return (
    <div className="report-views">
      <div role="tablist" aria-label="视图" className="view-tabs" onKeyDown={onKeyDown}>
        {VIEWS.map((v) => (
          <button
            key={v.id}
            type="button"
            role="tab"
            id={domId.viewTab(v.id)}
            aria-selected={view === v.id}
            aria-controls={domId.viewPanel(v.id)}
            tabIndex={view === v.id ? 0 : -1}
            onClick={() => setView(v.id)}
          >
            {v.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={domId.viewPanel('form')} aria-labelledby={domId.viewTab('form')} hidden={view !== 'form'}>
        <ReportForm store={store} />
      </div>
      {view === 'preview' && (
        <div role="tabpanel" id={domId.viewPanel('preview')} aria-labelledby={domId.viewTab('preview')}>
          <ReportPreview store={store} />
        </div>
      )}
      {view !== 'preview' && !printing && (
        <p className="print-fallback" aria-hidden="true">
          请切换到“预览”后打印
        </p>
      )}
      {view !== 'preview' && printing && (
        <div className="print-copy" aria-hidden="true">
          <ReportPreview store={store} />
        </div>
      )}
    </div>
  );
}
