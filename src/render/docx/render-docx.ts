// renderDocx: the finished report as a .docx ready to publish (GB/T 9704-2012), drawn from the
// one block list composeDocument gives the preview too. It only renders: the CLI and the app
// check the report (final mode) first. Loaded with import() on export, never in the first bundle.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { cellText, composeDocument, type CellId, type DocBlock, type GridItem, type ResolvedGrid, type Report, type Template } from '../../core';
import {
  CHAR, FIRST_LINE_INDENT, FONT, LINE, MARGIN, PAGE, PAGE_NUMBER_DASH, PAGE_NUMBER_INDENT, SIZE,
  TABLE, TEXT_WIDTH, TITLE_LINE, TITLE_SPACE_AFTER,
} from '../../core/layout/gbt9704';
import { withFontEntries } from './font-table';
import { anchorColumns, columnWidths, gridFontSize, keepWithNext, signatureIndents, titleLines } from '../../core/layout/layout';
import { documentText, mapStrings } from '../../core/report/sanitize';

export interface RenderOptions {
  /** Put 草稿 in the page header of every page. */
  draft?: boolean;
}

/** The word in the header of a draft export. */
export const DRAFT_MARK = '草稿';

type Font = (typeof FONT)[keyof typeof FONT];

/** Every run names its face for ASCII, hAnsi and East Asian text, so no fallback font applies. */
function _run(text: string, font: Font, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: { ascii: font, hAnsi: font, eastAsia: font }, size, ...extra });
}

const _bodySpacing = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function _bodyParagraph(children: TextRun[], keepNext = false, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: _bodySpacing,
    keepNext,
    ...(pageBreakBefore ? { pageBreakBefore } : {}),
    children,
  });
}

function _block(block: DocBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: TITLE_LINE, lineRule: LineRuleType.EXACT, before: 0, after: TITLE_SPACE_AFTER },
          children: titleLines(block.text).map((line, i) => _run(line, FONT.title, SIZE.hao2, i ? { break: 1 } : {})),
        }),
      ];
    case 'heading':
      return [_bodyParagraph([_run(block.text, block.level === 1 ? FONT.level1 : FONT.level2, SIZE.hao3)], true, block.pageBreak)];
    case 'paragraph':
      return [
        _bodyParagraph(
          block.runs.map((r) => (r.bold ? _run(r.text, FONT.level3, SIZE.hao3, { bold: true }) : _run(r.text, FONT.body, SIZE.hao3))),
        ),
      ];
    case 'grid':
      return [_table(block.grid, block.values)];
    case 'signature':
      return _signature(block.organ, block.date);
  }
}

/**
 * 7.3.5.2: 正文下空一行，署名右空二字；成文日期首字比署名首字右移二字，日期较长时署名右移、日期右空二字.
 * Right-aligned paragraphs whose right indents place the first characters that way.
 */
function _signature(organ: string, date: string): Paragraph[] {
  const right = signatureIndents(organ, date);
  const line = (text: string, right: number, before: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(right * CHAR) },
      spacing: { ..._bodySpacing, before },
      keepNext: true,
      children: [_run(text, FONT.body, SIZE.hao3)],
    });
  const out = [line(organ, right.organ, LINE)];
  if (date) out.push(line(date, right.date, 0));
  return out;
}

function _table(grid: ResolvedGrid, values: ReadonlyMap<CellId, number | null>): Table {
  const widths = columnWidths(grid);
  const size = gridFontSize(grid, values, widths);
  const labelSize = grid.columnCount > TABLE.denseColumns ? Math.min(size, TABLE.denseLabelSize) : size;
  const starts = anchorColumns(grid);
  const keep = keepWithNext(grid);
  const rows = grid.rows.map((row, r) => {
    const cells = row.items.map((item, i) => {
      const start = starts[r]![i]!;
      const width = widths.slice(start, start + item.colSpan).reduce((s, w) => s + w, 0);
      return _cell(item, values, width, item.type === 'value' ? size : labelSize, keep[r]!);
    });
    return new TableRow({ children: cells, cantSplit: true, tableHeader: row.repeat || undefined });
  });
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { left: TABLE.cellMarginX, right: TABLE.cellMarginX, top: TABLE.cellMarginY, bottom: TABLE.cellMarginY },
  });
}

