// The authoring form and what it is built from.
export { ReportForm } from './ReportForm';
export { gridMatrix, nextCell, moveKeyOf, type GridMatrix, type MatrixCell, type MoveKey } from './grid-keys';
export { parseClipboard, planPaste, type PastePlan } from './clipboard';
export { cellDomId } from './GridCell';
export { textDomId } from './NarrativeField';
export { focusOf } from './ReportForm';
export { useSliceOf } from '../use-store';
export { createReportStore, placeOf, type ReportStore, type ReportState, type Refusal, type Focus } from '../../store/report-store';
