// Report files: the bytes of a file the clerk opens → a valid report or problems in Chinese (never
// throws, whatever the bytes), and a report → the text and name of the file to save.
import { checkReport, parseReportText, type ParseResult, type Report, type Template } from '../core';

/** Larger than any real report (a full one is about 30 KB); refuse before decoding. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export function openReportBytes(bytes: Uint8Array, templates: (id: string) => Template | undefined): ParseResult {
  try {
    if (bytes.byteLength === 0) return _fail('文件是空的（0 字节），不是报告文件');
    if (bytes.byteLength > MAX_FILE_BYTES) {
      return _fail(`文件过大：${(bytes.byteLength / 1048576).toFixed(1)} MB，报告文件不超过 ${MAX_FILE_BYTES / 1048576} MB`);
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const at = _firstBadByte(bytes);
      return _fail(`不是 UTF-8 编码的文本：第 ${at + 1} 个字节（0x${(bytes[at] ?? 0).toString(16).padStart(2, '0').toUpperCase()}）无效。报告文件应为 UTF-8 编码的 JSON`);
    }
    return _refuseOutOfRange(parseReportText(text, templates));
  } catch (e) {
    return _fail(`无法读取：${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * A value no one could have typed (negative, a fraction of a count, beyond 1e11, more than 4
 * decimals of 万元) means the file was not written by nianbao nor edited sensibly: refuse it,
 * naming every such cell and value (the template's own value-range rule words the message).
 */
function _refuseOutOfRange(result: ParseResult): ParseResult {
  if (!result.ok) return result;
  const { template, report } = result;
  const ranges = new Set(template.rules.filter((r) => r.kind === 'value-range').map((r) => r.id));
  if (ranges.size === 0) return result;
  const bad = checkReport(template, report).filter((f) => ranges.has(f.rule));
  if (bad.length === 0) return result;
  return { ok: false, problems: bad.map((f) => ({ path: f.cells.map((c) => `values.${c}`).join('、') || '(文件)', message: f.message })) };
}

function _fail(message: string): ParseResult {
  return { ok: false, problems: [{ path: '(文件)', message }] };
}

/** Index of the first byte where UTF-8 decoding fails (for the message). */
function _firstBadByte(b: Uint8Array): number {
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

/** The file text: the report as pretty JSON (the documented format), ending with a newline. */
export function reportFileText(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** A file name safe on Windows: organ-year.nianbao.json. */
export function reportFileName(report: Report): string {
  const raw = report.organ.titleName || report.organ.name || '未命名';
  const organ = [...raw].map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('').trim().slice(0, 60);
  return `${organ}-${report.year}.nianbao.json`;
}
