// One unit opened beside the table: its findings (each confirmed or dismissed, with a note), the
// source text as the importer read it, and its grids with the cells of the chosen finding marked.
import { useState } from 'react';
import { cellText, computeValues, LEVEL_NAMES, type ResolvedGrid } from '../../core';
import { DECISION_NAMES, type Decision, type DecisionKind, type ReviewFinding, type ReviewInput, type ReviewUnit } from '../../review';

interface Props {
  unit: ReviewUnit;
  input: ReviewInput;
  text: string;
  decisions: ReadonlyMap<string, Decision>;
  onDecide: (fingerprint: string, decision: DecisionKind | null, note: string) => void;
  onExport: () => void;
  onClose: () => void;
}

function Grid({ grid, values, marked }: { grid: ResolvedGrid; values: ReadonlyMap<string, number | null>; marked: ReadonlySet<string> }) {
  return (
    <table className="review-grid" aria-label={grid.label}>
      <tbody>
        {grid.rows.map((row, r) => (
          <tr key={r}>
            {row.items.map((item, i) =>
              item.type === 'header' ? (
                <th key={i} rowSpan={item.rowSpan > 1 ? item.rowSpan : undefined} colSpan={item.colSpan > 1 ? item.colSpan : undefined}>
                  {item.label}
                </th>
              ) : (
                <td key={i} colSpan={item.colSpan > 1 ? item.colSpan : undefined} className={marked.has(item.id) ? 'marked' : undefined} data-cell={item.id}>
                  {cellText(values.get(item.id))}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FindingRow({ finding, decision, chosen, onChoose, onDecide }: { finding: ReviewFinding; decision: Decision | undefined; chosen: boolean; onChoose: () => void; onDecide: Props['onDecide'] }) {
  const [note, setNote] = useState(decision?.note ?? '');
  const state = decision?.decision ?? 'open';
  return (
    <li className={`review-finding level-${finding.level}${chosen ? ' is-chosen' : ''}`} data-fingerprint={finding.fingerprint}>
      <button type="button" className="review-finding-text" onClick={onChoose}>
        <strong>{LEVEL_NAMES[finding.level]}</strong> {finding.message}
        <small className="rule">（{finding.rule}）</small>
      </button>
      <div className="review-decide" role="group" aria-label={`处理 ${finding.rule}`}>
        <span className="review-state">{DECISION_NAMES[state]}</span>
        <input type="text" aria-label="备注" placeholder="备注（可选）" value={note} onChange={(e) => setNote(e.target.value)} onBlur={() => decision && note !== decision.note && onDecide(finding.fingerprint, decision.decision, note)} />
        <button type="button" aria-pressed={state === 'confirmed'} onClick={() => onDecide(finding.fingerprint, 'confirmed', note)}>
          {DECISION_NAMES.confirmed}
        </button>
        <button type="button" aria-pressed={state === 'dismissed'} onClick={() => onDecide(finding.fingerprint, 'dismissed', note)}>
          {DECISION_NAMES.dismissed}
        </button>
        {decision && (
          <button type="button" onClick={() => onDecide(finding.fingerprint, null, '')}>
            撤销
          </button>
        )}
      </div>
    </li>
  );
}

export function UnitDetail({ unit, input, text, decisions, onDecide, onExport, onClose }: Props) {
  const [chosen, setChosen] = useState<string | null>(unit.findings[0]?.fingerprint ?? null);
  const finding = unit.findings.find((f) => f.fingerprint === chosen);
  const marked = new Set([...(finding?.cells ?? []), ...(finding?.inputs ?? [])]);
  const values = computeValues(input.template, input.report);
  return (
    <section className="review-unit" aria-label={`${unit.organ} ${unit.year}年`}>
      <header>
        <h3>
          {unit.organ || unit.id} {unit.year}年
        </h3>
        <button type="button" onClick={onExport}>
          导出本单位审查意见
        </button>
        <button type="button" onClick={onClose} aria-label="关闭单位">
          ×
        </button>
      </header>
      {unit.previous && <p className="review-previous">对照上年：{unit.previous}</p>}
      <ol className="review-findings" aria-label="问题">
        {unit.findings.map((f) => (
          <FindingRow key={f.fingerprint} finding={f} decision={decisions.get(f.fingerprint)} chosen={f.fingerprint === chosen} onChoose={() => setChosen(f.fingerprint)} onDecide={onDecide} />
        ))}
      </ol>
      <div className="review-sides">
        <div className="review-source" aria-label="原文">
          {text.split('\n').slice(0, 3000).map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
        <div className="review-grids">
          {input.template.grids.map((g) => (
            <Grid key={g.id} grid={g} values={values} marked={marked} />
          ))}
        </div>
      </div>
    </section>
  );
}
