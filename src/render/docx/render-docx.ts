// renderDocx: the finished report as a .docx ready to publish (GB/T 9704-2012), drawn from the
// one block list composeDocument gives the preview too. It only renders: the CLI and the app
// check the report (final mode) first. Loaded with import() on export, never in the first bundle.
// The report's body is written as XML strings into a skeleton of the invariant parts made once
// (skeleton.ts), and the package is zipped with the compression level of a usual Word file.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { composeDocument, type DocBlock, type Report, type Template } from '../../core';
import { CHAR, FIRST_LINE_INDENT, FONT, LINE, SIZE, TITLE_LINE, TITLE_SPACE_AFTER } from '../../core/layout/gbt9704';
import { signatureIndents, titleLines } from '../../core/layout/layout';
import { documentText, mapStrings } from '../../core/report/sanitize';
import { paragraph, paragraphProperties, run, runProperties } from './ooxml';
import { BODY_SPACING, coreProperties, skeleton } from './skeleton';
import { gridTable } from './table';

export { DRAFT_MARK } from './skeleton';

export interface RenderOptions {
  /** Put 草稿 in the page header of every page. */
  draft?: boolean;
}

const _title = runProperties({ font: FONT.title, size: SIZE.hao2 });
const _level1 = runProperties({ font: FONT.level1, size: SIZE.hao3 });
const _level2 = runProperties({ font: FONT.level2, size: SIZE.hao3 });
const _lead = runProperties({ font: FONT.level3, size: SIZE.hao3, bold: true });
const _body = runProperties({ font: FONT.body, size: SIZE.hao3 });

const _titlePara = paragraphProperties({ spacing: { line: TITLE_LINE, before: 0, after: TITLE_SPACE_AFTER }, jc: 'center' });
const _bodyPara = (keepNext: boolean, pageBreakBefore = false) =>
  paragraphProperties({ keepNext, pageBreakBefore, spacing: BODY_SPACING, indent: { firstLine: FIRST_LINE_INDENT }, jc: 'both' });
const _heading = _bodyPara(true);
const _headingNewPage = _bodyPara(true, true);
const _text = _bodyPara(false);

function _block(block: DocBlock): string {
  switch (block.kind) {
    case 'title':
      return paragraph(_titlePara, titleLines(block.text).map((line, i) => run(_title, line, i > 0)).join(''));
    case 'heading':
      return paragraph(block.pageBreak ? _headingNewPage : _heading, run(block.level === 1 ? _level1 : _level2, block.text));
    case 'paragraph':
      return paragraph(_text, block.runs.map((r) => run(r.bold ? _lead : _body, r.text)).join(''));
    case 'grid':
      return gridTable(block.grid, block.values);
    case 'signature':
      return _signature(block.organ, block.date);
  }
}

/**
 * 7.3.5.2: 正文下空一行，署名右空二字；成文日期首字比署名首字右移二字，日期较长时署名右移、日期右空二字.
 * Right-aligned paragraphs whose right indents place the first characters that way.
 */
function _signature(organ: string, date: string): string {
  const right = signatureIndents(organ, date);
  const line = (text: string, right: number, before: number) =>
    paragraph(
      paragraphProperties({ keepNext: true, spacing: { ...BODY_SPACING, before }, indent: { right: Math.round(right * CHAR) }, jc: 'right' }),
      run(_body, text),
    );
  return line(organ, right.organ, LINE) + (date ? line(date, right.date, 0) : '');
}

/** A fixed time for zip entries (local time, as zip stores it). */
const _ZIP_TIME = new Date(2000, 0, 1, 0, 0, 0);
/** Deflate level 6: zlib's default, which Word, WPS and the usual zip writers use. */
const _LEVEL = 6;

/** Same input, same bytes: no clock is read, and the zip entries carry a fixed time. */
export async function renderDocx(template: Template, report: Report, options: RenderOptions = {}): Promise<Uint8Array> {
  const base = await skeleton(!!options.draft);
  // A character XML 1.0 forbids makes a file Word and LibreOffice refuse; none gets through.
  report = mapStrings(report, documentText);
  const blocks = composeDocument(template, report);
  const title = blocks.find((b) => b.kind === 'title');
  const documentXml = base.documentHead + blocks.map(_block).join('') + base.documentTail;
  const creator = report.organ.name || 'nianbao';
  const core = coreProperties(base.core, creator, title?.kind === 'title' ? title.text : '', report.dates.written);
  const files: Zippable = {};
  for (const [name, data] of base.parts) {
    const content = name === base.main ? strToU8(documentXml) : name === 'docProps/core.xml' ? strToU8(core) : data;
    files[name] = [content, { mtime: _ZIP_TIME, level: _LEVEL }];
  }
  return zipSync(files);
}
