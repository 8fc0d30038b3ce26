// PDF sources: the real published PDF of the corpus (a WPS export with ruled tables, merged
// cells cut by page breaks, page numbers), PDFs made without ruling lines, a PDF with no text
// layer (a scan), and a damaged file. The round trip of nianbao's own .docx through LibreOffice's
// PDF export is in roundtrip.test.ts.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src/import/read-pdf';
import { ImportError, type SourceBlock, type SourceCell } from '../../src/import/source';
import { ruledPdf, scannedPdf, unembeddedChinesePdf, unruledPdf } from './sources-make-pdf';

const corpus = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url)));

const tables = (blocks: SourceBlock[]) => blocks.filter((b): b is Extract<SourceBlock, { kind: 'table' }> => b.kind === 'table');
const paragraphs = (blocks: SourceBlock[]) => blocks.filter((b): b is Extract<SourceBlock, { kind: 'paragraph' }> => b.kind === 'paragraph').map((b) => b.text);
/** The row of a table whose label cells contain `label`, as printed values after the label cells. */
const rowOf = (rows: SourceCell[][], label: string) => rows.find((r) => r.some((c) => c.text.includes(label)));
const numbers = (row: SourceCell[] | undefined) => (row ?? []).filter((c) => !c.covered && /^[\d.]+$/.test(c.text)).map((c) => c.text);

describe('PDF: the real 淮安市人民政府 2024 report (WPS export, 6 pages)', async () => {
  const doc = await readPdf(corpus('26_huaian-city-gov-2024.pdf'));
  const grids = tables(doc.blocks);

  it('is read as ruled tables with exact columns, and the title, headings and signature-free body as paragraphs', () => {
    expect(doc.kind).toBe('pdf');
    expect(doc.exactColumns).toBe(true);
    const text = paragraphs(doc.blocks);
    expect(text.slice(0, 2)).toEqual(['淮安市人民政府', '2024 年政府信息公开工作年度报告']);
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      expect(text).toContain(h);
    }
  });

  it('leaves the page numbers ("- 3 -") out and joins the sentence cut by a page break', () => {
    const text = paragraphs(doc.blocks);
    expect(text.filter((t) => /^[-—]\s*\d+\s*[-—]$/.test(t))).toEqual([]);
    expect(text.some((t) => t.includes('还有一些需要加强和改进的地方。主要表现在'))).toBe(true);
    expect(text.some((t) => t.includes('“建设‘四最’一流营商环境'))).toBe(true);
  });

  it('rebuilds the application grid cell by cell, header spans as printed', () => {
    const apps = grids.find((t) => rowOf(t.rows, '本年新收政府信息公开申请数量'))!.rows;
    expect(apps[0]!.map((c) => [c.text, c.col, c.span])).toEqual([
      ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 0, 3],
      ['申请人情况', 3, 7],
    ]);
    expect(apps[1]!.filter((c) => !c.covered).map((c) => [c.text, c.col, c.span])).toEqual([
      ['自然人', 3, 1],
      ['法人或其他组织', 4, 5],
      ['总计', 9, 1],
    ]);
    expect(numbers(rowOf(apps, '一、本年新收'))).toEqual(['3001', '53', '0', '0', '61', '4', '3119']);
    expect(numbers(rowOf(apps, '二、上年结转'))).toEqual(['34', '0', '0', '0', '0', '0', '34']);
    expect(numbers(rowOf(apps, '（一）予以公开'))).toEqual(['1288', '21', '0', '0', '50', '3', '1362']);
    expect(numbers(rowOf(apps, '8.属于行政查询事项'))).toEqual(['105', '0', '0', '0', '0', '0', '105']);
    expect(numbers(rowOf(apps, '（七）总计'))).toEqual(['2932', '53', '0', '0', '61', '4', '3050']);
    expect(numbers(rowOf(apps, '四、结转下年度继续办理'))).toEqual(['103', '0', '0', '0', '0', '0', '103']);
    // 28 rows from the header to 结转下年度 (header 3, 新收 and 结转 2, 办理结果 22, 结转下年度 1): one table although it runs over a page break.
    expect(apps).toHaveLength(3 + 2 + 22 + 1);
  });

  it('carries a merged label cut by the page break back into its cell ("（四）无" + "法提供")', () => {
    const apps = grids.find((t) => rowOf(t.rows, '本年新收政府信息公开申请数量'))!.rows;
    const unable = rowOf(apps, '1.本机关不掌握相关政府信息')!;
    expect(unable.find((c) => c.col === 1)!.text).toBe('（四）无法提供');
    const next = rowOf(apps, '2.没有现成信息需要另行制作')!;
    expect(next.filter((c) => c.col < 2).every((c) => c.covered && c.text === '')).toBe(true);
  });

  it('reads the article-20 and appeals grids', () => {
    const all = grids.flatMap((t) => t.rows);
    expect(numbers(rowOf(all, '行政规范性文件'))).toEqual(['8', '26', '66']);
    expect(numbers(rowOf(all, '行政许可'))).toEqual(['447228']);
    expect(numbers(rowOf(all, '行政事业性收费'))).toEqual(['96171.6']);
    const appeals = grids.find((t) => rowOf(t.rows, '行政复议'))!.rows;
    expect(numbers(appeals[appeals.length - 1])).toEqual(['72', '64', '178', '37', '351', '13', '4', '8', '1', '26', '12', '1', '1', '6', '20']);
  });
});

