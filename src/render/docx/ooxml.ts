// WordprocessingML written as strings: runs, paragraphs and table cells as the report needs them.
// The docx package builds an object tree per run and formats it element by element, which made
// most of a render's time; the body is written here directly, in the element and attribute order
// docx writes, so Word, WPS and LibreOffice read the same markup as before.

/** Text and attribute values escaped as docx escapes them; control characters XML forbids are dropped. */
export function esc(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  return value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (ch) => _ESCAPES[ch] ?? '');
}

const _ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

export interface RunStyle {
  font: string;
  /** Half-points. */
  size: number;
  bold?: boolean;
  /** Horizontal scale in percent (100: none). */
  scale?: number;
}

/** The run properties of a style, written once per style and reused for every run of it. */
export function runProperties({ font, size, bold, scale = 100 }: RunStyle): string {
  const f = esc(font);
  const w = scale === 100 ? '' : `<w:w w:val="${scale}"/>`;
  return `<w:rPr><w:rFonts w:ascii="${f}" w:eastAsia="${f}" w:hAnsi="${f}"/>${bold ? '<w:b/><w:bCs/>' : ''}${w}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
}

/** A run; `rPr` from runProperties, `lineBreak` puts a line break before the text. */
export function run(rPr: string, text: string, lineBreak = false): string {
  return `<w:r>${rPr}${lineBreak ? '<w:br/>' : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

export type Justification = 'left' | 'center' | 'right' | 'both';

export interface ParagraphStyle {
  /** true: kept with the next paragraph; false: written as off; absent: not written. */
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  /** Exact line height and spacing before and after, in twips. */
  spacing?: { line: number; before: number; after: number };
  indent?: { firstLine?: number; left?: number; right?: number };
  jc: Justification;
}

/** The paragraph properties of a style (<w:pPr>…</w:pPr>). */
export function paragraphProperties(p: ParagraphStyle): string {
  let out = '<w:pPr>';
  if (p.keepNext !== undefined) out += p.keepNext ? '<w:keepNext/>' : '<w:keepNext w:val="false"/>';
  if (p.pageBreakBefore) out += '<w:pageBreakBefore/>';
  if (p.spacing) out += `<w:spacing w:after="${p.spacing.after}" w:before="${p.spacing.before}" w:line="${p.spacing.line}" w:lineRule="exact"/>`;
  const ind = p.indent;
  if (ind) {
    const attrs = [ind.firstLine !== undefined ? ` w:firstLine="${ind.firstLine}"` : '', ind.left !== undefined ? ` w:left="${ind.left}"` : '', ind.right !== undefined ? ` w:right="${ind.right}"` : ''];
    out += `<w:ind${attrs.join('')}/>`;
  }
  return `${out}<w:jc w:val="${p.jc}"/></w:pPr>`;
}

export const paragraph = (pPr: string, runs: string): string => `<w:p>${pPr}${runs}</w:p>`;

export interface CellShape {
  /** Width in twips. */
  width: number;
  colSpan: number;
  /** 'restart' opens a vertical merge, 'continue' lies under it. */
  merge?: 'restart' | 'continue';
}

/** A table cell, vertically centred, holding one paragraph. */
export function cell({ width, colSpan, merge }: CellShape, content: string): string {
  const span = colSpan > 1 ? `<w:gridSpan w:val="${colSpan}"/>` : '';
  const vMerge = merge ? `<w:vMerge w:val="${merge}"/>` : '';
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span}${vMerge}<w:vAlign w:val="center"/></w:tcPr>${content}</w:tc>`;
}

/** A table row that never splits across pages; `header` rows repeat at the top of each page. */
export function row(cells: string, header: boolean): string {
  return `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${cells}</w:tr>`;
}

export interface TableShape {
  width: number;
  columns: number[];
  /** Cell margins in twips. */
  marginX: number;
  marginY: number;
}

/** A centred, fixed-layout table with single lines on every border. */
export function table({ width, columns, marginX, marginY }: TableShape, rows: string): string {
  const line = 'w:val="single" w:color="auto" w:sz="4"';
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} ${line}/>`).join('');
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${width}"/><w:jc w:val="center"/><w:tblBorders>${borders}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:type="dxa" w:w="${marginY}"/><w:left w:type="dxa" w:w="${marginX}"/>` +
    `<w:bottom w:type="dxa" w:w="${marginY}"/><w:right w:type="dxa" w:w="${marginX}"/></w:tblCellMar></w:tblPr>` +
    `<w:tblGrid>${columns.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows}</w:tbl>`
  );
}
