// What the drafts session had to do for the clerk: the open report failed the report schema (a
// draft stored by an older version, an import that read an impossible date or an over-long text)
// and was opened repaired, with every change and its original value shown in full to copy back;
// or typing went on in this tab after another tab saved the draft, and went into a copy.
import { useState } from 'react';
import { useSession } from './context';

export function RepairNotes() {
  const { repairs, keptAsCopy, draftId } = useSession();
  const [dismissed, setDismissed] = useState<unknown>(null);
  return (
    <>
      {keptAsCopy && dismissed !== keptAsCopy && (
        <div className="drafts-notice" role="status">
          <p>
            另一个标签页保存了这份草稿，本标签页之后输入的内容已保存为新草稿“{keptAsCopy}”，现在编辑的就是它；两个版本都在报告列表中。
            <button type="button" onClick={() => setDismissed(keptAsCopy)}>
              知道了
            </button>
          </p>
        </div>
      )}
      {repairs.length > 0 && dismissed !== repairs && (
        <section className="drafts-notice drafts-notice-error drafts-repairs" role="alert" aria-label="报告已修复后打开" data-draft={draftId ?? ''}>
          <p>
            这份报告有不符合报告格式的内容，已修改后打开，改动如下；原来的内容都在下面，需要的请复制回去。开始编辑后将按修改后的内容保存。
            <button type="button" onClick={() => setDismissed(repairs)}>
              知道了
            </button>
          </p>
          <ul className="drafts-problems">
            {repairs.map((n, i) => (
              <li key={i}>
                {n.message}
                <details>
                  <summary>原来的内容（{n.original.length} 字）</summary>
                  <textarea readOnly rows={Math.min(8, 1 + Math.ceil(n.original.length / 60))} cols={60} value={n.original} aria-label={`${n.path} 原来的内容`} />
                </details>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
