// What a file is, by its content and never by its name: a clerk's "报告.pdf" may be a Word file
// renamed, a saved page may end in .txt. Bytes → one of the forms the readers take, or a clear
// Chinese refusal for forms no reader takes (old binary Word/WPS, images, other zips).
import { decodeText } from './decode-text';
import { readDocx } from './read-docx';
import { readHtml } from './read-html';
import { readPdf, type PdfOptions } from './read-pdf';
import { joinPages } from './pdf-text';
import { fixRadicals } from './radicals';
import { readText } from './read-text';
import { ImportError, type SourceDoc } from './source';

export type SourceForm = 'docx' | 'pdf' | 'html' | 'text';

const _starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const _ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/** Index of an ASCII string in the bytes (zip entry names are stored uncompressed), or -1. */
function _indexOf(b: Uint8Array, s: string, limit = b.length): number {
  const needle = _ascii(s);
  const end = Math.min(b.length, limit) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let k = 0; k < needle.length; k++) if (b[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Text as a reader gets it: text a PDF tool extracted separates pages with form feeds (page
 * numbers out, pages as lines), and text copied out of a PDF may carry radical look-alikes.
 */
const _pages = (text: string) => fixRadicals(joinPages(text));

const SAVE_AS = '请在 Word 或 WPS 中打开它，“另存为” .docx 或 PDF 后再导入';

/** Binary forms that no reader takes, each with what to do instead. */
function _refuse(b: Uint8Array): string | null {
  if (_starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return `这是旧版 Word（.doc）或 WPS（.wps/.et）格式的文件，无法直接读取；${SAVE_AS}`;
  if (_starts(b, _ascii('{\\rtf'))) return `这是 RTF 格式的文件，无法直接读取；${SAVE_AS}`;
  if (_starts(b, [0x89, 0x50, 0x4e, 0x47]) || _starts(b, [0xff, 0xd8, 0xff]) || _starts(b, _ascii('GIF8')) || _starts(b, [0x49, 0x49, 0x2a, 0x00]) || _starts(b, [0x4d, 0x4d, 0x00, 0x2a]) || _starts(b, _ascii('BM'))) {
    return '这是一张图片，其中的文字无法读取；请改用 Word 版、可复制文字的 PDF，或网页上的文字';
  }
  // A zip with an intact directory but no Word body; a damaged one is left to the .docx reader to name.
  if (_starts(b, _ascii('PK\x03\x04')) && _indexOf(b, 'word/document.xml') < 0 && _indexOf(b, 'PK\x05\x06') >= 0) {
    if (_indexOf(b, 'content.xml') >= 0) return `这是 OpenDocument（.odt）或 WPS 的其他格式，无法直接读取；${SAVE_AS}`;
    if (_indexOf(b, 'xl/workbook') >= 0) return '这是 Excel 表格（.xlsx），不是报告；请导入报告的 Word 版或 PDF';
    return '这是一个压缩包，不是 Word 文档（.docx）；请先解压，再导入其中的报告';
  }
  return null;
}

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|table|div|p|span|h[1-6]|font|style|section|article)\b/i;

/** True when text is HTML markup rather than text that happens to hold a "<". */
export const looksLikeHtml = (text: string): boolean => HTML_START.test(text.slice(0, 4096)) || (/<table\b/i.test(text) && /<\/td>/i.test(text));

/** The form of a file by its bytes. Throws ImportError for forms that cannot be read. */
export function sniff(bytes: Uint8Array): SourceForm {
  const refusal = _refuse(bytes);
  if (refusal) throw new ImportError(refusal);
  if (_starts(bytes, _ascii('PK\x03\x04'))) return 'docx';
  // The PDF header may follow a little junk (PDF 1.7, 7.5.2: within the first 1024 bytes).
  if (_indexOf(bytes, '%PDF-', 1024) >= 0) return 'pdf';
  // Markup is ASCII in any encoding, so a lenient look at the start is enough to tell.
  return looksLikeHtml(new TextDecoder('utf-8').decode(bytes.subarray(0, 65536))) ? 'html' : 'text';
}

export interface ReadOptions {
  /** PDF options, or a function giving them: called only when the source is a PDF (the app loads its PDF assets then). */
  pdf?: PdfOptions | (() => Promise<PdfOptions>);
}

export interface ReadSource {
  doc: SourceDoc;
  form: SourceForm;
  /** The file name, when the source was a file (absent for a paste). */
  file?: string;
}

/** Any file a clerk or reviewer may have (docx, PDF, saved page, text) → the SourceDoc the importer reads. */
export async function readAnySource(bytes: Uint8Array, name?: string, options: ReadOptions = {}): Promise<ReadSource> {
  const form = sniff(bytes);
  const file = name ? { file: name } : {};
  switch (form) {
    case 'docx':
      return { doc: readDocx(bytes), form, ...file };
    case 'pdf':
      return { doc: await readPdf(bytes, typeof options.pdf === 'function' ? await options.pdf() : options.pdf), form, ...file };
    case 'html':
      return { doc: await readHtml(decodeText(bytes)), form, ...file };
    case 'text':
      return { doc: readText(_pages(decodeText(bytes))), form, ...file };
  }
}

/** What a paste carries: the HTML when there is any (a browser copy keeps its tables), else the text. */
export async function readPaste(paste: { html?: string; text?: string }): Promise<ReadSource> {
  const html = paste.html?.trim() ? paste.html : looksLikeHtml(paste.text ?? '') ? paste.text! : null;
  if (html) return { doc: await readHtml(html), form: 'html' };
  return { doc: readText(_pages(paste.text ?? '')), form: 'text' };
}
