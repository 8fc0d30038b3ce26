// The first screen of a new, empty report: what to do first, in order. It can be closed, and it
// is not shown once the report has any content (a name, a number, a text).
import { useState } from 'react';
import type { Report } from '../../core';
import type { ReportStore } from '../../store/report-store';
import { useSliceOf } from '../use-store';

const DISMISSED = 'nianbao-first-steps-closed';

/** A report with nothing typed yet: no organ, no value, no text, no contact. */
export function isEmptyReport(report: Report): boolean {
  if (report.organ.name.trim() || report.organ.titleName?.trim()) return false;
  if (Object.values(report.values).some((v) => v != null)) return false;
  if (Object.values(report.narrative).some((t) => !!t?.trim())) return false;
  return !Object.values(report.contact).some((v) => !!v.trim());
}

function _dismissed(): boolean {
  try {
    return window.localStorage.getItem(DISMISSED) === '1';
  } catch {
    return false;
  }
}

export function FirstSteps({ store }: { store: ReportStore }) {
  const empty = useSliceOf(store, (s) => isEmptyReport(s.report));
  const [closed, setClosed] = useState(_dismissed);
  if (!empty || closed) return null;
  const close = () => {
    setClosed(true);
    try {
      window.localStorage.setItem(DISMISSED, '1');
    } catch {
      /* storage disabled: closed for this page only */
    }
  };
  return (
    <section className="first-steps" aria-labelledby="first-steps-h">
      <h2 id="first-steps-h">从这里开始</h2>
      <ol>
        <li>在“报告基本信息”中填写机关名称和年度；</li>
        <li>逐节填写文字和表格（Tab 键到下一格，可从 Excel/WPS 表格整块粘贴）；</li>
        <li>看右侧的“检查结果”，点一条即可跳到对应的格子；</li>
        <li>切换到“预览”查看成文效果；</li>
        <li>用“导出 Word 文档”得到正式文档。</li>
      </ol>
      <p>
        也可以用“导入已发布的报告”读入上一年已发布的报告，从它开始（上年结转和文字会带过来）。所填内容自动保存在本机浏览器中。
      </p>
      <button type="button" onClick={close}>
        知道了，不再显示
      </button>
    </section>
  );
}
