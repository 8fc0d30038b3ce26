// The body is joined from fragments the docx package made (src/render/docx/markup.ts): joined,
// they must be exactly what docx writes for the same objects, text escaped as docx escapes it,
// and two shapes that differ in one property must never share a fragment.
import { describe, expect, it } from 'vitest';
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type FileChild,
} from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { textEscape } from '../../src/render/docx/escape';
import { cutAt } from '../../src/render/docx/fragments';
import { withFragments } from '../../src/render/docx/markup';

/** What docx writes between <w:body> and the section properties for these children. */
async function docxBody(children: FileChild[]): Promise<string> {
  const files = unzipSync(await Packer.pack(new Document({ sections: [{ children }] }), 'uint8array'));
  const xml = strFromU8(files['word/document.xml']!);
  return xml.slice(xml.indexOf('<w:body>') + '<w:body>'.length, xml.indexOf('<w:sectPr'));
}

const ODD = `a<b & c>"d" 'e'\u0001\u0008\u000B\u001F\ttab ]]> &amp; 政府信息公开`;
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name });

describe('body fragments made by docx', () => {
  it('paragraphs joined from fragments are what docx writes for the same paragraphs', async () => {
    const escape = await textEscape();
    const ours = await withFragments(escape, (m) =>
      [
        m.paragraph(
          { spacing: { line: 700, before: 0, after: 579 }, jc: 'center' },
          m.run({ font: '方正小标宋简体', size: 44 }, '第一行') + m.run({ font: '方正小标宋简体', size: 44 }, ODD, true),
        ),
        m.paragraph(
          { keepNext: false, spacing: { line: 579, before: 0, after: 0 }, indent: { firstLine: 640 }, jc: 'both' },
          m.run({ font: '楷体_GB2312', size: 32, bold: true }, '（一）') + m.run({ font: '仿宋_GB2312', size: 32 }, ODD),
        ),
        m.paragraph({ keepNext: true, pageBreakBefore: true, indent: { right: 1280 }, jc: 'right' }, m.run({ font: '仿宋_GB2312', size: 32 }, '')),
        m.paragraph({ keepNext: true, jc: 'left' }, ''),
      ].join(''),
    );
    const theirs = await docxBody([
      new Paragraph({ widowControl: true,
        spacing: { line: 700, before: 0, after: 579, lineRule: LineRuleType.EXACT },
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: '第一行', font: font('方正小标宋简体'), size: 44 }),
          new TextRun({ text: ODD, break: 1, font: font('方正小标宋简体'), size: 44 }),
        ],
      }),
      new Paragraph({ widowControl: true,
        keepNext: false,
        spacing: { line: 579, before: 0, after: 0, lineRule: LineRuleType.EXACT },
        indent: { firstLine: 640 },
        alignment: AlignmentType.JUSTIFIED,
        children: [new TextRun({ text: '（一）', font: font('楷体_GB2312'), size: 32, bold: true }), new TextRun({ text: ODD, font: font('仿宋_GB2312'), size: 32 })],
      }),
      new Paragraph({ widowControl: true,
        keepNext: true,
        pageBreakBefore: true,
        indent: { right: 1280 },
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: '', font: font('仿宋_GB2312'), size: 32 })],
      }),
      new Paragraph({ widowControl: true, keepNext: true, alignment: AlignmentType.LEFT }),
    ]);
    expect(ours).toBe(theirs);
  });

  it('a table joined from fragments is what docx writes: spans, merges, header rows, scaled numbers', async () => {
    const escape = await textEscape();
    const cellPara = { keepNext: true, spacing: { line: 284, before: 0, after: 0 }, jc: 'center' as const };
    const ours = await withFragments(escape, (m) => {
      const num = (scale: number) => m.paragraph(cellPara, m.run({ font: '仿宋_GB2312', size: 14, scale }, '987654321'));
      const header = m.row(
        true,
        m.cell({ width: 3000, colSpan: 2, merge: 'restart' }, m.paragraph({ ...cellPara, indent: { left: 210 } }, m.run({ font: '仿宋_GB2312', size: 21 }, ODD))) +
          m.cell({ width: 1000, colSpan: 1 }, num(75)),
      );
      const body = m.row(
        false,
        m.cell({ width: 3000, colSpan: 2, merge: 'continue' }, m.paragraph({ keepNext: false, jc: 'center' }, '')) + m.cell({ width: 1000, colSpan: 1 }, num(100)),
      );
      return m.table({ width: 4000, columns: [1500, 1500, 1000], marginX: 57, marginY: 0 }, header + body);
    });
    const line = { style: BorderStyle.SINGLE, size: 4, color: 'auto' };
    const para = (text: string, scale?: number, left?: number) =>
      new Paragraph({ widowControl: true,
        keepNext: true,
        spacing: { line: 284, before: 0, after: 0, lineRule: LineRuleType.EXACT },
        ...(left ? { indent: { left } } : {}),
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text, font: font('仿宋_GB2312'), size: scale ? 14 : 21, ...(scale && scale !== 100 ? { scale } : {}) })],
      });
    const cell = (width: number, children: Paragraph[], more: object = {}) =>
      new TableCell({ width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.CENTER, children, ...more });
    const theirs = await docxBody([
      new Table({
        width: { size: 4000, type: WidthType.DXA },
        columnWidths: [1500, 1500, 1000],
        layout: TableLayoutType.FIXED,
        alignment: AlignmentType.CENTER,
        borders: { top: line, left: line, bottom: line, right: line, insideHorizontal: line, insideVertical: line },
        margins: { top: 0, bottom: 0, left: 57, right: 57, marginUnitType: WidthType.DXA },
        rows: [
          new TableRow({
            cantSplit: true,
            tableHeader: true,
            children: [cell(3000, [para(ODD, undefined, 210)], { columnSpan: 2, verticalMerge: VerticalMergeType.RESTART }), cell(1000, [para('987654321', 75)])],
          }),
          new TableRow({
            cantSplit: true,
            children: [
              cell(3000, [new Paragraph({ widowControl: true, keepNext: false, alignment: AlignmentType.CENTER })], { columnSpan: 2, verticalMerge: VerticalMergeType.CONTINUE }),
              cell(1000, [para('987654321', 100)]),
            ],
          }),
        ],
      }),
    ]);
    expect(ours).toBe(theirs);
  });

  it('escapes every ASCII character as docx does and leaves the rest alone', async () => {
    const escape = await textEscape();
    const text = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('') + '　“政务”〔2021〕';
    const body = await docxBody([new Paragraph({ children: [new TextRun(text)] })]);
    const written = body.slice(body.indexOf('<w:t xml:space="preserve">') + '<w:t xml:space="preserve">'.length, body.indexOf('</w:t>'));
    expect(escape(text)).toBe(written);
    expect(escape(`<&>"'\u0000`)).toBe('&lt;&amp;&gt;&quot;&apos;');
  });

  it('refuses a marker that is missing or outside the element it should cut', () => {
    const xml = '<w:p><w:r><w:t>MARK</w:t></w:r></w:p>';
    expect(cutAt(xml, 'MARK', 'w:p', 'w:r')).toEqual(['<w:p>', '</w:p>']);
    expect(() => cutAt(xml, 'NONE', 'w:p', 'w:r')).toThrow(/NONE is not inside one <w:p>/);
    expect(() => cutAt(xml, 'MARK', 'w:tc', 'w:p')).toThrow(/MARK is not inside one <w:tc>/);
  });
});
