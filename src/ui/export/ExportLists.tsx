// What the export says in lists: the errors that refuse a final export, the warnings to confirm
// (grouped by section), and the refused inputs a draft went out with. Each item is a button that
// leads to its place; a list can shrink to one line so it does not hide the place it leads to.
import { useEffect, useRef } from 'react';
import { LEVEL_NAMES, blockingText, refusalLine, type Finding, type Place, type Template } from '../../core';
import type { ReportState } from '../../store/report-store';

/** How many refusing errors are listed; the findings panel has them all. */
export const LISTED_ERRORS = 10;

/** Warnings grouped by the section they belong to, in the template's order (others last). */
export function warningGroups(template: Template, findings: readonly Finding[]): { section: string; label: string; findings: Finding[] }[] {
  const order = [...template.texts.filter((t) => !t.section).map((t) => ({ id: t.id, label: t.label })), ...template.spec.sections.map((s) => ({ id: s.id, label: s.label }))];
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const slot = f.text ? template.texts.find((t) => t.id === f.text) : undefined;
    const key = f.section ?? slot?.section?.id ?? f.text ?? '';
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const rank = (id: string) => {
    const i = order.findIndex((o) => o.id === id);
    return i < 0 ? order.length : i;
  };
  return [...groups]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([section, list]) => ({ section, label: order.find((o) => o.id === section)?.label ?? '其他', findings: list }));
}

/** A stable list key for a place. */
export const placeKey = (p: Place) => (p.kind === 'cell' ? `cell:${p.cell}` : p.kind === 'text' ? `text:${p.slot}` : `fact:${p.field}`);

/** Places the clerk can jump to: each item a button leading to its cell or field. */
export function ItemList({ items }: { items: readonly { key: string; text: string; go: () => void }[] }) {
  return (
    <ul>
      {items.map((it) => (
        <li key={it.key}>
          <button type="button" className="export-item" onClick={it.go}>
            {it.text}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** 显示列表 / 收起列表: the list of a shrunk box. */
function ExpandButton({ collapsed, count, onExpand }: { collapsed: boolean; count: number; onExpand: (collapsed: boolean) => void }) {
  return (
    <button type="button" className="export-expand" aria-expanded={!collapsed} onClick={() => onExpand(!collapsed)}>
      {collapsed ? `显示列表（${count}）` : '收起列表'}
    </button>
  );
}

export function Refused(props: {
  state: ReportState;
  collapsed: boolean;
  onExpand: (collapsed: boolean) => void;
  onPlace: (place: Place | null | undefined) => void;
  onClose: () => void;
}) {
  const { state, collapsed, onExpand, onPlace, onClose } = props;
  // What stops a final document (error findings and refused inputs, unfinished items among them),
  // said with the counts the findings panel shows: 3 个错误、158 项未完成.
  const { verdict } = state;
  const count = verdict.counts.errors;
  const items = [
    ...verdict.refused.map((r) => ({ key: placeKey(r.place), text: refusalLine(r), go: () => onPlace(r.place) })),
    ...verdict.errors.map((f, i) => ({ key: `${f.rule}:${i}`, text: `${f.rule} ${f.message}`, go: () => onPlace(f.place) })),
  ];
  const listed = items.slice(0, LISTED_ERRORS);
  return (
    <div role="alert" className={collapsed ? 'export-refused export-collapsed' : 'export-refused'}>
      {count > 0 ? (
        <p>有 {blockingText(verdict.shown)}，不能导出正式文档。{collapsed ? '' : '请先改正（点击一项转到该处），或导出草稿：'}</p>
      ) : (
        <p>错误已全部改正，可以再次导出 Word 文档。</p>
      )}
      {count > 0 && !collapsed && (
        <ItemList items={listed} />
      )}
      {count > LISTED_ERRORS && !collapsed && <p>另有 {count - LISTED_ERRORS} 项，见检查结果。</p>}
      <div className="export-buttons">
        {count > 0 && (collapsed || listed.length > 0) && <ExpandButton collapsed={collapsed} count={listed.length} onExpand={onExpand} />}
        <button type="button" onClick={onClose}>
          关闭
        </button>
      </div>
    </div>
  );
}

export function Confirm(props: {
  template: Template;
  state: ReportState;
  errors: number;
  collapsed: boolean;
  onExpand: (collapsed: boolean) => void;
  onPlace: (place: Place | null | undefined) => void;
  onExport: () => void;
  onBack: () => void;
}) {
  // The safe answer has focus when the question appears; Escape means it too.
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  const warnings = props.state.verdict.warnings;
  const groups = warningGroups(props.template, warnings);
  return (
    <div role="alertdialog" aria-labelledby="export-confirm-q" className={props.collapsed ? 'export-confirm export-collapsed' : 'export-confirm'}>
      <p>
        尚有 {warnings.length} 条{LEVEL_NAMES.warning}（按定稿检查）{props.collapsed ? '。' : '，请核对（点击一项转到该处）：'}
      </p>
      {!props.collapsed &&
        groups.map((g) => (
          <section key={g.section} className="export-group" aria-label={g.label}>
            <h3>{g.label}</h3>
            <ItemList items={g.findings.map((f, i) => ({ key: `${f.rule}:${i}`, text: `${f.rule} ${f.message}`, go: () => props.onPlace(f.place) }))} />
          </section>
        ))}
      {props.errors > 0 && <p>另有 {props.errors} 个错误，导出时会被拒绝。</p>}
      <p id="export-confirm-q" className="export-question">
        仍要导出吗？
      </p>
      <div className="export-buttons">
        <button type="button" onClick={props.onExport}>
          仍然导出
        </button>
        <button type="button" ref={back} onClick={props.onBack}>
          返回修改
        </button>
        <ExpandButton collapsed={props.collapsed} count={warnings.length} onExpand={props.onExpand} />
      </div>
    </div>
  );
}
