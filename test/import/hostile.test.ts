// Malformed and hostile inputs are refused with a clear Chinese message, within bounded time and
// memory (the suite's timeout bounds the time; the caps below bound what is ever inflated).
import { describe, expect, it } from 'vitest';
import { Deflate, deflateSync, strToU8, zipSync } from 'fflate';
import { ImportError, LIMITS, importDocx, importText, parseDocumentXml, readDocx, readText } from '../../src/import';
import { template } from '../core/fixtures';

/** A one-entry zip whose central directory declares `declared` as the inflated size. */
function zipWith(name: string, compressed: Uint8Array, declared: number, method = 8): Uint8Array {
  const n = strToU8(name);
  const local = new Uint8Array(30 + n.length);
  const dv = new DataView(local.buffer);
  dv.setUint32(0, 0x04034b50, true);
  dv.setUint16(8, method, true);
  dv.setUint32(18, compressed.length, true);
  dv.setUint32(22, declared, true);
  dv.setUint16(26, n.length, true);
  local.set(n, 30);
  const central = new Uint8Array(46 + n.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(10, method, true);
  cv.setUint32(20, compressed.length, true);
  cv.setUint32(24, declared, true);
  cv.setUint16(28, n.length, true);
  cv.setUint32(42, 0, true);
  central.set(n, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length + compressed.length, true);
  const out = new Uint8Array(local.length + compressed.length + central.length + end.length);
  out.set(local, 0);
  out.set(compressed, local.length);
  out.set(central, local.length + compressed.length);
  out.set(end, local.length + compressed.length + central.length);
  return out;
}

/** Deflated bytes of `mb` megabytes of one repeated character, produced in chunks. */
function bomb(mb: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  const chunk = new Uint8Array(1024 * 1024).fill(0x61);
  for (let i = 0; i < mb; i++) d.push(chunk, i === mb - 1);
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as Error).message;
  }
  throw new Error('not refused');
};

const xmlDoc = (body: string) => `<?xml version="1.0"?><w:document xmlns:w="x"><w:body>${body}</w:body></w:document>`;
const docxOf = (xml: string) => zipSync({ 'word/document.xml': strToU8(xml) });

describe('hostile .docx', () => {
  it('refuses bytes that are not a zip', () => {
    expect(refusal(() => readDocx(strToU8('这不是一个文件')))).toContain('不是有效的 .docx');
    expect(refusal(() => readDocx(new Uint8Array(0)))).toContain('不是有效的 .docx');
  });

  it('refuses random binary noise, with or without a zip signature', () => {
    const noise = new Uint8Array(64 * 1024).map((_, i) => (i * 2654435761) >>> 24);
    expect(refusal(() => readDocx(noise))).toContain('.docx');
    noise.set([0x50, 0x4b, 0x03, 0x04]);
    expect(refusal(() => readDocx(noise))).toContain('.docx');
  });

  it('refuses a zip without word/document.xml', () => {
    expect(refusal(() => readDocx(zipSync({ 'a.txt': strToU8('hello') })))).toContain('不是 Word 文档');
  });

  it('refuses a zip bomb that declares its size', () => {
    const data = bomb(LIMITS.xmlBytes / 1048576 + 10);
    expect(refusal(() => readDocx(zipWith('word/document.xml', data, LIMITS.xmlBytes + 10 * 1048576)))).toContain('声明大小');
  });

  it('stops inflating a zip bomb that lies about its size', () => {
    const data = bomb(LIMITS.xmlBytes / 1048576 + 10);
    expect(data.length).toBeLessThan(200_000); // ~40 MB of text in a few dozen kB
    expect(refusal(() => readDocx(zipWith('word/document.xml', data, 1000)))).toContain('压缩炸弹');
  });

  it('refuses a corrupt deflate stream and a truncated entry', () => {
    const good = deflateSync(strToU8(xmlDoc('<w:p><w:r><w:t>正文</w:t></w:r></w:p>')));
    const corrupt = good.slice();
    corrupt.fill(0xff, 2, 40);
    expect(refusal(() => readDocx(zipWith('word/document.xml', corrupt, 100)))).toMatch(/损坏|不是/);
    const zip = zipWith('word/document.xml', good, 100);
    const dv = new DataView(zip.buffer);
    dv.setUint32(zip.length - 22 - 46 - 17 + 20, 10_000_000, true); // compressed size in the directory
    expect(refusal(() => readDocx(zip))).toContain('截断');
  });

  it('refuses deeply nested XML', () => {
    const deep = '<w:x>'.repeat(LIMITS.xmlDepth + 50) + '</w:x>'.repeat(LIMITS.xmlDepth + 50);
    expect(refusal(() => readDocx(docxOf(xmlDoc(deep))))).toContain('嵌套');
  });

  it('refuses a huge table', () => {
    const row = `<w:tr>${'<w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc>'.repeat(5)}</w:tr>`;
    const xml = xmlDoc(`<w:tbl>${row.repeat(LIMITS.tableRows + 1)}</w:tbl>`);
    expect(refusal(() => readDocx(docxOf(xml)))).toContain('表格超过');
    const wide = xmlDoc(`<w:tbl><w:tr>${'<w:tc/>'.repeat(LIMITS.rowCells + 1)}</w:tr></w:tbl>`);
    expect(refusal(() => readDocx(docxOf(wide)))).toContain('一行超过');
  });

  it('survives unterminated tags and stray "<" in linear time', () => {
    const blocks = parseDocumentXml(xmlDoc('<w:p><w:r><w:t>甲</w:t></w:r></w:p>') + '<a'.repeat(200_000));
    expect(blocks).toEqual([{ kind: 'paragraph', text: '甲' }]);
  });

  it('decodes entities and ignores deleted text', () => {
    const blocks = parseDocumentXml(xmlDoc('<w:p><w:r><w:t>A&amp;B&#x4E00;&lt;</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del></w:p>'));
    expect(blocks).toEqual([{ kind: 'paragraph', text: 'A&B一<' }]);
  });

  it('a .docx that is a valid Word file but no report is imported with recognised = false', () => {
    const result = importDocx(docxOf(xmlDoc('<w:p><w:r><w:t>会议通知</w:t></w:r></w:p>')), template, { fallbackYear: 2024 });
    expect(result.recognised).toBe(false);
    expect(result.report.year).toBe(2024);
  });
});

describe('hostile text', () => {
  it('refuses binary noise pasted or read as text', () => {
    const noise = String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 7919) % 32));
    expect(refusal(() => readText(noise))).toContain('不可显示的字符');
  });

  it('refuses text beyond the size caps', () => {
    expect(refusal(() => readText('字'.repeat(LIMITS.textChars + 1)))).toContain('超过上限');
    expect(refusal(() => readText('0\t'.repeat(LIMITS.rowCells + 1)))).toContain('超过上限');
    expect(refusal(() => readText('规章\t0\t0\t0\n'.repeat(LIMITS.tableRows + 1)))).toContain('表格超过');
  });

  it('a long line of near-miss labels is matched in bounded time, not refused', () => {
    const text = `示例镇2023年政府信息公开工作年度报告\n${'行政许可'.repeat(5000)}\t1\n`;
    const result = importText(text, template);
    expect(result.report.values['article-20:licensing:decisions']).toBeNull();
    expect(result.notes.some((n) => n.message.includes('未识别的行'))).toBe(true);
  });
});
