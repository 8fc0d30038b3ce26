// Reading and checking a batch of files, one at a time, telling progress after each: the code a
// Web Worker runs (review-worker.ts), and the page itself where no worker can start (the
// single-file build opened from file://). A file that cannot be read says why and the rest go on.
import { parseReportText, type Report } from '../../core';
import { decodeReportBytes } from '../../core/report/decode';
import { reviewBatch, type ReviewInput, type ReviewUnit } from '../../review';
import { registry } from '../shell/templates';

export interface BatchFile {
  name: string;
  bytes: Uint8Array;
  /** Last year's set: only paired with, not reviewed. */
  previous: boolean;
}

export type ReviewMessage =
  | { kind: 'read'; done: number; total: number; name: string; problem?: string }
  | { kind: 'report'; id: string; template: string; report: Report; text: string; previous: boolean }
  | { kind: 'checked'; done: number; total: number; units: ReviewUnit[] }
  | { kind: 'done' };

const MAX_BYTES = 50 * 1024 * 1024;
/** The source text kept per unit for the view beside its findings (a report is rarely over 30,000 characters). */
const MAX_TEXT = 200_000;

const _isJson = (bytes: Uint8Array) => {
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{');
};

async function _read(file: BatchFile): Promise<{ input: ReviewInput; text: string }> {
  if (file.bytes.length > MAX_BYTES) throw new Error(`文件超过 ${MAX_BYTES / 1048576} MB`);
  if (_isJson(file.bytes)) {
    const decoded = decodeReportBytes(file.bytes);
    if (!decoded.ok) throw new Error(decoded.message);
    const parsed = parseReportText(decoded.text, (await registry.loadAll()).get);
    if (!parsed.ok) throw new Error(parsed.problems.slice(0, 3).map((p) => `${p.path}：${p.message}`).join('；'));
    return { input: { id: file.name, template: parsed.template, report: parsed.report }, text: Object.values(parsed.report.narrative).join('\n') };
  }
  const mod = await import('../../import');
  const pdf = async () => {
    const [worker, cmaps] = await Promise.all([import('../import/pdf-worker'), import('../import/pdf-cmaps')]);
    return { workerSrc: worker.default, loadCMap: cmaps.loadCMap };
  };
  const read = await mod.readAnySource(file.bytes, file.name, { pdf });
  const result = mod.importAny(read.doc, await registry.loadAll(), { form: read.form, file: file.name });
  if (!result.recognised) throw new Error('没有找到报告的标题、章节或表格数字，不像是一份年度报告');
  const text = read.doc.blocks
    .map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.filter((c) => !c.covered).map((c) => c.text).join('\t')).join('\n')))
    .join('\n')
    .slice(0, MAX_TEXT);
  return { input: { id: file.name, template: result.template, report: result.report }, text };
}

/** Read every file, then check the current ones against last year's; `post` hears each step. `pause` lets the page breathe. */
export async function processBatch(files: BatchFile[], post: (m: ReviewMessage) => void, pause: () => Promise<void> = async () => {}): Promise<void> {
  const current: ReviewInput[] = [];
  const previous: ReviewInput[] = [];
  for (const [i, file] of files.entries()) {
    try {
      const { input, text } = await _read(file);
      (file.previous ? previous : current).push(input);
      post({ kind: 'report', id: input.id, template: input.template.id, report: input.report, text, previous: file.previous });
      post({ kind: 'read', done: i + 1, total: files.length, name: file.name });
    } catch (e) {
      const problem = e instanceof Error ? e.message : String(e);
      post({ kind: 'read', done: i + 1, total: files.length, name: file.name, problem });
    }
    await pause();
  }
  // Checked in slices, each slice's units sent at once: progress is heard, and the page takes in
  // the results a slice at a time instead of one large message at the end.
  const step = 20;
  const earlier = [...previous, ...current];
  for (let at = 0; at < current.length; at += step) {
    const { units } = reviewBatch(current.slice(at, at + step), { previous: earlier });
    post({ kind: 'checked', done: Math.min(at + step, current.length), total: current.length, units });
    await pause();
  }
  post({ kind: 'done' });
}
