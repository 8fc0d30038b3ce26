// The 信息处理费 facts of section 六 (labels from the template) and the sentence they produce.
import { useState } from 'react';
import { feeSentence, parseCellInput, type CellKind, type Report } from '../../core';
import { useSlice, useStore } from '../use-store';
import { domId } from '../places';

type FeeNumber = 'notices' | 'amount' | 'collectedAmount';

function FeeNumberInput({ field, kind }: { field: FeeNumber; kind: CellKind }) {
  const store = useStore();
  const { labels, label: feeLabel } = store.template.spec.fee;
  const value = useSlice((s) => s.report.fee[field]);
  const [text, setText] = useState(value == null ? '' : String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    const p = parseCellInput(text, kind);
    if (!p.ok || p.value !== value) setText(value == null ? '' : String(value));
  }
  const parsed = parseCellInput(text, kind);
  const id = domId.fee(field);
  return (
    <div className="field">
      <label htmlFor={id}>{labels[field]}</label>
      <input
        id={id}
        inputMode={kind === 'amount' ? 'decimal' : 'numeric'}
        value={text}
        aria-invalid={parsed.ok ? undefined : true}
        aria-describedby={parsed.ok ? undefined : `${id}-error`}
        onChange={(e) => {
          setText(e.target.value);
          const p = parseCellInput(e.target.value, kind);
          if (p.ok) {
            setShown(p.value);
            store.update((r): Report => ({ ...r, fee: { ...r.fee, [field]: p.value } }));
          }
        }}
      />
      {!parsed.ok && (
        <p className="field-error" id={`${id}-error`}>
          {feeLabel} · {labels[field]}：{parsed.reason}（未保存）
        </p>
      )}
    </div>
  );
}

export function FeeFields() {
  const store = useStore();
  const { labels, label } = store.template.spec.fee;
  const status = useSlice((s) => s.report.fee.status);
  const sentence = useSlice((s) => feeSentence(store.template, s.report));
  const setStatus = (v: 'none' | 'collected') => store.update((r) => ({ ...r, fee: { ...r.fee, status: v } }));
  return (
    <fieldset className="fee">
      <legend>{labels.status}</legend>
      <label className="choice">
        <input type="radio" name="fee-status" checked={status === 'none'} onChange={() => setStatus('none')} /> {labels.none}
      </label>
      <label className="choice">
        <input type="radio" name="fee-status" checked={status === 'collected'} onChange={() => setStatus('collected')} /> {labels.collected}
      </label>
      {status === 'collected' && (
        <div className="fee-numbers">
          <FeeNumberInput field="notices" kind="count" />
          <FeeNumberInput field="amount" kind="amount" />
          <FeeNumberInput field="collectedAmount" kind="amount" />
        </div>
      )}
      <p className="fee-sentence" aria-live="polite">
        {sentence ? `报告中将写明：${sentence}` : `尚未填写${label}收取情况。`}
      </p>
    </fieldset>
  );
}
