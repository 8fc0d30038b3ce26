// The .docx declares each face it names with the fallback Word and WPS use on a PC without it, and
// LibreOffice (with the test's font mapping) still reads the document and uses the mapped faces.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FONT } from '../../src/core/layout/gbt9704';
import { renderDocx } from '../../src/render/docx/render-docx';
import { convert, pdfFonts } from '../helpers/libreoffice';
import { busy, template } from '../core/fixtures';

const fontTable = (docx: Uint8Array) => strFromU8(unzipSync(docx)['word/fontTable.xml']!);
const entry = (xml: string, name: string) => new RegExp(`<w:font w:name="${name}">(.*?)</w:font>`).exec(xml)?.[1] ?? '';

describe('font table', () => {
  it('every face the document names has its Windows fallback, GB2312 charset and a serif-class PANOSE', async () => {
    const docx = await renderDocx(template, busy());
    const xml = fontTable(docx);
    const document = strFromU8(unzipSync(docx)['word/document.xml']!);
    const used = new Set([...document.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]!));
    expect([...used].sort()).toEqual([...new Set(Object.values(FONT))].filter((f) => used.has(f)).sort());
    for (const face of used) expect(entry(xml, face), face).toContain('<w:charset w:val="86"/>');
    expect(entry(xml, FONT.title)).toContain('<w:altName w:val="宋体"/>');
    expect(entry(xml, FONT.body)).toContain('<w:altName w:val="仿宋"/>');
    expect(entry(xml, FONT.level2)).toContain('<w:altName w:val="楷体"/>');
    // PANOSE family kind 2 (Latin text), serif style 1 (cove) — not a sans (11–13).
    for (const face of [FONT.title, FONT.body, FONT.level2]) expect(entry(xml, face)).toMatch(/<w:panose1 w:val="0201/);
  });
  it('LibreOffice reads the document with the table and uses the mapped serif and kai faces', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-fonts-'));
    const file = join(dir, 'busy.docx');
    return renderDocx(template, busy()).then((docx) => {
      writeFileSync(file, docx);
      const fonts = pdfFonts(convert([file], 'pdf').files[0]!);
      expect(fonts.some((f) => /UKai/i.test(f))).toBe(true);
      expect(fonts.some((f) => /SerifCJK/i.test(f))).toBe(true);
    });
  }, 180_000);
});
