// renderDocx: the finished report as a .docx ready to publish (GB/T 9704-2012), drawn from the
// one block list composeDocument gives the preview too. It only renders: the CLI and the app
// check the report (final mode) first. Loaded with import() on export, never in the first bundle.
// The report's body is joined from fragments docx made once per shape (markup.ts) and put into a
// skeleton of the invariant parts made once (skeleton.ts); the package is zipped with the
// compression level of a usual Word file.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { composeDocument, type DocBlock, type Report, type Template } from '../../core';
import { CHAR, FIRST_LINE_INDENT, FONT, LINE, SIZE, TITLE_LINE, TITLE_SPACE_AFTER } from '../../core/layout/gbt9704';
import { signatureIndents, titleLines } from '../../core/layout/layout';
import { documentText, mapStrings } from '../../core/report/sanitize';
import { textEscape } from './escape';
import { withFragments, type Markup } from './markup';
import type { ParagraphStyle, RunStyle } from './shapes';
import { BODY_SPACING, coreProperties, skeleton } from './skeleton';
import { gridTable } from './table';

export { DRAFT_MARK } from './skeleton';

export interface RenderOptions {
  /** Put 草稿 in the page header of every page. */
  draft?: boolean;
}

const _title: RunStyle = { font: FONT.title, size: SIZE.hao2 };
const _level1: RunStyle = { font: FONT.level1, size: SIZE.hao3 };
const _level2: RunStyle = { font: FONT.level2, size: SIZE.hao3 };
const _lead: RunStyle = { font: FONT.level3, size: SIZE.hao3, bold: true };
const _body: RunStyle = { font: FONT.body, size: SIZE.hao3 };

const _titlePara: ParagraphStyle = { spacing: { line: TITLE_LINE, before: 0, after: TITLE_SPACE_AFTER }, jc: 'center' };
const _bodyPara = (keepNext: boolean, pageBreakBefore = false): ParagraphStyle => ({
  keepNext,
  pageBreakBefore,
  spacing: BODY_SPACING,
  indent: { firstLine: FIRST_LINE_INDENT },
  jc: 'both',
});
const _heading = _bodyPara(true);
const _headingNewPage = _bodyPara(true, true);
const _text = _bodyPara(false);

function _block(m: Markup, block: DocBlock): string {
  switch (block.kind) {
    case 'title':
      return m.paragraph(_titlePara, titleLines(block.text).map((line, i) => m.run(_title, line, i > 0)).join(''));
    case 'heading':
      return m.paragraph(block.pageBreak ? _headingNewPage : _heading, m.run(block.level === 1 ? _level1 : _level2, block.text));
    case 'paragraph':
      return m.paragraph(_text, block.runs.map((r) => m.run(r.bold ? _lead : _body, r.text)).join(''));
    case 'grid':
      return gridTable(m, block.grid, block.values);
    case 'signature':
      return _signature(m, block.organ, block.date);
  }
}

/**
 * 7.3.5.2: 正文下空一行，署名右空二字；成文日期首字比署名首字右移二字，日期较长时署名右移、日期右空二字.
 * Right-aligned paragraphs whose right indents place the first characters that way.
 */
function _signature(m: Markup, organ: string, date: string): string {
  const right = signatureIndents(organ, date);
  const line = (text: string, right: number, before: number) =>
    m.paragraph({ keepNext: true, spacing: { ...BODY_SPACING, before }, indent: { right: Math.round(right * CHAR) }, jc: 'right' }, m.run(_body, text));
  return line(organ, right.organ, LINE) + (date ? line(date, right.date, 0) : '');
}

/** A fixed time for zip entries (local time, as zip stores it). */
const _ZIP_TIME = new Date(2000, 0, 1, 0, 0, 0);
/** Deflate level 6: zlib's default, which Word, WPS and the usual zip writers use. */
const _LEVEL = 6;

/** Same input, same bytes: no clock is read, and the zip entries carry a fixed time. */
export async function renderDocx(template: Template, report: Report, options: RenderOptions = {}): Promise<Uint8Array> {
  const [base, escape] = await Promise.all([skeleton(!!options.draft), textEscape()]);
  // A character XML 1.0 forbids makes a file Word and LibreOffice refuse; none gets through.
  report = mapStrings(report, documentText);
  const blocks = composeDocument(template, report);
  const title = blocks.find((b) => b.kind === 'title');
  const body = await withFragments(escape, (m) => blocks.map((block) => _block(m, block)).join(''));
  const documentXml = base.documentHead + body + base.documentTail;
  const creator = report.organ.name || 'nianbao';
  const core = coreProperties(base.core, escape, creator, title?.kind === 'title' ? title.text : '', report.dates.written);
  const files: Zippable = {};
  for (const [name, data] of base.parts) {
    const content = name === base.main ? strToU8(documentXml) : name === 'docProps/core.xml' ? strToU8(core) : data;
    files[name] = [content, { mtime: _ZIP_TIME, level: _LEVEL }];
  }
  return zipSync(files);
}
