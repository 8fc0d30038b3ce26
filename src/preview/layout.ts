// Layout of the preview, from the same page and type constants as the .docx (src/docx/gbt9704.ts,
// which imports no docx code): column widths over the 版心, the title's trapezoid break and the
// signature's right indents. Pure, so the tests compare them with the .docx renderer's.
import type { ResolvedGrid } from '../core';
import { SIGNATURE_RIGHT, SIZE, TABLE, TEXT_WIDTH, ems } from '../docx/gbt9704';

/** Split a width by weights into whole units that add up exactly (as the .docx does in twips). */
function _spread(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const out = weights.map((w) => Math.floor((total * w) / sum));
  out[out.length - 1]! += total - out.reduce((s, w) => s + w, 0);
  return out;
}

/** Column widths in twips, as the .docx table sets them: label columns a share, value columns the rest. */
export function previewColumnWidths(grid: ResolvedGrid): number[] {
  const labels = grid.labelColumns;
  const values = grid.columnCount - labels;
  if (labels === 0) return _spread(TEXT_WIDTH, Array(values).fill(1));
  const labelWidth = Math.max(TEXT_WIDTH - values * TABLE.maxValueWidth, Math.round(TEXT_WIDTH * TABLE.labelShare));
  const valueWidths = _spread(TEXT_WIDTH - labelWidth, Array(values).fill(1));
  const labelWeights = Array.from({ length: labels }, (_, i) => (i < labels - 1 ? TABLE.outerLabelShare : 1 - TABLE.outerLabelShare * (labels - 1)));
  return [..._spread(labelWidth, labelWeights), ...valueWidths];
}

/** A title too wide for one line breaks after the year (GB/T 9704 7.3.1), as in the .docx. */
export function previewTitleLines(title: string): string[] {
  if (ems(title) * SIZE.hao2 * 10 <= TEXT_WIDTH) return [title];
  const m = /^(.+?\d{4}年)(.+)$/.exec(title);
  return m ? [m[1]!, m[2]!] : [title];
}

/** Right indents (in characters) of 署名 and 成文日期: the date starts two characters right of the organ. */
export function signatureIndents(organ: string, date: string): { organ: number; date: number } {
  const o = ems(organ);
  const d = ems(date);
  const dateRight = date ? Math.max(SIGNATURE_RIGHT, o - d) : SIGNATURE_RIGHT;
  const organRight = date ? dateRight + d + 2 - o : SIGNATURE_RIGHT;
  return { organ: organRight, date: dateRight };
}

/** Grids wider than this many columns set their labels smaller (小五), as in the .docx. */
export const DENSE_COLUMNS = TABLE.denseColumns;
