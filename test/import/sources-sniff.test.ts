// Sniffing by content: every real report of the corpus is told by its bytes, whatever its name;
// forms no reader takes (old Word/WPS, RTF, images, other zips) get a message saying what to do.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/render/docx/render-docx';
import { readAnySource, readPaste, sniff } from '../../src/import/sniff';
import { ImportError } from '../../src/import/source';
import { busy, template } from '../core/fixtures';

const dir = new URL('../fixtures/corpus/', import.meta.url);
const corpus = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));
const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
const gb18030 = new Uint8Array(readFileSync(new URL('./fixtures/002.gb18030.txt', import.meta.url)));

describe('sniff: the form by content', () => {
  it('tells every file of the corpus by its bytes', () => {
    const forms = Object.fromEntries(readdirSync(dir).filter((f) => /^\d\d_/.test(f)).map((f) => [f, sniff(corpus(f))]));
    expect(forms['26_huaian-city-gov-2024.pdf']).toBe('pdf');
    expect(forms['24_pingtan-county-gov-2013.html']).toBe('html');
    const texts = Object.entries(forms).filter(([f]) => f.endsWith('.txt'));
    expect(texts.length).toBeGreaterThanOrEqual(24);
    expect(texts.filter(([, form]) => form !== 'text')).toEqual([]);
  });

  it('a .docx is a docx whatever its name, a GB18030 text file is text', async () => {
    const docx = await renderDocx(template, busy());
    expect(sniff(docx)).toBe('docx');
    const read = await readAnySource(docx, '报告.pdf');
    expect(read.form).toBe('docx');
    expect(read.file).toBe('报告.pdf');
    expect(read.doc.kind).toBe('docx');
    expect(sniff(gb18030)).toBe('text');
    expect((await readAnySource(gb18030)).doc.blocks.length).toBeGreaterThan(10);
  });

  it('a PDF header after some junk is still a PDF; markup starting after a comment or BOM is HTML', () => {
    expect(sniff(bytes('\r\n\r\n%PDF-1.4\n'))).toBe('pdf');
    expect(sniff(bytes([0xef, 0xbb, 0xbf], '<!-- saved from url -->\n<!DOCTYPE html><html><body><p>报告</p></body></html>'))).toBe('html');
    expect(sniff(bytes('一、总体情况\n规章 < 5 件\n'))).toBe('text');
    expect(sniff(bytes('| 规章 | 1 | 0 | 11 |\n'))).toBe('text');
  });

  it('refuses old Word/WPS, RTF, images and other zips with what to do instead', () => {
    const refusal = (b: Uint8Array) => {
      try {
        sniff(b);
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
        return (e as Error).message;
      }
      throw new Error('not refused');
    };
    expect(refusal(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatch(/旧版 Word（\.doc）或 WPS.*另存为” \.docx 或 PDF/);
    expect(refusal(bytes('{\\rtf1\\ansi 报告}'))).toMatch(/RTF.*另存为/);
    expect(refusal(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toMatch(/图片/);
    const END = 'PK\x05\x06'; // the end of a zip's directory: the zip is whole
    expect(refusal(bytes('PK\x03\x04', 'mimetype', 'application/vnd.oasis.opendocument.text', 'content.xml', END))).toMatch(/OpenDocument/);
    expect(refusal(bytes('PK\x03\x04', 'xl/workbook.xml', END))).toMatch(/Excel/);
    expect(refusal(bytes('PK\x03\x04', 'photos/1.jpg', END))).toMatch(/压缩包/);
    // A damaged zip is taken as a .docx, whose reader says it is not a valid one.
    expect(sniff(bytes('PK\x03\x04', [1, 2, 3, 4]))).toBe('docx');
  });

  it('text a PDF tool extracted: the page numbers at the page breaks (form feeds) are left out, the lines kept', async () => {
    const { doc } = await readAnySource(bytes('标题\n正文第一页\n\n— 1 —\n\f第 2 页 共 2 页\n正文第二页 12 件\n落款\n- 2 -\n\f'));
    expect(doc.blocks).toEqual(['标题', '正文第一页', '正文第二页 12 件', '落款'].map((text) => ({ kind: 'paragraph', text })));
  });

  it('a bare number ending a page is a page number only when it counts the pages: a table cell there is kept', async () => {
    // Bare page numbers 3 and 4 on pages 3 and 4 go; the 6 and the 10 that end pages 1 and 2 are cells.
    const { doc } = await readAnySource(bytes('一\n54\n6\n\f二\n10\n\f三\n3\n\f四\n4\n\f'));
    expect(doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual(['一', '54', '6', '二', '10', '三', '四']);
  });

  it('text copied out of a PDF: radical look-alikes (⾏, ⼀, ⻔, ⼾) become the characters they show', async () => {
    const { doc } = await readPaste({ text: '⼆、主动公开政府信息情况\n⾏政规范性⽂件\t8\t1\t40\n通过⻔⼾⽹站公开，⻩⾦周' });
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: '二、主动公开政府信息情况' },
      { kind: 'table', rows: [['行政规范性文件', '8', '1', '40'].map((text, col) => ({ text, col, span: 1 }))] },
      { kind: 'paragraph', text: '通过门户网站公开，黄金周' },
    ]);
  });

  it('reads each real form into blocks: PDF and HTML with exact columns, text without', async () => {
    const pdf = await readAnySource(corpus('26_huaian-city-gov-2024.pdf'));
    expect([pdf.form, pdf.doc.kind, pdf.doc.exactColumns]).toEqual(['pdf', 'pdf', true]);
    const html = await readAnySource(corpus('24_pingtan-county-gov-2013.html'));
    expect([html.form, html.doc.kind, html.doc.exactColumns]).toEqual(['html', 'html', true]);
    const text = await readAnySource(corpus('01_pingtan-junshan-area-2023.txt'));
    expect([text.form, text.doc.kind, text.doc.exactColumns]).toEqual(['text', 'text', false]);
  });
});
