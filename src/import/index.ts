// Import a published report: .docx, PDF, web page or pasted text → { report, notes }. Headless;
// the PDF and HTML parsers (pdfjs-dist, parse5) load only when such a source is read.
import type { Template } from '../core';
import { importSource, type ImportOptions, type ImportResult } from './import-report';
import { readDocx } from './read-docx';
import { readText } from './read-text';

export * from './source';
export * from './import-report';
export { importAny, type AnyImportResult } from './import-any';
export { readDocx, readZipEntry, parseDocumentXml } from './read-docx';
export { readText } from './read-text';
export { readPdf, type PdfOptions } from './read-pdf';
export { readHtml } from './read-html';
export { sniff, readAnySource, readPaste, looksLikeHtml, type SourceForm, type ReadSource, type ReadOptions } from './sniff';
export { decodeText } from './decode-text';
export { normalizeLabel, matchLabel, editDistance } from './match-labels';
export { defaultHints, hintsFrom, type ImportHints } from './hints';

export const importText = (text: string, template: Template, options?: ImportOptions): ImportResult =>
  importSource(readText(text), template, options);

export const importDocx = (bytes: Uint8Array, template: Template, options?: ImportOptions): ImportResult =>
  importSource(readDocx(bytes), template, options);

/** True when the bytes start like a zip (a .docx). */
export const looksLikeZip = (bytes: Uint8Array): boolean => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
