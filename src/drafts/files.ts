// Report files: the bytes of a file the clerk opens → a valid report or problems in Chinese (never
// throws, whatever the bytes), and a report → the text and name of the file to save. The report
// schema that reads the file loads with the first file opened (load-parse.ts).
import type { ParseResult, Report, Template } from '../core';
import { decodeReportBytes } from '../core/report/decode';
import { safeFileName } from '../core/report/sanitize';
import { loadParseReportText } from './load-parse';

export async function openReportBytes(bytes: Uint8Array, templates: (id: string) => Template | undefined): Promise<ParseResult> {
  try {
    const decoded = decodeReportBytes(bytes);
    if (!decoded.ok) return _fail(decoded.message);
    return await _refuseOutOfRange((await loadParseReportText())(decoded.text, templates));
  } catch (e) {
    return _fail(`无法读取：${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * A value no one could have typed (negative, a fraction of a count, beyond 1e11, more than 4
 * decimals of 万元) means the file was not written by nianbao nor edited sensibly: refuse it,
 * naming every such cell and value (the template's own value-range rule words the message).
 */
async function _refuseOutOfRange(result: ParseResult): Promise<ParseResult> {
  if (!result.ok) return result;
  const { template, report } = result;
  const ranges = new Set(template.rules.filter((r) => r.kind === 'value-range').map((r) => r.id));
  if (ranges.size === 0) return result;
  // The rules load with the first file opened, as the app's checker does (src/store/rules.ts).
  const { checkReport } = await import('../core/rules/check');
  const bad = checkReport(template, report).filter((f) => ranges.has(f.rule));
  if (bad.length === 0) return result;
  return { ok: false, problems: bad.map((f) => ({ path: f.cells.map((c) => `values.${c}`).join('、') || '(文件)', message: f.message })) };
}

function _fail(message: string): ParseResult {
  return { ok: false, problems: [{ path: '(文件)', message }] };
}

/** The file text: the report as pretty JSON (the documented format), ending with a newline. */
export function reportFileText(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** A file name safe on Windows: organ-year.nianbao.json. */
export function reportFileName(report: Report): string {
  const organ = [...(report.organ.titleName || report.organ.name || '未命名')].slice(0, 60).join('');
  return safeFileName(`${organ}-${report.year}`, '.nianbao.json', '未命名', '_');
}
