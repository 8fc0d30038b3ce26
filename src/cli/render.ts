// nianbao render REPORT.json [-o OUT.docx] [--draft]: the finished .docx (GB/T 9704-2012).
// A final export is refused while error-level findings remain (checked in final mode, listed in
// Chinese); --draft writes anyway, with 草稿 in the page header. Exit 0 written, 1 refused,
// 2 unreadable or invalid input or a usage error.
import { blockingText, checkReport, findingText, levelName, verdict } from '../core';
import { exportFileName } from '../render/docx/file-name';
import type { Io } from './io';
import { parseCommandLine } from './args';
import { Inputs, writeOutputFile } from './files';
import { readPrevious, readReportFile, todayOption } from './read-report';

export async function runRender(args: string[], io: Io): Promise<number> {
  const opts = parseCommandLine(
    args,
    {
      output: { type: 'string', short: 'o' },
      draft: { type: 'boolean' },
      previous: { type: 'string' },
      today: { type: 'string' },
    },
    io,
  );
  if (!opts) return 2;
  if (opts.positionals.length !== 1) {
    io.err('请给出一个报告文件：nianbao render 报告.json -o 报告.docx [--draft]');
    return 2;
  }
  const file = opts.positionals[0]!;
  const read = readReportFile(file);
  if (!read.ok) {
    io.err(`${file}：无法读取报告\n  ${read.problems.slice(0, 20).join('\n  ')}`);
    return 2;
  }
  const previous = readPrevious(opts.values.previous, io);
  if (previous === null) return 2;
  const { template, report } = read;
  const draft = opts.values.draft ?? false;
  const today = todayOption(opts.values.today, io);
  if (!today) return 2;
  const { errors, shown } = verdict(checkReport(template, report, { mode: 'final', previous, today }), [], 'final');
  if (errors.length && !draft) {
    // Counted and named as `check` counts them: 3 个错误、5 项未完成.
    io.err(`${file}：有 ${blockingText(shown)}，不能导出正式文档（改正后再导出，或用 --draft 导出草稿）：`);
    for (const f of errors) io.err(`  ${levelName(f)} ${findingText(f)}`);
    return 1;
  }
  const out = opts.values.output ?? exportFileName(template, report, draft);
  const { renderDocx } = await import('../render/docx/render-docx');
  const bytes = await renderDocx(template, report, { draft });
  // Never onto the report or --previous (`render in.json -o in.json`); the .docx appears whole or not at all.
  const inputs = new Inputs();
  for (const input of [file, opts.values.previous]) if (input) inputs.add(input);
  const written = writeOutputFile(out, bytes, inputs);
  if (!written.ok) {
    io.err(written.problem);
    return 2;
  }
  io.out(`已写入 ${out}（${draft ? '草稿，' : ''}${bytes.length} 字节）${draft && errors.length ? `；尚有 ${blockingText(shown)}` : ''}`);
  return 0;
}
