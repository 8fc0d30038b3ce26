// The app shell: the header, and the authoring form over one report store. Other views (toolbar,
// drafts, preview) attach to the same store.
import { useState } from 'react';
import { createReport, defaultReportYear } from '../core';
import { ReportViews } from '../preview/ReportViews';
import { DraftsRoot } from '../drafts/DraftsRoot';
import { ExportActions } from '../docx/ExportActions';
import { ImportDialog } from './import/ImportDialog';
import { createReportStore, type ReportStore } from '../store/report-store';
import { registry } from './templates';

/** A new report for the year a clerk starting today most likely writes (see defaultReportYear). */
export function newStore(today = new Date()): ReportStore {
  const year = defaultReportYear(today);
  const template = registry.forYear(year) ?? registry.all[0]!;
  return createReportStore(template, createReport(template, year));
}

export function App() {
  const [store] = useState(newStore);
  return (
    <main>
      <h1>nianbao · 政府信息公开工作年度报告编制器</h1>
      <DraftsRoot store={store}>
        <ExportActions store={store} />
        <ImportDialog store={store} />
        <ReportViews store={store} />
      </DraftsRoot>
    </main>
  );
}
