// The live preview: the finished report on sheets of A4 paper, page for page as the exported .docx
// (composeDocument's blocks, paginated in the headless core as Word and LibreOffice break them:
// core/layout/paginate.ts). A zoom control scales the sheets on screen; 打印 prints the sheets
// alone, one per page, with the page numbers where the .docx prints them. It is mounted only
// while it is shown, and follows the store through useDeferredValue, so it never holds up typing.
import { useDeferredValue, useMemo, useRef } from 'react';
import { composeDocument } from '../../core';
import { paginate } from '../../core/layout/paginate';
import type { ReportStore } from '../../store/report-store';
import { useSliceOf } from '../use-store';
import { PreviewSheets } from './PreviewSheets';
import { ZOOMS, useZoom, type Zoom } from './zoom';
import './preview.css';

export function ReportPreview({ store }: { store: ReportStore }) {
  const report = useSliceOf(store, (s) => s.report);
  const deferred = useDeferredValue(report);
  const blocks = useMemo(() => composeDocument(store.template, deferred), [store.template, deferred]);
  const pages = useMemo(() => paginate(blocks), [blocks]);
  const desk = useRef<HTMLDivElement>(null);
  const { zoom, setZoom, scale } = useZoom(desk);
  return (
    <div className="report-preview">
      <div className="pv-bar">
        <span>按导出的 Word 文档分页（A4，GB/T 9704 版式），共 {pages.length} 页。</span>
        <label className="pv-zoom">
          缩放
          <select value={zoom} onChange={(e) => setZoom(e.target.value as Zoom)}>
            {ZOOMS.map((z) => (
              <option key={z.value} value={z.value}>
                {z.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => window.print()}>
          打印
        </button>
        {deferred !== report && <span className="pv-pending">更新中…</span>}
      </div>
      <div className="pv-desk" ref={desk}>
        <div className="pv-zoomed" style={{ zoom: scale }}>
          <PreviewSheets blocks={blocks} pages={pages} />
        </div>
      </div>
    </div>
  );
}
