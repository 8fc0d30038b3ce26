// The parts of the .docx that do not depend on the report (styles, settings, numbering, font
// table, theme, page-number footers, the draft header, the section properties) are made once per
// kind of export by the docx package and kept; each render only writes the body and the
// document properties into them.
import { AlignmentType, Document, Header, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { FONT, LINE, MARGIN, PAGE, SIZE } from '../../core/layout/gbt9704';
import { withFontEntries } from './font-table';
import { pageNumberFooter } from './page-number';
import type { Escape } from './escape';

/** The word in the header of a draft export. */
export const DRAFT_MARK = '草稿';

/** Exact body spacing: the 22-line pitch of GB/T 9704, nothing before or after. */
export const BODY_SPACING = { line: LINE, before: 0, after: 0 } as const;

const _BODY = 'NIANBAO-BODY';
const _CREATOR = 'NIANBAO-CREATOR';
const _TITLE = 'NIANBAO-TITLE';

export interface Skeleton {
  /** Package parts in zip order; the main part and docProps/core.xml are filled per report. */
  parts: [name: string, data: Uint8Array][];
  /** Name of the main part, the one holding <w:body>. */
  main: string;
  /** The main part up to the body's content, and from the section properties on. */
  documentHead: string;
  documentTail: string;
  core: string;
}

function _draftHeader(): Header {
  const font = { ascii: FONT.level1, hAnsi: FONT.level1, eastAsia: FONT.level1 };
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: DRAFT_MARK, font, size: SIZE.hao3 })] })] });
}

function _document(draft: boolean): Document {
  const font = { ascii: FONT.body, hAnsi: FONT.body, eastAsia: FONT.body };
  return new Document({
    creator: _CREATOR,
    lastModifiedBy: _CREATOR,
    title: _TITLE,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font, size: SIZE.hao3, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { ...BODY_SPACING, lineRule: LineRuleType.EXACT } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...MARGIN } },
          // The pitch Word's page setup shows (22 lines); no grid type, so nothing snaps to it.
          grid: { linePitch: LINE },
        },
        headers: draft ? { default: _draftHeader(), even: _draftHeader() } : undefined,
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [new Paragraph({ children: [new TextRun(_BODY)] })],
      },
    ],
  });
}

async function _build(draft: boolean): Promise<Skeleton> {
  const files = unzipSync(await Packer.pack(_document(draft), 'uint8array'));
  const main = Object.keys(files).find((name) => name.startsWith('word/') && strFromU8(files[name]!).includes('<w:body>'));
  if (!main) throw new Error('docx skeleton: no main part');
  const documentXml = strFromU8(files[main]!);
  const bodyStart = documentXml.indexOf('<w:body>') + '<w:body>'.length;
  const sectPr = documentXml.indexOf('<w:sectPr', bodyStart);
  if (bodyStart < '<w:body>'.length || sectPr < 0 || !documentXml.slice(bodyStart, sectPr).includes(_BODY)) throw new Error('docx skeleton: no body marker');
  const parts = Object.entries(files).map(([name, data]): [string, Uint8Array] =>
    name === 'word/fontTable.xml' ? [name, strToU8(withFontEntries(strFromU8(data)))] : [name, data],
  );
  return { parts, main, documentHead: documentXml.slice(0, bodyStart), documentTail: documentXml.slice(sectPr), core: strFromU8(files['docProps/core.xml']!) };
}

const _cache = new Map<boolean, Promise<Skeleton>>();

/** The skeleton of a final (draft = false) or draft export, built on first use. */
export function skeleton(draft: boolean): Promise<Skeleton> {
  let s = _cache.get(draft);
  if (!s) {
    s = _build(draft);
    // A failed build is not kept: the next export tries again.
    s.catch(() => _cache.delete(draft));
    _cache.set(draft, s);
  }
  return s;
}

/**
 * docProps/core.xml of a report. Same input, same bytes: docx stamps "now" into it; the stamps
 * (docx's elements, only their text changed) become the 成文日期, or are left out.
 */
export function coreProperties(core: string, escape: Escape, creator: string, title: string, written: string | null): string {
  return core
    .split(_CREATOR)
    .join(escape(creator))
    .split(_TITLE)
    .join(escape(title))
    .replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, (_m, open: string, _tag: string, close: string) =>
      written ? `${open}${escape(written)}T00:00:00Z${close}` : '',
    );
}