function _cell(
  item: GridItem,
  values: ReadonlyMap<CellId, number | null>,
  width: number,
  size: number,
  keepNext: boolean,
): TableCell {
  // Single spacing at 1.35 × the type size, exact, so the body's 22-line pitch does not apply.
  const spacing = { line: Math.round(size * 10 * 1.35), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const isValue = item.type === 'value';
  const text = isValue ? cellText(values.get(item.id)) : item.label;
  const bold = !isValue && (item.role === 'title' || item.role === 'column' || item.role === 'corner');
  const left = !isValue && item.role === 'row' && item.rowSpan === 1;
  const paragraph = new Paragraph({
    alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER,
    // An indicator list shows nesting by indentation, one character per level.
    ...(!isValue && item.indent ? { indent: { left: Math.round(item.indent * size * 10) } } : {}),
    spacing,
    keepNext,
    children: text ? [_run(text, FONT.table, size, bold ? { bold: true } : {})] : [],
  });
  const options = {
    children: [paragraph],
    verticalAlign: VerticalAlign.CENTER,
    width: { size: width, type: WidthType.DXA },
    ...(item.rowSpan > 1 ? { rowSpan: item.rowSpan } : {}),
    ...(item.colSpan > 1 ? { columnSpan: item.colSpan } : {}),
  };
  return new TableCell(options);
}

function _pageNumberFooter(side: 'odd' | 'even'): Footer {
  const odd = side === 'odd';
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: PAGE_NUMBER_INDENT } : { left: PAGE_NUMBER_INDENT },
        children: [
          new TextRun({
            children: [`${PAGE_NUMBER_DASH} `, PageNumber.CURRENT, ` ${PAGE_NUMBER_DASH}`],
            font: { ascii: FONT.pageNumber, hAnsi: FONT.pageNumber, eastAsia: FONT.pageNumber },
            size: SIZE.hao4,
          }),
        ],
      }),
    ],
  });
}

function _draftHeader(): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [_run(DRAFT_MARK, FONT.level1, SIZE.hao3)] })],
  });
}

/** The docx Document object (for tests that inspect it); renderDocx packs it. */
export function buildDocument(template: Template, report: Report, options: RenderOptions = {}): Document {
  // A character XML 1.0 forbids makes a file Word and LibreOffice refuse; none gets through.
  report = mapStrings(report, documentText);
  const blocks = composeDocument(template, report);
  const title = blocks.find((b) => b.kind === 'title');
  const font = { ascii: FONT.body, hAnsi: FONT.body, eastAsia: FONT.body };
  return new Document({
    creator: report.organ.name || 'nianbao',
    lastModifiedBy: report.organ.name || 'nianbao',
    title: title?.kind === 'title' ? title.text : '',
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font, size: SIZE.hao3, language: { value: 'zh-CN', eastAsia: 'zh-CN' } }, paragraph: { spacing: _bodySpacing } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN },
          },
          // The pitch Word's page setup shows (22 lines); no grid type, so nothing snaps to it.
          grid: { linePitch: LINE },
        },
        headers: options.draft ? { default: _draftHeader(), even: _draftHeader() } : undefined,
        footers: { default: _pageNumberFooter('odd'), even: _pageNumberFooter('even') },
        children: blocks.flatMap(_block),
      },
    ],
  });
}

/** A fixed time for zip entries (local time, as zip stores it). */
const _ZIP_TIME = new Date(2000, 0, 1, 0, 0, 0);

/**
 * Same input, same bytes: docx stamps "now" into docProps/core.xml and into every zip entry.
 * The stamps become the 成文日期 (or are left out) and the zip gets a fixed time.
 */
function _normalize(bytes: Uint8Array, written: string | null): Uint8Array {
  const files = unzipSync(bytes);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    let content = data;
    if (name === 'docProps/core.xml') {
      const xml = strFromU8(data).replace(/<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g, (_m, tag: string) =>
        written ? `<dcterms:${tag} xsi:type="dcterms:W3CDTF">${written}T00:00:00Z</dcterms:${tag}>` : '',
      );
      content = strToU8(xml);
    }
    if (name === 'word/fontTable.xml') content = strToU8(withFontEntries(strFromU8(data)));
    out[name] = [content, { mtime: _ZIP_TIME, level: 6 }];
  }
  return zipSync(out);
}

export async function renderDocx(template: Template, report: Report, options: RenderOptions = {}): Promise<Uint8Array> {
  const packed = await Packer.pack(buildDocument(template, report, options), 'uint8array');
  return _normalize(packed, report.dates.written);
}
