// nianbao import FILE... [-o DIR] [--json]: read published reports (.docx or text copied from a
// web page) into report files `<name>.report.json`, next to each source or into DIR. Prints per
// file the format found, the values read and the notes. Exit 0, or 2 when a file is unreadable.
import { mkdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Template } from '../core';
import { safeFileName } from '../core/report/sanitize';
import { ImportError, LIMITS, decodeText, importDocx, importText, looksLikeZip, type ImportNote, type ImportResult } from '../import';
import { nodeRegistry } from '../node/templates';
import type { Io } from './io';
import { parseCommandLine } from './args';
import { Inputs, fsProblem, readInputFile, writeOutputFile } from './files';

const LEVEL: Record<ImportNote['level'], string> = { error: '错误', warning: '待核对', info: '说明' };

function _newest(): Template {
  return [...nodeRegistry().all].sort((a, b) => b.spec.years.from - a.spec.years.from)[0]!;
}

/** Import one file's bytes with the template in force for the year the source names. */
export function importBytes(bytes: Uint8Array): { result: ImportResult; template: Template } {
  const run = (template: Template) => (looksLikeZip(bytes) ? importDocx(bytes, template) : importText(decodeText(bytes), template));
  let template = _newest();
  let result = run(template);
  const forYear = nodeRegistry().forYear(result.report.year);
  if (forYear && forYear !== template) {
    template = forYear;
    result = run(template);
  }
  return { result, template };
}

export const outputName = (file: string): string => safeFileName(basename(file, extname(file)), '.report.json');

export async function runImport(args: string[], io: Io): Promise<number> {
  const opts = parseCommandLine(args, { out: { type: 'string', short: 'o' }, json: { type: 'boolean' } }, io);
  if (!opts) return 2;
  const files = opts.positionals;
  if (!files.length) {
    io.err('请给出要导入的已发布报告：nianbao import 报告.docx|报告.txt… [-o 目录]');
    return 2;
  }
  const outDir = opts.values.out;
  if (outDir) {
    try {
      mkdirSync(outDir, { recursive: true });
    } catch (e) {
      // Said once here; each file then says it could not be written, and the batch goes on.
      io.err(`无法建立输出文件夹 ${outDir}：${fsProblem(e)}`);
    }
  }
  // Outputs never replace a file: not an input, not one written earlier in this run or before.
  const inputs = new Inputs();
  for (const file of files) inputs.add(file);
  const taken = new Set<string>();
  let failed = 0;
  const summary: unknown[] = [];
  for (const file of files) {
    const read = readInputFile(file, LIMITS.fileBytes);
    if (!read.ok) {
      io.err(`${file}：无法导入：${read.problem}`);
      failed++;
      continue;
    }
    const bytes = read.bytes;
    let result: ImportResult;
    try {
      result = importBytes(bytes).result;
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      io.err(`${file}：无法导入：${e.message}`);
      failed++;
      continue;
    }
    if (!result.recognised) {
      io.err(`${file}：无法导入：没有找到报告的标题、章节或表格数字，不像是一份年度报告`);
      failed++;
      continue;
    }
    const written = writeOutputFile(join(outDir ?? dirname(file), outputName(file)), `${JSON.stringify(result.report, null, 2)}\n`, inputs, { keepExisting: true, taken });
    if (!written.ok) {
      io.err(`${file}：无法导入：${written.problem}`);
      failed++;
      continue;
    }
    const target = written.file;
    const { report } = result;
    if (opts.values.json) {
      summary.push({ file, output: target, format: result.format, valuesRead: result.valuesRead, flagged: result.flagged, notes: result.notes });
      continue;
    }
    io.out(`${file} → ${target}`);
    io.out(`  ${report.organ.name || '（未读出机关名称）'} ${report.year}年；格式：${result.format?.name ?? '无法判断'}`);
    io.out(`  读到 ${result.valuesRead} 个数值；${result.flagged.length} 个单元格待核对；${result.notes.length} 条说明`);
    for (const n of result.notes) io.out(`  ${LEVEL[n.level]} ${n.place}：${n.message}`);
  }
  if (opts.values.json) io.out(JSON.stringify({ files: summary }, null, 2));
  if (files.length > 1 && !opts.values.json) io.out(`合计：${files.length} 个文件，${files.length - failed} 个已导入，${failed} 个无法导入`);
  return failed ? 2 : 0;
}
