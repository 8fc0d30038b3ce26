// 审查: the county reviewer's workbench. Drop or choose a folder (and last year's set); import and
// check run in a Web Worker with a progress bar and 取消; one sortable, filterable table of units;
// a unit opens beside the table with its findings, the source text and its grids (cells of the
// chosen finding highlighted); each finding is confirmed or dismissed with a note, kept in
// IndexedDB by fingerprint; the 汇总 of the chosen units opens as a new draft; the county's own
// report is compared with Σ units; the review exports as .xlsx and .docx.
import { useContext, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Report } from '../../core';
import {
  compareWithParts, sumReports, triageCounts,
  type Decision, type DecisionKind, type ReviewBatch, type ReviewInput, type ReviewUnit,
} from '../../review';
import { DraftsContext } from '../drafts/context';
import { downloadBytes } from '../export/download';
import { registry } from '../shell/templates';
import { fromDrop, fromInput, type Picked } from './pick-files';
import type { BatchFile, ReviewMessage } from './process';
import { startReview, type ReviewRun } from './run';
import { loadDecisions, saveDecision } from './triage-db';
import { ParentDiff } from './ParentDiff';
import { UnitDetail } from './UnitDetail';
import { UnitsTable, sortValue, type Sort } from './UnitsTable';
import './review.css';

interface Read {
  template: string;
  report: Report;
  text: string;
}

