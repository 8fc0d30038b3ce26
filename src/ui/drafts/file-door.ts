// Which door a file opened with 打开文件 (or dropped on the page) goes through, told by its
// content: a report file (JSON) opens as a draft; a published report (Word, PDF, a saved page, a
// text file) is offered to the importer with a plain question; a form no reader takes gets the
// importer's own refusal. Never an answer about bytes or encodings for a file that is not JSON.
// Pure: the sniffer is passed in, so the importer's code loads only for a file that needs it.

export type SourceForm = 'docx' | 'pdf' | 'html' | 'text';

export type Door = { kind: 'report' } | { kind: 'published'; form: SourceForm; question: string } | { kind: 'refused'; message: string };

const FORM_NAMES: Record<SourceForm, string> = { docx: ' Word 文件', pdf: ' PDF 文件', html: '保存的网页', text: '文字文件' };

/** A report file is JSON: its first character (after a byte-order mark and blanks) is “{”. */
export function looksLikeReportFile(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // UTF-16 with a BOM: every other byte is 0, the first character still “{”.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) i = 2;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x00)) i++;
  return bytes[i] === 0x7b;
}

export function importQuestion(form: SourceForm, name: string): string {
  return `“${name}”不是本程序保存的报告文件。这是${FORM_NAMES[form]}，要导入为报告吗？`;
}

/** The door for a file; `sniff` is the importer's (throws an error with a Chinese message for forms it refuses). */
export function whichDoor(bytes: Uint8Array, name: string, sniff: (bytes: Uint8Array) => SourceForm): Door {
  if (looksLikeReportFile(bytes)) return { kind: 'report' };
  try {
    const form = sniff(bytes);
    return { kind: 'published', form, question: importQuestion(form, name) };
  } catch (e) {
    return { kind: 'refused', message: `无法打开“${name}”：${e instanceof Error ? e.message : String(e)}` };
  }
}
