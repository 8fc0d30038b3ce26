// The one table of units: sortable by its column heads, a checkbox per unit for the 汇总, the
// organ's name opening the unit. Only the rows in view (and a margin) are rendered, between two
// spacer rows of the right height, so a thousand units scroll smoothly.
import { useState } from 'react';
import { LEVEL_NAMES } from '../../core';
import { DECISION_NAMES, UNIT_COLUMNS, lateWord, triageCounts, type Decision, type ReviewUnit } from '../../review';

export type SortKey = 'organ' | 'year' | 'errors' | 'warnings' | 'certainty' | 'shown' | 'open';
export interface Sort {
  key: SortKey;
  down: boolean;
}

export function sortValue(u: ReviewUnit, key: SortKey, open: number): string | number {
  switch (key) {
    case 'organ':
      return u.organ;
    case 'year':
      return u.year;
    case 'errors':
      return u.counts.errors;
    case 'warnings':
      return u.counts.warnings;
    case 'certainty':
      return u.unread.length + u.uncertain.length;
    case 'shown':
      return u.shown ?? '';
    case 'open':
      return open;
  }
}

interface Props {
  units: ReviewUnit[];
  open: string | null;
  onOpen: (id: string) => void;
  excluded: ReadonlySet<string>;
  onExclude: (next: Set<string>) => void;
  sort: Sort;
  onSort: (s: Sort) => void;
  decisions: ReadonlyMap<string, Decision>;
}

/** Row height in px (fixed in review.css), rows kept above and below the view, and the view's height. */
const ROW = 28;
const MARGIN = 20;
const VIEW = 700;

export function UnitsTable({ units, open, onOpen, excluded, onExclude, sort, onSort, decisions }: Props) {
  const [top, setTop] = useState(0);
  const first = Math.max(0, Math.floor(top / ROW) - MARGIN);
  const last = Math.min(units.length, Math.ceil((top + VIEW) / ROW) + MARGIN);
  const th = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.down ? 'descending' : 'ascending') : 'none'}>
      <button type="button" onClick={() => onSort({ key, down: sort.key === key ? !sort.down : true })}>
        {label}
      </button>
    </th>
  );
  return (
    <div className="review-units-scroll" style={{ maxHeight: VIEW }} onScroll={(e) => setTop(e.currentTarget.scrollTop)}>
      <table className="review-units" aria-label="单位">
        <thead>
          <tr>
            <th scope="col">汇总</th>
            {th('organ', UNIT_COLUMNS.organ)}
            <th scope="col">{UNIT_COLUMNS.level}</th>
            {th('year', UNIT_COLUMNS.year)}
            <th scope="col">{UNIT_COLUMNS.template}</th>
            {th('errors', LEVEL_NAMES.error)}
            {th('warnings', LEVEL_NAMES.warning)}
            {th('certainty', '未读出/不确定')}
            {th('shown', UNIT_COLUMNS.shown)}
            <th scope="col">{UNIT_COLUMNS.late}</th>
            {th('open', DECISION_NAMES.open)}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr className="spacer" aria-hidden="true" style={{ height: first * ROW }} />}
          {units.slice(first, last).map((u) => (
            <tr key={u.id} aria-selected={u.id === open} className={u.id === open ? 'is-open' : undefined}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`汇总时计入 ${u.organ}`}
                  checked={!excluded.has(u.id)}
                  onChange={(e) => {
                    const next = new Set(excluded);
                    if (e.target.checked) next.delete(u.id);
                    else next.add(u.id);
                    onExclude(next);
                  }}
                />
              </td>
              <th scope="row">
                <button type="button" className="review-open" onClick={() => onOpen(u.id)}>
                  {u.organ || u.id}
                </button>
              </th>
              <td>{u.levelLabel}</td>
              <td>{u.year}</td>
              <td title={u.templateName}>{/（(.+)）/.exec(u.templateName)?.[1] ?? u.templateName}</td>
              <td className="num">{u.counts.errors}</td>
              <td className="num">{u.counts.warnings}</td>
              <td className="num">
                {u.unread.length}/{u.uncertain.length}
              </td>
              <td>{u.shown ?? ''}</td>
              <td className={u.late ? 'late' : undefined}>{lateWord(u)}</td>
              <td className="num">{triageCounts(u, decisions).open}</td>
            </tr>
          ))}
          {last < units.length && <tr className="spacer" aria-hidden="true" style={{ height: (units.length - last) * ROW }} />}
        </tbody>
      </table>
    </div>
  );
}