describe('PDF: other forms', () => {
  it('a ruled table: spans from the lines not drawn, covered cells below a row span; the same with open left and right sides', async () => {
    const cells: [number, number, number, number, string][] = [
      [0, 0, 2, 1, 'Item'], [0, 1, 1, 3, 'Applicants'],
      [1, 1, 1, 1, 'Person'], [1, 2, 1, 1, 'Firm'], [1, 3, 1, 1, 'Total'],
      [2, 0, 1, 1, 'New'], [2, 1, 1, 1, '12'], [2, 2, 1, 1, '0'], [2, 3, 1, 1, '12'],
      [3, 0, 1, 1, 'Carried'], [3, 1, 1, 1, '3'], [3, 2, 1, 1, '1'], [3, 3, 1, 1, '4'],
    ];
    const want = [
      ['0:Item', '1+3:Applicants'],
      ['^0:', '1:Person', '2:Firm', '3:Total'],
      ['0:New', '1:12', '2:0', '3:12'],
      ['0:Carried', '1:3', '2:1', '3:4'],
    ];
    const show = (t: Extract<SourceBlock, { kind: 'table' }> | undefined) => t?.rows.map((r) => r.map((c) => `${c.covered ? '^' : ''}${c.col}${c.span > 1 ? `+${c.span}` : ''}:${c.text}`));
    for (const open of [false, true]) {
      const doc = await readPdf(ruledPdf(4, cells, open));
      expect(doc.exactColumns).toBe(true);
      expect(show(tables(doc.blocks)[0]), open ? 'open sides' : 'closed').toEqual(want);
      expect(paragraphs(doc.blocks)).toEqual([]);
    }
  });

  it('a table printed without lines is read by the gaps between its columns (approximate columns)', async () => {
    const doc = await readPdf(
      unruledPdf([
        ['Item', 'Issued', 'Repealed', 'InForce'],
        ['Rules', '1', '0', '11'],
        ['Documents', '8', '26', '66'],
      ]),
    );
    expect(doc.exactColumns).toBe(false);
    const [t] = tables(doc.blocks);
    expect(t!.rows.map((r) => r.map((c) => `${c.col}:${c.text}`))).toEqual([
      ['0:Item', '1:Issued', '2:Repealed', '3:InForce'],
      ['0:Rules', '1:1', '2:0', '3:11'],
      ['0:Documents', '1:8', '2:26', '3:66'],
    ]);
  });

  it('without lines, a label wrapped above and below its row\'s numbers joins that row; a part as near to two rows stays apart', async () => {
    const rows = [['Item', 'Issued', 'Repealed', 'InForce'], ['Rules', '1', '0', '11'], ['Partly'], ['', '7', '0', '40'], ['disclosed'], ['Documents', '8', '26', '66']];
    const show = async (ys?: number[]) => tables((await readPdf(unruledPdf(rows, ys))).blocks)[0]!.rows.map((r) => r.map((c) => `${c.col}:${c.text}`));
    // As set in a table: the label's lines 6 pt above and below the numbers, rows 22 pt apart.
    expect(await show([760, 738, 722, 716, 710, 688])).toEqual([
      ['0:Item', '1:Issued', '2:Repealed', '3:InForce'],
      ['0:Rules', '1:1', '2:0', '3:11'],
      ['0:Partlydisclosed', '1:7', '2:0', '3:40'],
      ['0:Documents', '1:8', '2:26', '3:66'],
    ]);
    // Every line 16 pt apart: which row a part belongs to cannot be told, so it is not guessed.
    expect(await show()).toEqual([
      ['0:Item', '1:Issued', '2:Repealed', '3:InForce'],
      ['0:Rules', '1:1', '2:0', '3:11'],
      ['0:Partly'],
      ['1:7', '2:0', '3:40'],
      ['0:disclosed'],
      ['0:Documents', '1:8', '2:26', '3:66'],
    ]);
  });

  it('a PDF with no text layer (a scan) is refused with a message that says so', async () => {
    await expect(readPdf(scannedPdf())).rejects.toThrow(ImportError);
    await expect(readPdf(scannedPdf())).rejects.toThrow(/没有文字层（可能是扫描件或图片）/);
  });

  it('Chinese in a font that is not embedded is decoded with the CMaps it names; without them it is refused as undecodable, not as a scan', async () => {
    const lines = ['平潭县人民政府', '2013年政府信息公开工作年度报告', '一、概述'];
    const cmaps = new URL('../../node_modules/pdfjs-dist/cmaps/', import.meta.url);
    const asked: string[] = [];
    const loadCMap = async (file: string) => (asked.push(file), new Uint8Array(await readFile(new URL(file, cmaps))));
    const doc = await readPdf(unembeddedChinesePdf(lines), { loadCMap });
    expect(paragraphs(doc.blocks)).toEqual(lines);
    expect(asked).toContain('UniGB-UCS2-H.bcmap');
    await expect(readPdf(unembeddedChinesePdf(lines))).rejects.toThrow(/有文字，但它的字体编码无法解读（字体未嵌入）/);
  });

  it('a damaged PDF is refused in Chinese, not with a library stack trace', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref');
    await expect(readPdf(bytes)).rejects.toThrow(/无法读取这个 PDF|没有文字层/);
  });
});
