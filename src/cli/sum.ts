// nianbao sum FILE|DIR… -o county.report.json [--organ 名称] [--year 年度]: the county 汇总 — the
// units' grids summed cell by cell into a new report of the county government's level, ready to
// edit in the app. Units of another template or year than most of them are left out and named.
// Exit 0 written; 2 when a file could not be read, nothing is left to sum, or on a usage error.
import { toStorableReport } from '../core/report/storable';
import { nodeRegistry } from '../node/templates';
import { sumReports } from '../review';
import type { Io } from './io';
import { parseCommandLine } from './args';
import { Inputs, writeOutputFile } from './files';
import { expandPaths } from './files';
import { readAll, takesForReview } from './review';

/** The most frequent key (the first seen among equals). */
function _mostCommon(keys: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export async function runSum(args: string[], io: Io): Promise<number> {
  const opts = parseCommandLine(args, { output: { type: 'string', short: 'o' }, organ: { type: 'string' }, year: { type: 'string' } }, io);
  if (!opts) return 2;
  const out = opts.values.output;
  if (!opts.positionals.length || !out) {
    io.err('请给出各单位的报告和输出文件：nianbao sum 报告或文件夹… -o 汇总.report.json [--organ 本级机关名称]');
    return 2;
  }
  const year = opts.values.year === undefined ? undefined : Number(opts.values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) {
    io.err(`参数有误：--year 应为 2000—2100 之间的年度，实际为“${opts.values.year}”`);
    return 2;
  }
  const files = expandPaths(opts.positionals, io, takesForReview);
  const { inputs, failed } = await readAll(files, io);
  const key = (i: (typeof inputs)[number]) => `${i.template.id}|${i.report.year}`;
  const wanted = year !== undefined ? _mostCommon(inputs.filter((i) => i.report.year === year).map(key)) : _mostCommon(inputs.map(key));
  const parts = inputs.filter((i) => key(i) === wanted);
  for (const left of inputs.filter((i) => key(i) !== wanted)) {
    io.err(`${left.id}：未计入汇总：${left.report.year}年、${left.template.spec.name}，与其他单位（${parts[0]?.report.year ?? year}年、${parts[0]?.template.spec.name ?? ''}）不同`);
  }
  if (!parts.length) {
    io.err('没有可汇总的报告');
    return 2;
  }
  const template = parts[0]!.template;
  const sum = sumReports(
    template,
    parts.map((p) => ({ id: p.id, organ: p.report.organ.name, report: p.report })),
    { ...(opts.values.organ ? { organ: opts.values.organ } : {}), year: parts[0]!.report.year },
  );
  const storable = toStorableReport(sum.report, nodeRegistry().get);
  if (!storable.ok) {
    io.err(`汇总结果不能保存为报告文件：${storable.problems.map((p) => p.message).join('；')}`);
    return 2;
  }
  const inputsRead = new Inputs();
  for (const f of files) inputsRead.add(f);
  const written = writeOutputFile(out, `${JSON.stringify(storable.report, null, 2)}\n`, inputsRead);
  if (!written.ok) {
    io.err(written.problem);
    return 2;
  }
  const filled = template.inputCells.filter((c) => (sum.behind[c.id] ?? 0) > 0).length;
  io.out(`已写入 ${written.file}：${parts.length} 个单位（${template.spec.name}，${sum.report.year}年）汇总，${filled} 个单元格有数`);
  return failed ? 2 : 0;
}