interface Progress {
  phase: 'read' | 'check';
  done: number;
  total: number;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function _toBatchFiles(picked: Picked[], previous: boolean): Promise<BatchFile[]> {
  return Promise.all(picked.map(async (p) => ({ name: p.name, bytes: new Uint8Array(await p.file.arrayBuffer()), previous })));
}

export function ReviewView({ onDraftOpened }: { onDraftOpened?: () => void }) {
  const drafts = useContext(DraftsContext);
  const [current, setCurrent] = useState<Picked[]>([]);
  const [previous, setPrevious] = useState<Picked[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [failures, setFailures] = useState<{ name: string; problem: string }[]>([]);
  const [units, setUnits] = useState<ReviewUnit[]>([]);
  // What the worker read, by file; shown together with the units once the batch is checked.
  const [reports, setReports] = useState<ReadonlyMap<string, Read>>(new Map());
  const [decisions, setDecisions] = useState<Map<string, Decision>>(new Map());
  const [open, setOpen] = useState<string | null>(null);
  const [sort, setSort] = useState<Sort>({ key: 'errors', down: true });
  const [filter, setFilter] = useState('');
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [parent, setParent] = useState('');
  const [note, setNote] = useState('');
  const run = useRef<ReviewRun | null>(null);

  useEffect(() => {
    loadDecisions().then(setDecisions, (e: unknown) => setNote(`无法读取审查记录：${e instanceof Error ? e.message : String(e)}`));
    return () => run.current?.cancel();
  }, []);

  const batch: ReviewBatch = useMemo(() => {
    const inputs = new Map<string, ReviewInput>();
    for (const u of units) {
      const r = reports.get(u.id);
      const template = r && registry.get(r.template);
      if (r && template) inputs.set(u.id, { id: u.id, template, report: r.report });
    }
    return { units: units.filter((u) => inputs.has(u.id)), inputs };
  }, [units, reports]);

  function begin() {
    if (!current.length) return;
    run.current?.cancel();
    setReports(new Map());
    setUnits([]);
    setFailures([]);
    setOpen(null);
    setNote('');
    setProgress({ phase: 'read', done: 0, total: current.length + previous.length });
    void Promise.all([_toBatchFiles(current, false), _toBatchFiles(previous, true)]).then(([a, b]) => {
      const failed: { name: string; problem: string }[] = [];
      const read = new Map<string, Read>();
      const checked: ReviewUnit[] = [];
      run.current = startReview([...a, ...b], (m: ReviewMessage) => {
        if (m.kind === 'report') read.set(m.id, { template: m.template, report: m.report, text: m.text });
        else if (m.kind === 'read') {
          if (m.problem) {
            failed.push({ name: m.name, problem: m.problem });
            setFailures([...failed]);
          }
          setProgress({ phase: 'read', done: m.done, total: m.total });
        } else if (m.kind === 'checked') {
          checked.push(...m.units);
          setProgress({ phase: 'check', done: m.done, total: m.total });
        } else if (m.kind === 'done') {
          setReports(read);
          setUnits(checked);
          setProgress(null);
          run.current = null;
        }
      });
    });
  }

  function cancel() {
    run.current?.cancel();
    run.current = null;
    setProgress(null);
    setNote('已取消审查');
  }

  async function decide(fingerprint: string, decision: DecisionKind | null, text: string) {
    const record: Decision | null = decision ? { fingerprint, decision, note: text, at: new Date().toISOString() } : null;
    const next = new Map(decisions);
    if (record) next.set(fingerprint, record);
    else next.delete(fingerprint);
    setDecisions(next);
    try {
      await saveDecision(fingerprint, record);
    } catch (e) {
      setNote(`审查记录未能保存：${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const shown = useMemo(() => {
    const words = filter.trim();
    const rows = batch.units.filter((u) => (!onlyErrors || u.counts.errors > 0) && (!words || u.organ.includes(words) || u.id.includes(words)));
    const val = (u: ReviewUnit) => sortValue(u, sort.key, triageCounts(u, decisions).open);
    return rows.sort((a, b) => {
      const x = val(a);
      const y = val(b);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return sort.down ? -c : c;
    });
  }, [batch, filter, onlyErrors, sort, decisions]);

  const chosen = batch.units.filter((u) => !excluded.has(u.id) && u.id !== parent);

  function openSum() {
    const first = chosen[0];
    if (!first) return;
    const template = batch.inputs.get(first.id)!.template;
    const parts = chosen.filter((u) => u.template === first.template && u.year === first.year).map((u) => ({ id: u.id, organ: u.organ, report: batch.inputs.get(u.id)!.report }));
    const { report } = sumReports(template, parts, { year: first.year });
    const name = `${first.year}年汇总（${parts.length} 个单位）`;
    if (!drafts) return;
    drafts.session.openNew(report, name).then(
      () => {
        drafts.setNotice({ kind: 'info', text: `已将 ${parts.length} 个单位的汇总作为新草稿“${name}”打开` });
        onDraftOpened?.();
      },
      (e: unknown) => setNote(`无法新建汇总草稿：${e instanceof Error ? e.message : String(e)}`),
    );
  }

  async function exportXlsx() {
    const { renderReviewXlsx } = await import('../../render/review/xlsx');
    const bytes = await renderReviewXlsx(batch, decisions);
    downloadBytes(bytes, '审查结果.xlsx', XLSX_MIME);
    setNote('已导出“审查结果.xlsx”');
  }

  async function exportDocx(unit?: ReviewUnit) {
    const { renderReviewDocx } = await import('../../render/review/docx');
    const bytes = await renderReviewDocx(batch, decisions, unit ? { units: [unit.id] } : {});
    const name = unit ? `${unit.organ || '单位'}审查意见.docx` : '审查意见.docx';
    downloadBytes(bytes, name);
    setNote(`已导出“${name}”`);
  }

  const parentInput = parent ? batch.inputs.get(parent) : undefined;
  const differences = useMemo(() => {
    if (!parentInput) return [];
    const parts = batch.units
      .filter((u) => u.id !== parentInput.id && !excluded.has(u.id) && u.template === parentInput.template.id && u.year === parentInput.report.year)
      .map((u) => ({ id: u.id, organ: u.organ, report: batch.inputs.get(u.id)!.report }));
    return compareWithParts(parentInput.template, parentInput.report, parts);
  }, [parentInput, batch, excluded]);

  const onDrop = (set: (p: Picked[]) => void) => (e: DragEvent) => {
    e.preventDefault();
    void fromDrop(e.dataTransfer).then(set);
  };
  const openUnit = open ? batch.units.find((u) => u.id === open) : undefined;

  return (
    <section className="review" aria-labelledby="review-title">
      <h2 id="review-title">审查下级单位的年度报告</h2>
      <div className="review-load">
        <div className="review-drop" onDragOver={(e) => e.preventDefault()} onDrop={onDrop(setCurrent)}>
          <p>本年度报告：把文件夹或文件拖到这里，或</p>
          <label>
            选择文件夹 <input type="file" aria-label="选择本年度报告文件夹" {...{ webkitdirectory: '' }} onChange={(e) => setCurrent(fromInput(e.target.files))} />
          </label>
          <label>
            选择文件 <input type="file" multiple aria-label="选择本年度报告文件" onChange={(e) => setCurrent(fromInput(e.target.files))} />
          </label>
          <p className="review-count">已选 {current.length} 个文件</p>
        </div>
        <div className="review-drop" onDragOver={(e) => e.preventDefault()} onDrop={onDrop(setPrevious)}>
          <p>上年度报告（可选，用于跨年核对）</p>
          <label>
            选择文件夹 <input type="file" aria-label="选择上年度报告文件夹" {...{ webkitdirectory: '' }} onChange={(e) => setPrevious(fromInput(e.target.files))} />
          </label>
          <p className="review-count">已选 {previous.length} 个文件</p>
        </div>
        <button type="button" className="review-start" disabled={!current.length || !!progress} onClick={begin}>
          开始审查
        </button>
      </div>
      {progress && (
        <div className="review-progress">
          <label>
            {progress.phase === 'read' ? '正在读取' : '正在检查'} {progress.done}/{progress.total}
            <progress max={progress.total || 1} value={progress.done} />
          </label>
          <button type="button" onClick={cancel}>
            取消
          </button>
        </div>
      )}
      {note && <p role="status">{note}</p>}
      {failures.length > 0 && (
        <ul className="review-failures" aria-label="无法读取的文件">
          {failures.map((f) => (
            <li key={f.name}>
              {f.name}：无法读取：{f.problem}
            </li>
          ))}
        </ul>
      )}
      {batch.units.length > 0 && (
        <>
          <div className="review-actions">
            <label>
              筛选 <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="按机关名称筛选" />
            </label>
            <label>
              <input type="checkbox" checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)} /> 只看有错误的
            </label>
            <label>
              本级报告{' '}
              <select value={parent} onChange={(e) => setParent(e.target.value)} aria-label="本级报告">
                <option value="">（无）</option>
                {batch.units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.organ || u.id}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={openSum} disabled={!chosen.length || !drafts}>
              汇总所选单位
            </button>
            <button type="button" onClick={() => void exportXlsx()}>
              导出审查表（Excel）
            </button>
            <button type="button" onClick={() => void exportDocx()}>
              导出审查意见（Word）
            </button>
          </div>
          <p className="review-summary">
            共 {batch.units.length} 份报告，{batch.units.filter((u) => u.counts.errors).length} 份有错误，{batch.units.filter((u) => u.late).length} 份逾期；{failures.length} 份无法读取
          </p>
          <div className="review-body">
            <UnitsTable units={shown} open={open} onOpen={setOpen} excluded={excluded} onExclude={setExcluded} sort={sort} onSort={setSort} decisions={decisions} />
            {openUnit && (
              <UnitDetail
                key={openUnit.id}
                unit={openUnit}
                input={batch.inputs.get(openUnit.id)!}
                text={reports.get(openUnit.id)?.text ?? ''}
                decisions={decisions}
                onDecide={decide}
                onExport={() => void exportDocx(openUnit)}
                onClose={() => setOpen(null)}
              />
            )}
          </div>
          {parentInput && <ParentDiff parent={parentInput} differences={differences} />}
        </>
      )}
    </section>
  );
}
