// nianbao review DIR… [--previous DIR] [--parent FILE] [--xlsx out.xlsx] [--docx out.docx] [--json]:
// the county reviewer's batch. Every file in the folders (report files, or published reports
// read by the importer, each told by its content) is checked as a published report, paired with
// last year's report of the same organ; one line per unit, then its errors and warnings; a file
// that cannot be read says why and the rest go on. With --parent, the county's own report is
// compared with the sum of the units. Exit 0; 1 when a unit has errors; 2 when a file could not
// be read or on a usage error.
import { extname } from 'node:path';
import { findingText, LEVEL_NAMES, parseReportText } from '../core';
import { decodeReportBytes } from '../core/report/decode';
import { ImportError, LIMITS } from '../import';
import { nodeRegistry } from '../node/templates';
import { compareWithParts, lateWord, placeWords, reviewBatch, SUM_WORDS, type ReviewBatch, type ReviewInput } from '../review';
import type { Io } from './io';
import { parseCommandLine } from './args';
import { Inputs, expandPaths, readInputFile, writeOutputFile } from './files';
import { importBytes } from './import';

/** What a folder gives: report files and what published reports are saved as. */
const REVIEW_EXT = new Set(['.json', '.docx', '.pdf', '.html', '.htm', '.txt', '.md']);

/** From a folder: report files and what published reports are saved as. */
export const takesForReview = (name: string) => REVIEW_EXT.has(extname(name).toLowerCase());

const _looksLikeJson = (bytes: Uint8Array): boolean => {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x7b;
};

export type ReadOutcome = { ok: true; input: ReviewInput } | { ok: false; file: string; problem: string };

/** One file as a report: a report file as it is, anything else through the importer (by content). */
export async function readForReview(file: string): Promise<ReadOutcome> {
  const read = readInputFile(file, LIMITS.fileBytes);
  if (!read.ok) return { ok: false, file, problem: read.problem };
  if (_looksLikeJson(read.bytes)) {
    const decoded = decodeReportBytes(read.bytes);
    if (!decoded.ok) return { ok: false, file, problem: decoded.message };
    const parsed = parseReportText(decoded.text, nodeRegistry().get);
    if (!parsed.ok) return { ok: false, file, problem: parsed.problems.slice(0, 3).map((p) => `${p.path}：${p.message}`).join('；') };
    return { ok: true, input: { id: file, template: parsed.template, report: parsed.report } };
  }
  try {
    const result = await importBytes(read.bytes, file);
    if (!result.recognised) return { ok: false, file, problem: '没有找到报告的标题、章节或表格数字，不像是一份年度报告' };
    return { ok: true, input: { id: file, template: result.template, report: result.report } };
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, file, problem: e.message };
    throw e;
  }
}

/** Read many files; failures are reported in their place and the rest go on. */
export async function readAll(files: string[], io: Io): Promise<{ inputs: ReviewInput[]; failed: number }> {
  const inputs: ReviewInput[] = [];
  let failed = 0;
  for (const file of files) {
    const r = await readForReview(file);
    if (r.ok) inputs.push(r.input);
    else {
      failed++;
      io.err(`${r.file}：无法读取：${r.problem}`);
    }
  }
  return { inputs, failed };
}

function _printUnits(batch: ReviewBatch, io: Io): void {
  for (const u of batch.units) {
    io.out(
      `${u.id}：${u.organ || '（未读出机关名称）'} ${u.year}年${u.levelLabel ? ` ${u.levelLabel}` : ''}；${u.templateName}；` +
        `${u.counts.errors} 个错误，${u.counts.warnings} 个警告；未读出 ${u.unread.length} 个、不确定 ${u.uncertain.length} 个单元格；` +
        `${u.shown ? `日期 ${u.shown}，` : ''}${lateWord(u)}${u.previous ? `；对照上年：${u.previous}` : ''}`,
    );
    for (const f of u.findings.filter((x) => x.level !== 'incomplete')) io.out(`  ${LEVEL_NAMES[f.level]} ${findingText(f)}`);
  }
}

