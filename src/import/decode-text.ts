// Bytes of a text file (a published report saved as .txt) → text. Headless: the CLI and the
// import dialog both decode with it. UTF-8 (with or without BOM) first, else GB18030 (what
// Chinese Windows Notepad and WPS save as "ANSI"), else refused in Chinese.
import { ImportError } from './source';

/** Bytes of a text file: UTF-8 (with or without BOM), else GB18030, else refused. */
export function decodeText(bytes: Uint8Array): string {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      // try the next encoding
    }
  }
  throw new ImportError('既不是 .docx，也不是可识别编码（UTF-8、GB18030）的文字');
}
