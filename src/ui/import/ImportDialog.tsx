// 导入已发布的报告: open a published report (.docx, PDF, saved web page, text; told by content,
// not by name) or paste it (a browser copy carries text/html: its tables are read, not the text), see what
// was read beside the source with the uncertain cells marked, then create a draft as that year's
// report or directly as next year's, named after the organ and year read; a blank, untouched
// draft open before is removed (the drafts session does that on leaving it). This module is fetched
// by the toolbar's button (ImportButton.tsx), the importer behind it with import() on the first
// read. The dialog is modal (src/ui/shell/Modal.tsx): the page behind is inert, Escape closes it, focus
// returns to the button; after reading, focus moves to the result's heading (or to the error).
import type { ImportRequest } from './import-request';
import { useContext, useEffect, useId, useRef, useState } from 'react';
import { computeValues, nextYearAcross, nextYearTemplate, type CellId, type Report, type ResolvedGrid, type Template } from '../../core';
import type { AnyImportResult, ImportNote, ImportResult, SourceDoc } from '../../import';
import { registry } from '../shell/templates';
import { importedDraftName } from '../../import/draft';
import { DraftsContext } from '../drafts/context';
import { Modal } from '../shell/Modal';

export interface ImportTarget {
  readonly template: Template;
  load: (report: Report) => void;
}

const LEVEL: Record<ImportNote['level'], string> = { error: '错误', warning: '待核对', info: '说明' };
const MAX_BYTES = 50 * 1024 * 1024;

type State =
  | { kind: 'input'; error?: string }
  | { kind: 'busy' }
  | { kind: 'read'; name: string; source: SourceDoc; result: AnyImportResult };

