// The right door for every file: 打开文件 tells a report file from a published report by content,
// with the importer's own sniffer, over real files (a .docx the renderer writes, the corpus PDF,
// HTML and text, a report file) and a renamed one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniff } from '../../src/import/sniff';
import { renderDocx } from '../../src/render/docx/render-docx';
import { looksLikeReportFile, whichDoor } from '../../src/ui/drafts/file-door';
import { reportFileText } from '../../src/drafts/files';
import { busy, template } from '../core/fixtures';

const corpus = (f: string) => new Uint8Array(readFileSync(new URL(`../fixtures/corpus/${f}`, import.meta.url)));

describe('打开文件: which door', () => {
  it('a report file opens as a report, with or without a byte-order mark', () => {
    const text = reportFileText(busy());
    const bytes = new TextEncoder().encode(text);
    expect(whichDoor(bytes, 'a.json', sniff)).toEqual({ kind: 'report' });
    expect(looksLikeReportFile(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toBe(true);
    expect(looksLikeReportFile(new TextEncoder().encode('本报告根据…'))).toBe(false);
  });
  it('a Word file, even named .json, is offered to the importer as a Word file', async () => {
    const docx = await renderDocx(template, busy(), { draft: false });
    const door = whichDoor(docx, '报告.json', sniff);
    expect(door).toMatchObject({ kind: 'published', form: 'docx' });
    expect(door.kind === 'published' && door.question).toBe('“报告.json”不是本程序保存的报告文件。这是 Word 文件，要导入为报告吗？');
  });
  it('PDF, a saved page and a text file each name their form', () => {
    expect(whichDoor(corpus('26_huaian-city-gov-2024.pdf'), 'x.pdf', sniff)).toMatchObject({ kind: 'published', form: 'pdf' });
    expect(whichDoor(corpus('24_pingtan-county-gov-2013.html'), 'x.html', sniff)).toMatchObject({ kind: 'published', form: 'html' });
    const text = whichDoor(corpus('01_pingtan-junshan-area-2023.txt'), 'x.txt', sniff);
    expect(text).toMatchObject({ kind: 'published', form: 'text' });
    expect(text.kind === 'published' && text.question).not.toMatch(/字节|编码|byte|offset/i);
  });
  it('a form no reader takes gets the importer’s advice, naming the file', () => {
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const door = whichDoor(doc, '旧报告.doc', sniff);
    expect(door.kind).toBe('refused');
    expect(door.kind === 'refused' && door.message).toMatch(/^无法打开“旧报告\.doc”：这是旧版 Word（\.doc）/);
  });
});
