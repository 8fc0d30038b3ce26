// Page layout per GB/T 9704-2012 computed from the constants in gbt9704.ts: column widths over
// the 版心, the title's trapezoid break, the signature's right indents. Pure and free of the docx
// package, so the .docx renderer and the HTML preview lay the page out with the same numbers.
import type { ResolvedGrid } from '../template/resolve';
import { SIGNATURE_RIGHT, SIZE, TABLE, TEXT_WIDTH, ems } from './gbt9704';

/**
 * 7.3.1: a title too long for one line breaks where the meaning allows (词意完整) into a trapezoid:
 * the organ and year above, the name of the report below. A title that fits stays one line.
 */
export function titleLines(title: string): string[] {
  if (ems(title) * SIZE.hao2 * 10 <= TEXT_WIDTH) return [title];
  const m = /^(.+?\d{4}年)(.+)$/.exec(title);
  return m ? [m[1]!, m[2]!] : [title];
}

/**
 * 7.3.5.2: 正文下空一行，署名右空二字；成文日期首字比署名首字右移二字，日期较长时署名右移、日期右空二字.
 * Right indents, in characters, that place the first characters of 署名 and 成文日期 that way.
 */
export function signatureIndents(organ: string, date: string): { organ: number; date: number } {
  const o = ems(organ);
  const d = ems(date);
  const dateRight = date ? Math.max(SIGNATURE_RIGHT, o - d) : SIGNATURE_RIGHT;
  const organRight = date ? dateRight + d + 2 - o : SIGNATURE_RIGHT;
  return { organ: organRight, date: dateRight };
}

/** Column widths in twips over the whole 版心: label columns get a share, value columns the rest. */
export function columnWidths(grid: ResolvedGrid): number[] {
  const labels = grid.labelColumns;
  const values = grid.columnCount - labels;
  if (labels === 0) return _spread(TEXT_WIDTH, Array(values).fill(1));
  const labelWidth = Math.max(TEXT_WIDTH - values * TABLE.maxValueWidth, Math.round(TEXT_WIDTH * TABLE.labelShare));
  const valueWidths = _spread(TEXT_WIDTH - labelWidth, Array(values).fill(1));
  const labelWeights = Array.from({ length: labels }, (_, i) => (i < labels - 1 ? TABLE.outerLabelShare : 1 - TABLE.outerLabelShare * (labels - 1)));
  return [..._spread(labelWidth, labelWeights), ...valueWidths];
}

/** Split a width by weights into whole twips that add up exactly. */
function _spread(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const out = weights.map((w) => Math.floor((total * w) / sum));
  out[out.length - 1]! += total - out.reduce((s, w) => s + w, 0);
  return out;
}
