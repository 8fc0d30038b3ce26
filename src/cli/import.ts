// nianbao import FILE|FOLDER... [-o DIR] [--check] [--brief] [--json]: read published reports
// (.docx, PDF, saved web pages, text; each told by its content, not its name) into report files
// `<name>.report.json`, next to each source or into DIR. Folders are read recursively. One line
// per file: form, organ and year, the template format, values read, cells to verify; then the
// notes (not with --brief); with --check, the rules' counts too. Exit 0; 1 when --check finds
// rule errors; 2 when a file could not be imported.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';
import { checkReport, countsText, verdict } from '../core';
import { safeFileName } from '../core/report/sanitize';
import { toStorableReport } from '../core/report/storable';
import { ImportError, LIMITS, importAny, readAnySource, type AnyImportResult, type ImportNote, type SourceForm } from '../import';
import { nodeRegistry } from '../node/templates';
import type { Io } from './io';
import { parseCommandLine } from './args';
import { Inputs, expandPaths, fsProblem, readInputFile, writeOutputFile } from './files';
import { localToday } from './read-report';

const LEVEL: Record<ImportNote['level'], string> = { error: '错误', warning: '待核对', info: '说明' };
const FORM: Record<SourceForm, string> = { docx: 'Word', pdf: 'PDF', html: '网页', text: '文字' };

/** Files taken from a folder: what published reports are saved as. A named file is read whatever its name. */
const SOURCE_EXT = new Set(['.docx', '.pdf', '.html', '.htm', '.txt', '.md', '.doc', '.wps']);

/** pdfjs's CMaps, for PDFs whose Chinese fonts are not embedded: read from the installed package, never fetched. */
function _cMapLoader(): ((file: string) => Promise<Uint8Array>) | undefined {
  let dir: string;
  try {
    dir = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
  } catch {
    return undefined;
  }
  return async (file) => new Uint8Array(await readFile(join(dir, basename(file))));
}

/** From a folder: what published reports are saved as, not this command's own outputs. */
const _takes = (name: string) => !name.endsWith('.report.json') && SOURCE_EXT.has(extname(name).toLowerCase());

/** One file's bytes → a report, with the template chosen by the grid the source prints. */
export async function importBytes(bytes: Uint8Array, file?: string): Promise<AnyImportResult & { form: SourceForm }> {
  const name = file ? basename(file) : undefined;
  const loadCMap = _cMapLoader();
  const { doc, form } = await readAnySource(bytes, name, loadCMap ? { pdf: { loadCMap } } : {});
  return { ...importAny(doc, nodeRegistry(), { form, ...(name ? { file: name } : {}) }), form };
}

export const outputName = (file: string): string => safeFileName(basename(file, extname(file)), '.report.json');

export async function runImport(args: string[], io: Io): Promise<number> {
  const opts = parseCommandLine(args, { out: { type: 'string', short: 'o' }, json: { type: 'boolean' }, check: { type: 'boolean' }, brief: { type: 'boolean' } }, io);
  if (!opts) return 2;
  if (!opts.positionals.length) {
    io.err('请给出要导入的已发布报告或所在文件夹：nianbao import 报告.docx|报告.pdf|网页.html|报告.txt|文件夹… [-o 目录] [--check]');
    return 2;
  }
  const files = expandPaths(opts.positionals, io, _takes);
  if (!files.length) {
    io.err(`没有找到可导入的报告文件（${[...SOURCE_EXT].join('、')}）`);
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
  const today = localToday();
  let failed = 0;
  let withErrors = 0;
  const summary: unknown[] = [];
  for (const file of files) {
    const read = readInputFile(file, LIMITS.fileBytes);
    if (!read.ok) {
      io.err(`${file}：无法导入：${read.problem}`);
      failed++;
      continue;
    }
    let result: Awaited<ReturnType<typeof importBytes>>;
    try {
      result = await importBytes(read.bytes, file);
    } catch (e) {
      // One file the program fails on must not end a batch of hundreds: it is named, the rest go on.
      io.err(`${file}：无法导入：${e instanceof ImportError ? e.message : `程序出错（${e instanceof Error ? e.message : String(e)}），请把这个文件报告给开发者`}`);
      failed++;
      continue;
    }
    if (!result.recognised) {
      io.err(`${file}：无法导入：没有找到报告的标题、章节或表格数字，不像是一份年度报告`);
      failed++;
      continue;
    }
    // What is written must pass the schema (check would refuse it otherwise); what had to change is said.
    const storable = toStorableReport(result.report, nodeRegistry().get);
    if (!storable.ok) {
      io.err(`${file}：无法导入：读出的内容不能保存为报告文件\n  ${storable.problems.map((p) => p.message).join('\n  ')}`);
      failed++;
      continue;
    }
    const written = writeOutputFile(join(outDir ?? dirname(file), outputName(file)), `${JSON.stringify(storable.report, null, 2)}\n`, inputs, { keepExisting: true, taken });
    if (!written.ok) {
      io.err(`${file}：无法导入：${written.problem}`);
      failed++;
      continue;
    }
    const target = written.file;
    const { report } = storable;
    const repaired = storable.notes.map((n) => ({ place: n.path, message: n.message, original: n.original }));
    const counts = opts.values.check ? verdict(checkReport(result.template, report, { published: true, today }), [], 'final').shown : null;
    if (counts?.errors) withErrors++;
    if (opts.values.json) {
      summary.push({ file, output: target, form: result.form, template: result.template.id, format: result.format, valuesRead: result.valuesRead, flagged: result.flagged, notes: result.notes, repaired, ...(counts ? { check: counts } : {}) });
      continue;
    }
    const checked = counts ? `；检查：${countsText(counts)}` : '';
    io.out(
      `${file} → ${target}：${FORM[result.form]}；${report.organ.name || '（未读出机关名称）'} ${report.year}年；格式：${result.format?.name ?? '无法判断'}；` +
        `读到 ${result.valuesRead} 个数值；${result.flagged.length} 个单元格待核对；${result.notes.length} 条说明${checked}`,
    );
    if (!opts.values.brief) for (const n of result.notes) io.out(`  ${LEVEL[n.level]} ${n.place}：${n.message}`);
    for (const n of repaired) io.out(`  ${LEVEL.warning} ${n.message}（原值：${n.original.length > 80 ? `${n.original.slice(0, 80)}…共 ${n.original.length} 字` : n.original}）`);
  }
  if (opts.values.json) io.out(JSON.stringify({ files: summary }, null, 2));
  if (files.length > 1 && !opts.values.json) {
    io.out(`合计：${files.length} 个文件，${files.length - failed} 个已导入，${failed} 个无法导入${opts.values.check ? `，${withErrors} 份有错误` : ''}`);
  }
  return failed ? 2 : withErrors ? 1 : 0;
}
