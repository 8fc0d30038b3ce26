// Reading report files for the CLI: a report of a known template, or Chinese problems; and the
// optional --previous report. One home for both, used by check and render.
import { parseReportText, type PreviousData, type Report, type Template } from '../core';
import { decodeReportBytes, MAX_REPORT_FILE_BYTES } from '../core/report/decode';
import { nodeRegistry } from '../node/templates';
import { readInputFile } from './files';
import type { Io } from './io';

export type ReadResult = { ok: true; report: Report; template: Template } | { ok: false; problems: string[] };

export function readReportFile(file: string): ReadResult {
  // The app's rules for a report file: a regular file, at most 5 MB, UTF-8 (never read as mojibake).
  const read = readInputFile(file, MAX_REPORT_FILE_BYTES);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  const decoded = decodeReportBytes(read.bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.message] };
  const parsed = parseReportText(decoded.text, nodeRegistry().get);
  return parsed.ok ? parsed : { ok: false, problems: parsed.problems.map((p) => p.message) };
}

/** The --previous report: undefined when not asked for, null (after telling why) when unreadable. */
export function readPrevious(file: string | undefined, io: Io): PreviousData | undefined | null {
  if (!file) return undefined;
  const prev = readReportFile(file);
  if (prev.ok) return prev.report;
  io.err(`${file}：上年报告无法读取\n  ${prev.problems.join('\n  ')}`);
  return null;
}

/** Today's date where the reviewer is (local time, not UTC: in Beijing UTC is 8 hours behind). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The --today option: a real YYYY-MM-DD date, else undefined after saying why; absent → today. */
export function todayOption(value: string | undefined, io: Io): string | undefined {
  if (value === undefined) return localToday();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  if (date && localToday(date) === value) return value;
  io.err(`参数有误：--today 应为 YYYY-MM-DD 格式的日期（如 2025-01-20），实际为“${value}”`);
  return undefined;
}
