// The reports list: every draft with 机关, 年度, 最后修改, 状态 (草稿 / 已定稿 / 已导出, the date and
// the file, see drafts/draft-state.ts) and 错误数; open, duplicate, rename and delete (asked first,
// then undoable; the trash keeps drafts for TRASH_DAYS and can restore them).
import { useEffect, useState } from 'react';
import { createReport } from '../../core';
import { registry } from '../shell/templates';
import { useDrafts, useSession } from './context';
import { TRASH_DAYS, type DraftSummary } from '../../drafts/db';
import { stateText } from './state-text';

const when = (t: number) => new Date(t).toLocaleString('zh-CN', { hour12: false });
import { draftTitle, REPORTS_LIST_HEADING } from './draft-title';

export function ReportsList({ onOpened, onClose }: { onOpened?: () => void; onClose?: () => void }) {
  const { db, session, store, setNotice } = useDrafts();
  const { draftId, listVersion } = useSession();
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [localVersion, setLocalVersion] = useState(0);

  useEffect(() => {
    let stale = false;
    void db.list().then((d) => !stale && setDrafts(d), () => !stale && setDrafts([]));
    return () => {
      stale = true;
    };
  }, [db, listVersion, localVersion]);

  const changed = () => {
    session.listChanged();
    setLocalVersion((v) => v + 1);
  };

  const open = async (id: string) => {
    const r = await session.open(id);
    if (!r.ok) setNotice({ kind: 'error', text: '无法打开这份草稿：', problems: r.problems });
    else onOpened?.();
  };

  const remove = async (d: DraftSummary) => {
    setAsking(null);
    await db.remove(d.id);
    const wasOpen = d.id === draftId;
    let now = '';
    let blank: { id: string; rev: number } | undefined;
    if (wasOpen) {
      // The open draft went to the trash: continue in the most recent other one, or a new blank one.
      const next = (await db.list()).find((x) => x.deletedAt === null);
      const opened = next ? (await session.open(next.id)).ok : false;
      if (opened && next) now = `现在打开的是“${draftTitle(next)}”`;
      else {
        const created = await session.openNew(createReport(registry.forYear(d.year) ?? store.template, d.year)).catch(() => undefined);
        if (created) {
          blank = { id: created.id, rev: created.rev };
          now = `已新建一份 ${d.year} 年度的空白报告并打开`;
        }
      }
    }
    changed();
    setNotice({
      kind: 'info',
      text: `已删除“${draftTitle(d)}”（回收站保留 ${TRASH_DAYS} 天）${now ? `。${now}` : ''}`,
      action: { label: '撤销', run: () => void undo(d, wasOpen, blank) },
    });
  };

  /** Undo a delete: restore the draft and, if it was the open one, open it again. */
  const undo = async (d: DraftSummary, wasOpen: boolean, blank?: { id: string; rev: number }) => {
    await db.restore(d.id);
    if (wasOpen) {
      const r = await session.open(d.id);
      if (!r.ok) {
        changed();
        setNotice({ kind: 'error', text: `已恢复“${draftTitle(d)}”，但无法打开：`, problems: r.problems });
        return;
      }
      // The blank report opened in its place, if nothing was typed into it, goes to the trash too.
      const b = blank && (await db.get(blank.id));
      if (b && b.rev === blank!.rev && b.deletedAt === null) await db.remove(b.id);
      setNotice({ kind: 'info', text: `已恢复并重新打开“${draftTitle(d)}”` });
    } else setNotice({ kind: 'info', text: `已恢复“${draftTitle(d)}”` });
    changed();
  };

  if (!drafts) return <p role="status">正在读取报告列表…</p>;
  const live = drafts.filter((d) => d.deletedAt === null);
  const trash = drafts.filter((d) => d.deletedAt !== null);
  return (
    <section className="reports-list" aria-labelledby={REPORTS_LIST_HEADING}>
      <div className="modal-head">
        <h2 id={REPORTS_LIST_HEADING}>报告列表</h2>
        {onClose && (
          <button type="button" className="modal-close" onClick={onClose}>
            关闭
          </button>
        )}
      </div>
      <table>
        <thead>
          <tr>
            <th scope="col">名称</th>
            <th scope="col">机关</th>
            <th scope="col">年度</th>
            <th scope="col">最后修改</th>
            <th scope="col">状态</th>
            <th scope="col">错误数</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {live.map((d) => (
            <tr key={d.id} aria-current={d.id === draftId ? 'true' : undefined} data-draft={d.id}>
              <th scope="row">
                {renaming?.id === d.id ? (
                  <form
                    onSubmit={(e) => {
                      e.preventDefault();
                      void db.rename(d.id, renaming.name).then(changed);
                      setRenaming(null);
                    }}
                  >
                    <input aria-label="新名称" value={renaming.name} maxLength={200} autoFocus onChange={(e) => setRenaming({ id: d.id, name: e.target.value })} />
                    <button type="submit">确定</button>
                    <button type="button" onClick={() => setRenaming(null)}>
                      取消
                    </button>
                  </form>
                ) : (
                  <>
                    {draftTitle(d)}
                    {d.id === draftId && <span className="reports-current">（正在编辑）</span>}
                  </>
                )}
              </th>
              <td>{d.organ}</td>
              <td>{d.year}</td>
              <td>{when(d.modified)}</td>
              <StateCell d={d} />
              <td>{d.errors}</td>
              <td>
                {d.id !== draftId && (
                  <button type="button" onClick={() => void open(d.id)}>
                    打开
                  </button>
                )}
                <button type="button" onClick={() => void db.duplicate(d.id, `${draftTitle(d)}（副本）`).then(changed)}>
                  复制
                </button>
                <button type="button" onClick={() => setRenaming({ id: d.id, name: d.name || draftTitle(d) })}>
                  重命名
                </button>
                {asking === d.id ? (
                  <span role="group" aria-label="确认删除">
                    确定删除“{draftTitle(d)}”？
                    <button type="button" onClick={() => void remove(d)}>
                      确定删除
                    </button>
                    <button type="button" onClick={() => setAsking(null)}>
                      取消
                    </button>
                  </span>
                ) : (
                  <button type="button" onClick={() => setAsking(d.id)}>
                    删除
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {trash.length > 0 && (
        <details className="reports-trash">
          <summary>回收站（{trash.length}，保留 {TRASH_DAYS} 天）</summary>
          <ul>
            {trash.map((d) => (
              <li key={d.id}>
                {draftTitle(d)}，删除于 {when(d.deletedAt!)}
                <button type="button" onClick={() => void db.restore(d.id).then(changed)}>
                  恢复
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function StateCell({ d }: { d: DraftSummary }) {
  const { label, detail, file } = stateText(d.state);
  return (
    <td className={`reports-state reports-state-${d.state.kind}`} title={file ? `导出的文件：${file}` : undefined}>
      <strong>{label}</strong>
      {detail && <span className="reports-state-detail">{detail}</span>}
      {file && <span className="reports-state-file">“{file}”</span>}
    </td>
  );
}
