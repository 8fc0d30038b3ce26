// The authoring form and what it is built from.
export { ReportForm } from './ReportForm';
export { gridMatrix, nextCell, moveKeyOf, type GridMatrix, type MatrixCell, type MoveKey } from './grid-keys';
export { parseClipboard, planPaste, type PastePlan } from './clipboard';
export { cellDomId } from './GridCell';
export { textDomId } from './NarrativeField';