/** Files the picker offers; any other file may still be chosen ("all files") and is told by content. */
const ACCEPT = ['.docx', '.pdf', '.html', '.htm', '.txt', '.md', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf', 'text/html', 'text/plain', 'text/markdown'].join(',');

/** The source as the importer saw it: paragraphs and tables, in order. */
function SourceView({ source }: { source: SourceDoc }) {
  return (
    <div className="import-source" aria-label="来源">
      {source.blocks.slice(0, 2000).map((b, i) =>
        b.kind === 'paragraph' ? (
          <p key={i}>{b.text}</p>
        ) : (
          <table key={i}>
            <tbody>
              {b.rows.slice(0, 500).map((r, j) => (
                <tr key={j}>
                  {r.filter((c) => !c.covered).map((c, k) => (
                    <td key={k} colSpan={c.span > 1 ? c.span : undefined}>
                      {c.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ),
      )}
    </div>
  );
}

/** One grid with the values read; uncertain cells are marked and named in their title. */
function GridView({ grid, values, flagged, notes }: { grid: ResolvedGrid; values: ReadonlyMap<CellId, number | null>; flagged: ReadonlySet<CellId>; notes: ReadonlyMap<CellId, string> }) {
  return (
    <table className="import-grid" aria-label={grid.label}>
      <tbody>
        {grid.rows.map((row, i) => (
          <tr key={i}>
            {row.items.map((item) =>
              item.type === 'header' ? (
                <th key={item.key} rowSpan={item.rowSpan > 1 ? item.rowSpan : undefined} colSpan={item.colSpan > 1 ? item.colSpan : undefined}>
                  {item.label}
                </th>
              ) : (
                <td
                  key={item.id}
                  colSpan={item.colSpan > 1 ? item.colSpan : undefined}
                  className={flagged.has(item.id) ? 'import-flagged' : undefined}
                  data-cell={item.id}
                  title={flagged.has(item.id) ? `${item.name}：${notes.get(item.id) ?? '待核对'}` : item.name}
                  aria-label={`${item.name}：${values.get(item.id) ?? '空白'}${flagged.has(item.id) ? '，待核对' : ''}`}
                >
                  {values.get(item.id) ?? ''}
                  {flagged.has(item.id) ? <span className="import-mark" aria-hidden="true">？</span> : null}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Next year's report from an imported one, in the template in force next year. */
function nextYearOf(result: AnyImportResult): Report {
  const { template, report } = result;
  return nextYearAcross(template, nextYearTemplate(registry, template, report), report).report;
}

function ResultView({ template, result }: { template: Template; result: ImportResult }) {
  const { report } = result;
  const values = computeValues(template, report);
  const flagged = new Set(result.flagged);
  const noteOf = new Map<CellId, string>();
  for (const n of result.notes) for (const c of n.cells ?? []) if (!noteOf.has(c)) noteOf.set(c, n.message);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const n of result.notes) counts[n.level]++;
  return (
    <div className="import-result" aria-label="读到的内容">
      <dl>
        <dt>机关</dt>
        <dd>{report.organ.name || '（未读出）'}</dd>
        <dt>年度</dt>
        <dd>{report.year}</dd>
        <dt>格式</dt>
        <dd>{result.format?.name ?? '无法判断'}</dd>
        <dt>读到</dt>
        <dd role="status">
          {result.valuesRead} 个数值，{result.flagged.length} 个单元格待核对，{counts.error} 个错误，{counts.warning} 处待核对，{counts.info} 条说明
        </dd>
      </dl>
      <ul className="import-notes" aria-label="导入说明">
        {result.notes.map((n, i) => (
          <li key={i} className={`import-note-${n.level}`}>
            <strong>{LEVEL[n.level]}</strong> {n.place}：{n.message}
          </li>
        ))}
      </ul>
      {template.grids.map((g) => (
        <GridView key={g.id} grid={g} values={values} flagged={flagged} notes={noteOf} />
      ))}
      {template.texts.map((t) =>
        report.narrative[t.id] ? (
          <section key={t.id} className="import-text">
            <h4>{t.label}</h4>
            {report.narrative[t.id]!.split('\n').map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </section>
        ) : null,
      )}
    </div>
  );
}

export interface ImportDialogProps {
  store: ImportTarget;
  /** A file handed over (打开文件 or a drop): read as soon as it comes, as if chosen in the picker. */
  request?: ImportRequest | undefined;
  /** Closing is unmounting: what was typed or read goes with the dialog. */
  onClose: () => void;
}

export function ImportDialog({ store, request, onClose }: ImportDialogProps) {
  const drafts = useContext(DraftsContext);
  const [state, setState] = useState<State>({ kind: 'input' });
  const [text, setText] = useState('');
  // The HTML of a browser copy pasted into an empty box: read instead of its text while the box holds just that paste.
  const [pastedHtml, setPastedHtml] = useState<{ html: string; text: string } | null>(null);
  const titleId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const errorLine = useRef<HTMLParagraphElement>(null);

  // The button pressed to read is disabled while reading, so focus fell to <body>: move it to
  // what came of it (the result's heading, or the error) while the modal stays open.
  useEffect(() => {
    if (state.kind === 'read') resultHeading.current?.focus();
    else if (state.kind === 'input' && state.error) errorLine.current?.focus();
  }, [state]);

  async function read(name: string, input: { bytes: Uint8Array } | { text: string; html: string | null }) {
    setState({ kind: 'busy' });
    try {
      const mod = await import('../../import');
      // The worker's and CMaps' asset names are loaded only when the file is a PDF.
      const pdf = async () => {
        const [worker, cmaps] = await Promise.all([import('./pdf-worker'), import('./pdf-cmaps')]);
        return { workerSrc: worker.default, loadCMap: cmaps.loadCMap };
      };
      if ('bytes' in input && input.bytes.length > MAX_BYTES) throw new mod.ImportError(`文件超过 ${MAX_BYTES / 1048576} MB，无法导入`);
      const read =
        'bytes' in input
          ? await mod.readAnySource(input.bytes, name, { pdf })
          : await mod.readPaste({ text: input.text, ...(input.html ? { html: input.html } : {}) });
      const source: SourceDoc = read.doc;
      // The report's own template (by the grid it prints, else its year), not the page's.
      const result = mod.importAny(source, await registry.loadAll(), { form: read.form, ...(read.file ? { file: read.file } : {}) });
      if (!result.recognised) throw new mod.ImportError('没有找到报告的标题、章节或表格数字，不像是一份年度报告');
      setState({ kind: 'read', name, source, result });
    } catch (e) {
      setState({ kind: 'input', error: e instanceof Error && e.name === 'ImportError' ? e.message : `导入失败：${e instanceof Error ? e.message : String(e)}` });
    }
  }

  // A file 打开文件 or a drop handed over (the clerk said yes to importing it), each read once.
  const taken = useRef<ImportRequest | undefined>(undefined);
  useEffect(() => {
    if (!request || taken.current === request) return;
    taken.current = request;
    void read(request.name, { bytes: request.bytes });
  });

  async function create(report: Report, name: string) {
    if (drafts) {
      // The draft open now, if it is a new blank report nothing was put into, is removed on leaving it.
      const open = drafts.session.getState().draftId;
      try {
        await drafts.session.openNew(report, name);
      } catch (e) {
        // Saving is failing (e.g. storage full): keep the dialog and what was read; lose nothing.
        drafts.setNotice({ kind: 'error', text: `无法新建草稿，导入结果仍保留在对话框中：${e instanceof Error ? e.message : String(e)}` });
        return;
      }
      const replaced = !!open && !(await drafts.db.get(open).catch(() => true));
      drafts.setNotice({
        kind: 'info',
        text: replaced
          ? `已导入“${name}”，作为一份新草稿；原来打开的空白报告没有填写内容，已移除`
          : `已导入“${name}”，作为一份新草稿（原有草稿未改动）`,
      });
    } else store.load(report);
    onClose();
  }

  const close = onClose;
  return (
    <Modal labelledBy={titleId} className={state.kind === 'read' ? 'import-dialog import-dialog-read' : 'import-dialog'} onClose={close}>
      <div className="modal-head">
        <h2 id={titleId}>导入已发布的报告</h2>
        <button type="button" className="modal-close" onClick={close}>
          关闭
        </button>
      </div>
      {state.kind === 'read' ? (
        <>
          <h3 ref={resultHeading} tabIndex={-1} className="import-read-heading">
            读取结果：{state.result.report.organ.titleName || state.result.report.organ.name || '（未读出机关名称）'} {state.result.report.year}年
          </h3>
          <p>
            来源：{state.name}。左边是来源内容，右边是读到的内容；标“？”的单元格需要核对。
          </p>
          <div className="import-compare">
            <SourceView source={state.source} />
            <ResultView template={state.result.template} result={state.result} />
          </div>
          <div className="import-actions">
            <button type="button" onClick={() => void create(state.result.report, importedDraftName(state.result.report, state.name))}>
              作为 {state.result.report.year} 年报告打开
            </button>
            <button type="button" onClick={() => void create(nextYearOf(state.result), importedDraftName(state.result.report, state.name, true))}>
              以此为上年报告，开始 {state.result.report.year + 1} 年报告
            </button>
            <button type="button" onClick={() => setState({ kind: 'input' })}>
              换一个来源
            </button>
            <button type="button" onClick={close}>
              取消
            </button>
          </div>
        </>
      ) : (
        <>
          <p>打开已发布报告的文件（Word .docx、PDF、保存的网页或文字文件），或把网页上的报告全文复制后粘贴到下面。</p>
          <label>
            报告文件（.docx、.pdf、.html、.txt）：
            <input
              ref={fileInput}
              type="file"
              accept={ACCEPT}
              disabled={state.kind === 'busy'}
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                if (file.size > MAX_BYTES) return setState({ kind: 'input', error: `文件超过 ${MAX_BYTES / 1048576} MB，无法导入` });
                await read(file.name, { bytes: new Uint8Array(await file.arrayBuffer()) });
                if (fileInput.current) fileInput.current.value = '';
              }}
            />
          </label>
          <label>
            网页上复制的报告文字：
            <textarea
              rows={10}
              value={text}
              onPaste={(e) => {
                const html = e.clipboardData.getData('text/html');
                setPastedHtml(html.trim() && !text.trim() ? { html, text: e.clipboardData.getData('text/plain') } : null);
              }}
              onChange={(e) => {
                setText(e.target.value);
                // Typed over or added to: the box no longer holds just the copy, so its text is what is read.
                if (pastedHtml && e.target.value.replace(/\r\n?/g, '\n') !== pastedHtml.text.replace(/\r\n?/g, '\n')) setPastedHtml(null);
              }}
              disabled={state.kind === 'busy'}
            />
          </label>
          {pastedHtml ? <p className="import-hint">粘贴的内容带有网页格式，将按网页中的表格结构读取。</p> : null}
          {state.kind === 'input' && state.error ? <p role="alert" className="import-error" ref={errorLine} tabIndex={-1}>{state.error}</p> : null}
          {state.kind === 'busy' ? <p role="status">正在读取…</p> : null}
          <div className="import-actions">
            <button type="button" disabled={!text.trim() || state.kind === 'busy'} onClick={() => void read('粘贴的文字', { text, html: pastedHtml?.html ?? null })}>
              读取粘贴的文字
            </button>
            <button type="button" onClick={close}>
              取消
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
