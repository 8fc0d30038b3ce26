// The app shell: one header (the product's name, which report is open, its save status, one
// toolbar row: 报告 · 导入 · 导出), a first-steps hint on a new empty report, then the form and the
// preview over one report store.
import { lazy, Suspense, useState } from 'react';
import { createReport, defaultReportYear } from '../../core';
import { ReportViews } from '../preview/ReportViews';
import { DraftsRoot } from '../drafts/DraftsRoot';
import { ExportActions } from '../export/ExportActions';
import { ImportButton } from '../import/ImportButton';
import { FirstSteps } from './FirstSteps';
import { createReportStore, type ReportStore } from '../../store/report-store';
import { useSliceOf } from '../use-store';
import { allTemplates, registry } from './templates';
import './app.css';

// 审查 (the county reviewer's workbench) loads only when opened, with every template (its batch may hold any).
const ReviewView = lazy(() => Promise.all([import('../review/ReviewView'), allTemplates()]).then(([m]) => ({ default: m.ReviewView })));

/** A new report for the year a clerk starting today most likely writes (see defaultReportYear). */
export function newStore(today = new Date()): ReportStore {
  const year = defaultReportYear(today);
  const template = registry.forYear(year) ?? registry.all[0]!;
  // A report of any registered template opens in its own (a draft, a file, an import).
  return createReportStore(template, createReport(template, year), { templates: registry.get });
}

export function App() {
  const [store] = useState(newStore);
  const [reviewing, setReviewing] = useState(false);
  // The form, the preview and the tools are built for one template: a report of another one
  // (opened, imported, started for next year) mounts them anew.
  const templateId = useSliceOf(store, () => store.template.id);
  const title = (
    <h1 className="app-title">
      政府信息公开工作年度报告编制器 <small lang="en">nianbao</small>
    </h1>
  );
  const tools = (
    <>
      <div className="tool-group" role="group" aria-labelledby="tool-group-import">
        <span className="tool-group-label" id="tool-group-import">
          导入
        </span>
        <ImportButton key={templateId} store={store} />
      </div>
      <div className="tool-group tool-group-export">
        <span className="tool-group-label" aria-hidden="true">
          导出
        </span>
        <ExportActions key={templateId} store={store} />
      </div>
      <div className="tool-group" role="group" aria-label="审查">
        <button type="button" aria-pressed={reviewing} onClick={() => setReviewing(!reviewing)}>
          审查下级报告
        </button>
      </div>
    </>
  );
  return (
    <>
      <DraftsRoot store={store} title={title} tools={tools}>
        {reviewing ? (
          <Suspense fallback={<p>正在打开审查…</p>}>
            <ReviewView onDraftOpened={() => setReviewing(false)} />
          </Suspense>
        ) : (
          <main key={templateId}>
            <FirstSteps store={store} />
            <ReportViews store={store} />
          </main>
        )}
      </DraftsRoot>
    </>
  );
}
