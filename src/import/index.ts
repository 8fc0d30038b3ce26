// Import a published report: .docx or pasted web text → { report, notes }. Headless.
import type { Template } from '../core';
import { importSource, type ImportOptions, type ImportResult } from './import-report';
import { readDocx } from './read-docx';
import { readText } from './read-text';

export * from './source';
export * from './import-report';
export { readDocx, readZipEntry, parseDocumentXml } from './read-docx';
export { readText } from './read-text';
export { decodeText } from './decode-text';
export { normalizeLabel, matchLabel, editDistance } from './match-labels';
export { defaultHints, hintsFrom, type ImportHints } from './hints';

export const importText = (text: string, template: Template, options?: ImportOptions): ImportResult =>
  importSource(readText(text), template, options);

export const importDocx = (bytes: Uint8Array, template: Template, options?: ImportOptions): ImportResult =>
  importSource(readDocx(bytes), template, options);

/** True when the bytes start like a zip (a .docx). */
export const looksLikeZip = (bytes: Uint8Array): boolean => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
