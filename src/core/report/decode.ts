// The bytes of a report file → its text, or why they cannot be one (in Chinese, naming the byte).
// One home for the app's file dialog and the CLI, so both refuse the same files the same way.

/** Larger than any real report (a full one is about 30 KB); refuse before decoding. */
export const MAX_REPORT_FILE_BYTES = 5 * 1024 * 1024;

export type DecodedText = { ok: true; text: string } | { ok: false; message: string };

export function decodeReportBytes(bytes: Uint8Array): DecodedText {
  if (bytes.byteLength === 0) return { ok: false, message: '文件是空的（0 字节），不是报告文件' };
  if (bytes.byteLength > MAX_REPORT_FILE_BYTES) {
    return { ok: false, message: `文件过大：${(bytes.byteLength / 1048576).toFixed(1)} MB，报告文件不超过 ${MAX_REPORT_FILE_BYTES / 1048576} MB` };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstBadUtf8Byte(bytes);
    const hex = (bytes[at] ?? 0).toString(16).padStart(2, '0').toUpperCase();
    return { ok: false, message: `不是 UTF-8 编码的文本：第 ${at + 1} 个字节（0x${hex}）无效。报告文件应为 UTF-8 编码的 JSON` };
  }
}

/** Index of the first byte where UTF-8 decoding fails (for the message). */
export function firstBadUtf8Byte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return Math.max(0, b.length - 1);
}
