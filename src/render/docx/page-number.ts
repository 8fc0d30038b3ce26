// The GB/T 9704 page number, "— N —" in 4号 at the outside corner: right on odd pages, left on
// even ones. Shared by the report and the reviewer's 审查意见.
import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { FONT, PAGE_NUMBER_DASH, PAGE_NUMBER_INDENT, SIZE } from '../../core/layout/gbt9704';

export function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const odd = side === 'odd';
  const font = { ascii: FONT.pageNumber, hAnsi: FONT.pageNumber, eastAsia: FONT.pageNumber };
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: PAGE_NUMBER_INDENT } : { left: PAGE_NUMBER_INDENT },
        children: [new TextRun({ children: [`${PAGE_NUMBER_DASH} `, PageNumber.CURRENT, ` ${PAGE_NUMBER_DASH}`], font, size: SIZE.hao4 })],
      }),
    ],
  });
}
