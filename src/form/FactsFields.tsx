// The facts of the report outside its sections: organ, year, dates and the contact details the
// preface names. A year that is not a valid year is kept in the field and explained, not dropped.
import { useState, type ReactNode } from 'react';
import type { Report } from '../core';
import { useSlice, useStore } from './use-store';

function Field({ id, label, children, note }: { id: string; label: string; children: ReactNode; note?: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {note}
    </div>
  );
}

function TextInput({ id, label, get, set, placeholder, type = 'text' }: { id: string; label: string; get: (r: Report) => string; set: (r: Report, v: string) => Report; placeholder?: string; type?: string }) {
  const store = useStore();
  const value = useSlice((s) => get(s.report));
  return (
    <Field id={id} label={label}>
      <input id={id} type={type} value={value} placeholder={placeholder} onChange={(e) => store.update((r) => set(r, e.target.value))} />
    </Field>
  );
}

function YearInput() {
  const store = useStore();
  const year = useSlice((s) => s.report.year);
  const [text, setText] = useState(String(year));
  const [shown, setShown] = useState(year);
  if (shown !== year) {
    setShown(year);
    setText(String(year));
  }
  const n = Number(text.trim());
  const problem = /^\d{4}$/.test(text.trim()) && n >= 2000 && n <= 2100 ? null : `年度“${text}”无效：请填 2000 至 2100 之间的四位年份（报告仍为 ${year} 年）`;
  return (
    <Field id="fact-year" label="报告年度" note={problem && <p className="field-error" id="fact-year-error">{problem}</p>}>
      <input
        id="fact-year"
        inputMode="numeric"
        value={text}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? 'fact-year-error' : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const v = e.target.value.trim();
          const y = Number(v);
          if (/^\d{4}$/.test(v) && y >= 2000 && y <= 2100) {
            setShown(y);
            store.update((r) => ({ ...r, year: y }));
          }
        }}
      />
    </Field>
  );
}

export function FactsFields() {
  const store = useStore();
  const levels = store.template.spec.organLevels;
  const level = useSlice((s) => s.report.organ.level);
  return (
    <fieldset className="facts">
      <legend>报告基本信息</legend>
      <TextInput id="fact-organ" label="机关名称（发文机关署名）" get={(r) => r.organ.name} set={(r, v) => ({ ...r, organ: { ...r.organ, name: v } })} />
      <TextInput id="fact-title-name" label="标题中的机关名称（不填则用机关名称）" get={(r) => r.organ.titleName ?? ''} set={(r, v) => ({ ...r, organ: { ...r.organ, titleName: v || undefined } })} />
      <Field id="fact-level" label="机关层级">
        <select id="fact-level" value={level ?? ''} onChange={(e) => store.update((r) => ({ ...r, organ: { ...r.organ, level: e.target.value || null } }))}>
          <option value="">（请选择）</option>
          {levels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </select>
      </Field>
      <YearInput />
      <TextInput id="fact-written" type="date" label="成文日期" get={(r) => r.dates.written ?? ''} set={(r, v) => ({ ...r, dates: { ...r.dates, written: v || null } })} />
      <TextInput id="fact-deadline" type="date" label="公开期限（不填则按模板默认）" get={(r) => r.dates.deadline ?? ''} set={(r, v) => ({ ...r, dates: { ...r.dates, deadline: v || null } })} />
      <TextInput id="fact-office" label="联系单位" get={(r) => r.contact.office} set={(r, v) => ({ ...r, contact: { ...r.contact, office: v } })} />
      <TextInput id="fact-phone" label="联系电话" get={(r) => r.contact.phone} set={(r, v) => ({ ...r, contact: { ...r.contact, phone: v } })} />
      <TextInput id="fact-email" label="电子邮箱" get={(r) => r.contact.email} set={(r, v) => ({ ...r, contact: { ...r.contact, email: v } })} />
      <TextInput id="fact-website" label="电子版发布网址" get={(r) => r.contact.website} set={(r, v) => ({ ...r, contact: { ...r.contact, website: v } })} />
    </fieldset>
  );
}
