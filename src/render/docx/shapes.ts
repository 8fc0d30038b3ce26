// The shapes of markup the body is made of (a run of a style, a paragraph of a style, a table
// cell, a row, a table) as docx objects holding a marker where the content goes. fragments.ts has
// docx serialize them and cuts each at its marker, so every tag and attribute is written by docx.
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';

export interface RunStyle {
  font: string;
  /** Half-points. */
  size: number;
  bold?: boolean;
  /** Horizontal scale in percent (100: none). */
  scale?: number;
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

export interface CellShape {
  /** Width in twips. */
  width: number;
  colSpan: number;
  /** 'restart' opens a vertical merge, 'continue' lies under it. */
  merge?: 'restart' | 'continue';
}

export interface TableShape {
  width: number;
  columns: readonly number[];
  /** Cell margins in twips. */
  marginX: number;
  marginY: number;
}

export type Shape =
  | { kind: 'run'; style: RunStyle; lineBreak: boolean }
  | { kind: 'paragraph'; style: ParagraphStyle }
  | { kind: 'cell'; cell: CellShape }
  /** A row that never splits across pages; header rows repeat at the top of each page. */
  | { kind: 'row'; header: boolean }
  /** A centred, fixed-layout table with single lines on every border. */
  | { kind: 'table'; table: TableShape };

/** One string per distinct shape: equal keys, equal markup. */
export function shapeKey(shape: Shape): string {
  switch (shape.kind) {
    case 'run': {
      const s = shape.style;
      return `r|${s.font}|${s.size}|${s.bold ? 1 : 0}|${s.scale ?? 100}|${shape.lineBreak ? 1 : 0}`;
    }
    case 'paragraph': {
      const { keepNext, pageBreakBefore, spacing: sp, indent: ind, jc } = shape.style;
      const spacing = sp ? `${sp.line},${sp.before},${sp.after}` : '';
      const indent = ind ? `${ind.firstLine ?? ''},${ind.left ?? ''},${ind.right ?? ''}` : '';
      return `p|${keepNext ?? ''}|${pageBreakBefore ? 1 : 0}|${spacing}|${indent}|${jc}`;
    }
    case 'cell':
      return `c|${shape.cell.width}|${shape.cell.colSpan}|${shape.cell.merge ?? ''}`;
    case 'row':
      return `tr|${shape.header ? 1 : 0}`;
    case 'table': {
      const t = shape.table;
      return `tbl|${t.width}|${t.columns.join(',')}|${t.marginX}|${t.marginY}`;
    }
  }
}

/**
 * Where a shape's fragment lies around its marker: the element the shape is (`outer`), and the
 * element standing for the content inside it (`inner`; none when the marker is the content).
 */
export function shapeTags(shape: Shape): { outer: string; inner?: string } {
  switch (shape.kind) {
    case 'run':
      return { outer: 'w:r' };
    case 'paragraph':
      return { outer: 'w:p', inner: 'w:r' };
    case 'cell':
      return { outer: 'w:tc', inner: 'w:p' };
    case 'row':
      return { outer: 'w:tr', inner: 'w:tc' };
    case 'table':
      return { outer: 'w:tbl', inner: 'w:tr' };
  }
}

const _JC = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED } as const;

const _markerCell = (marker: string) => new TableCell({ children: [new Paragraph(marker)] });

/** The shape as a body child of a docx document, holding `marker` where its content goes. */
export function shapeProbe(shape: Shape, marker: string): Paragraph | Table {
  switch (shape.kind) {
    case 'run': {
      const { font, size, bold, scale = 100 } = shape.style;
      const run = new TextRun({
        text: marker,
        font: { ascii: font, eastAsia: font, hAnsi: font },
        size,
        ...(bold ? { bold: true } : {}),
        ...(scale !== 100 ? { scale } : {}),
        ...(shape.lineBreak ? { break: 1 } : {}),
      });
      return new Paragraph({ children: [run] });
    }
    case 'paragraph': {
      const { keepNext, pageBreakBefore, spacing, indent, jc } = shape.style;
      return new Paragraph({
        ...(keepNext !== undefined ? { keepNext } : {}),
        ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
        ...(spacing ? { spacing: { ...spacing, lineRule: LineRuleType.EXACT } } : {}),
        ...(indent ? { indent } : {}),
        alignment: _JC[jc],
        // Word leaves widow and orphan control off unless asked; LibreOffice and the preview apply it.
        widowControl: true,
        children: [new TextRun(marker)],
      });
    }
    case 'cell': {
      const { width, colSpan, merge } = shape.cell;
      const cell = new TableCell({
        width: { size: width, type: WidthType.DXA },
        ...(colSpan > 1 ? { columnSpan: colSpan } : {}),
        ...(merge ? { verticalMerge: merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
        verticalAlign: VerticalAlignTable.CENTER,
        children: [new Paragraph(marker)],
      });
      return new Table({ rows: [new TableRow({ children: [cell] })] });
    }
    case 'row': {
      const row = new TableRow({ cantSplit: true, ...(shape.header ? { tableHeader: true } : {}), children: [_markerCell(marker)] });
      return new Table({ rows: [row] });
    }
    case 'table': {
      const { width, columns, marginX, marginY } = shape.table;
      const line = { style: BorderStyle.SINGLE, size: 4, color: 'auto' };
      return new Table({
        width: { size: width, type: WidthType.DXA },
        columnWidths: [...columns],
        layout: TableLayoutType.FIXED,
        alignment: AlignmentType.CENTER,
        borders: { top: line, left: line, bottom: line, right: line, insideHorizontal: line, insideVertical: line },
        margins: { top: marginY, bottom: marginY, left: marginX, right: marginX, marginUnitType: WidthType.DXA },
        rows: [new TableRow({ children: [_markerCell(marker)] })],
      });
    }
  }
}
