// Reading report files for the CLI: a report of a known template, or Chinese problems; and the
// optional --previous report. One home for both, used by check and render.
import { readFileSync } from 'node:fs';
import { parseReportText, type PreviousData, type Report, type Template } from '../core';
import { nodeRegistry } from '../node/templates';
import type { Io } from './main';

export type ReadResult = { ok: true; report: Report; template: Template } | { ok: false; problems: string[] };

export function readReportFile(file: string): ReadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, problems: [code === 'ENOENT' ? '文件不存在' : `无法读取文件（${code ?? String(e)}）`] };
  }
  const parsed = parseReportText(text, nodeRegistry().get);
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

export const todayIso = (): string => new Date().toISOString().slice(0, 10);
