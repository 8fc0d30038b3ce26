// The authoring form and what it is built from.
export { ReportForm } from './ReportForm';
export { gridMatrix, nextCell, moveKeyOf, type GridMatrix, type MatrixCell, type MoveKey } from './grid-keys';
export { parseClipboard, planPaste, type PastePlan } from './clipboard';
export { domId, goTo, placeDomId, whereaboutsOf } from '../places';
export { useSliceOf } from '../use-store';
export { createReportStore, cellLabel, type ReportStore, type ReportState, type Refusal, type Focus } from '../../store/report-store';