function _printParent(parent: ReviewInput, batch: ReviewBatch, io: Io): void {
  const parts = batch.units
    .filter((u) => u.id !== parent.id && u.template === parent.template.id && u.year === parent.report.year)
    .map((u) => ({ id: u.id, organ: u.organ, report: batch.inputs.get(u.id)!.report }));
  const diffs = compareWithParts(parent.template, parent.report, parts);
  io.out(`本级报告 ${parent.id} 与 ${parts.length} 个下级单位合计相比：${diffs.length} 个单元格不一致`);
  for (const d of diffs.slice(0, 200)) {
    io.out(`  ${SUM_WORDS.difference(placeWords(parent.template, { kind: 'cell', cell: d.cell }), String(d.parent ?? '空白'), String(d.sum ?? '空白'), String(d.diff))}；${SUM_WORDS.unitsBehind}：${d.units.map((x) => `${x.organ} ${x.value}`).join('、') || '无'}`);
  }
}

export async function runReview(args: string[], io: Io): Promise<number> {
  const opts = parseCommandLine(args, { previous: { type: 'string', multiple: true }, parent: { type: 'string' }, xlsx: { type: 'string' }, docx: { type: 'string' }, json: { type: 'boolean' } }, io);
  if (!opts) return 2;
  if (!opts.positionals.length) {
    io.err('请给出要审查的报告所在文件夹或文件：nianbao review 文件夹 [--previous 上年文件夹] [--xlsx 审查.xlsx] [--docx 审查意见.docx]');
    return 2;
  }
  const files = expandPaths(opts.positionals, io, takesForReview);
  const parentFile = opts.values.parent;
  if (parentFile && !files.includes(parentFile)) files.push(parentFile);
  if (!files.length) {
    io.err(`没有找到可审查的报告文件（${[...REVIEW_EXT].join('、')}）`);
    return 2;
  }
  const { inputs, failed } = await readAll(files, io);
  const previousFiles = expandPaths(opts.values.previous ?? [], io, takesForReview);
  const previous = await readAll(previousFiles, io);
  const batch = reviewBatch(inputs, { previous: previous.inputs });
  const parent = parentFile ? inputs.find((i) => i.id === parentFile) : undefined;

  if (opts.values.json) {
    io.out(JSON.stringify({ units: batch.units.map(({ findings, ...u }) => ({ ...u, findings: findings.map((f) => ({ rule: f.rule, level: f.level, place: f.place, message: f.message, fingerprint: f.fingerprint })) })) }, null, 2));
  } else {
    _printUnits(batch, io);
    if (parent) _printParent(parent, batch, io);
    const withErrors = batch.units.filter((u) => u.counts.errors > 0).length;
    const late = batch.units.filter((u) => u.late).length;
    io.out(`合计：${files.length} 个文件，${batch.units.length} 份已审查，${failed} 份无法读取；${withErrors} 份有错误，${late} 份逾期；上年报告 ${previous.inputs.length} 份`);
  }

  const written = new Inputs();
  for (const f of [...files, ...previousFiles]) written.add(f);
  let writeFailed = false;
  if (opts.values.xlsx) {
    const { renderReviewXlsx } = await import('../render/review/xlsx');
    const w = writeOutputFile(opts.values.xlsx, await renderReviewXlsx(batch), written);
    if (w.ok) io.out(`已写入 ${w.file}`);
    else {
      io.err(w.problem);
      writeFailed = true;
    }
  }
  if (opts.values.docx) {
    const { renderReviewDocx } = await import('../render/review/docx');
    const w = writeOutputFile(opts.values.docx, await renderReviewDocx(batch), written);
    if (w.ok) io.out(`已写入 ${w.file}`);
    else {
      io.err(w.problem);
      writeFailed = true;
    }
  }
  if (failed || previous.failed || writeFailed) return 2;
  return batch.units.some((u) => u.counts.errors > 0) ? 1 : 0;
}
