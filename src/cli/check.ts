// nianbao check FILE... : findings per report in Chinese (or JSON), a one-line summary per file
// and a total when several files are given.
import { checkReport, countsText, findingText, levelName, verdict, type Finding, type Mode } from '../core';
import type { Io } from './io';
import { parseCommandLine } from './args';
import { readPrevious, readReportFile, todayOption } from './read-report';


export interface FileResult {
  file: string;
  ok: boolean;
  problems?: string[];
  organ?: string;
  year?: number;
  template?: string;
  /** The verdict's `shown` counts: each finding counted once (an unfinished item under incomplete, in either mode). */
  counts?: Record<Finding['level'], number>;
  /** Whether the file has an error: checked as finished, an unfinished item is one. */
  failed?: boolean;
  findings?: Finding[];
}

/** The core verdict's counts, under the names of the JSON output, and whether the report fails. */
const judge = (findings: Finding[], mode: Mode) => {
  const { shown, counts } = verdict(findings, [], mode);
  return { counts: { error: shown.errors, warning: shown.warnings, incomplete: shown.unfinished }, failed: counts.errors > 0 };
};
const _shown = (c: Record<Finding['level'], number>) => ({ errors: c.error, warnings: c.warning, unfinished: c.incomplete });

export async function runCheck(args: string[], io: Io): Promise<number> {
  const opts = parseCommandLine(
    args,
    {
      previous: { type: 'string' },
      json: { type: 'boolean' },
      final: { type: 'boolean' },
      today: { type: 'string' },
      published: { type: 'boolean' },
    },
    io,
  );
  if (!opts) return 2;
  const files = opts.positionals;
  if (files.length === 0) {
    io.err('请给出要检查的报告文件：nianbao check 报告.json');
    return 2;
  }
  const previous = readPrevious(opts.values.previous, io);
  if (previous === null) return 2;
  const today = todayOption(opts.values.today, io);
  if (!today) return 2;
  // --published: check as a report already published (dates shown, not today; blanks the import
  // made are not the publisher's). A file that came from the importer says so itself (source.kind).
  const published = opts.values.published === true;
  const mode = opts.values.final || published ? 'final' : 'draft';

  const results: FileResult[] = files.map((file) => {
    const read = readReportFile(file);
    if (!read.ok) return { file, ok: false, problems: read.problems };
    const fileMode = read.report.source?.kind === 'published' ? 'final' : mode;
    const findings = checkReport(read.template, read.report, { mode: fileMode, previous, today, published });
    return {
      file, ok: true, organ: read.report.organ.name, year: read.report.year, template: read.template.id,
      ...judge(findings, fileMode), findings,
    };
  });

  if (opts.values.json) {
    io.out(JSON.stringify({ mode, files: results }, null, 2));
  } else {
    for (const r of results) _print(r, io, files.length > 1);
    if (files.length > 1) _printTotal(results, io, mode);
  }
  if (results.some((r) => !r.ok)) return 2;
  return results.some((r) => r.failed) ? 1 : 0;
}


function _print(r: FileResult, io: Io, brief: boolean): void {
  if (!r.ok) {
    io.err(`${r.file}：无法检查\n  ${(r.problems ?? []).slice(0, 20).join('\n  ')}`);
    return;
  }
  const head = `${r.file}（${r.organ || '未填机关名称'} ${r.year}年）`;
  if (brief) {
    io.out(`${head}：${countsText(_shown(r.counts!))}`);
    return;
  }
  io.out(head);
  for (const f of r.findings ?? []) {
    io.out(`  ${levelName(f)} ${findingText(f)}`);
    if (f.cells.length) io.out(`      单元格：${f.cells.slice(0, 8).join('，')}${f.cells.length > 8 ? ` 等 ${f.cells.length} 个` : ''}`);
  }
  io.out(`  共 ${countsText(_shown(r.counts!))}`);
}

function _printTotal(results: FileResult[], io: Io, mode: Mode): void {
  const ok = results.filter((r) => r.ok);
  const sum = (k: Finding['level']) => ok.reduce((s, r) => s + (r.counts?.[k] ?? 0), 0);
  const withErrors = ok.filter((r) => r.failed).length;
  io.out(
    // Checked as finished, a report with blanks fails as one with errors does (the exit code says so too).
    `合计：${results.length} 份报告，${results.length - ok.length} 份无法读取，${withErrors} 份有错误${mode === 'final' ? '或未完成' : ''}；` +
      countsText({ errors: sum('error'), warnings: sum('warning'), unfinished: sum('incomplete') }),
  );
}
