// The facts of the report outside its sections: organ, year, dates and the contact details the
// preface names. react-hook-form owns the inputs (uncontrolled, registered) and validates them
// with the zod schema derived from the template's report schema (facts-schema.ts); a watch
// callback writes each valid field into the store, so a keystroke re-renders no part of the form.
// Invalid input stays in its field with a Chinese message naming the field, the value and what the
// report still holds; nothing is dropped or changed. Opening a report resets the fields.
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useForm, useFormState, useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { deadlineOf, formatDate } from '../../core';
import { dateRangeProblem, factLabels, factsError, factsOf, factsSchema, shownFact, withFact, FACT_FIELDS, type FactField, type FactsParsed, type FactsValues } from './facts-schema';
import { domId } from '../places';
import { useSlice, useStore } from '../use-store';

export const FACTS_LEGEND = '报告基本信息';

/** Labels by field, from the report schema (see factLabels). */
const LabelsContext = createContext<Record<FactField, string> | null>(null);
const useLabels = () => useContext(LabelsContext)!;

interface FieldProps {
  field: FactField;
  control: Control<FactsValues, unknown, FactsParsed>;
  register: UseFormRegister<FactsValues>;
  type?: string;
  inputMode?: 'numeric';
  hint?: ReactNode;
  children?: ReactNode;
}

/** The message of an invalid field: the field, the text as typed, why, and what the report still holds. */
function FactError({ field, control, message, id }: { field: FactField; control: Control<FactsValues, unknown, FactsParsed>; message: string; id: string }) {
  const store = useStore();
  const labels = useLabels();
  const text = useWatch({ control, name: field });
  return (
    <p className="field-error" id={id}>
      {labels[field]}“{text}”无效：{message}（报告中仍为 {shownFact(store.getState().report, field)}）
    </p>
  );
}

/** One field: re-renders only when its own error changes. */
function Fact({ field, control, register, type = 'text', inputMode, hint, children }: FieldProps) {
  const { errors } = useFormState({ control, name: field, exact: true });
  const error = errors[field];
  const labels = useLabels();
  const id = domId.fact(field);
  const errorId = `${id}-error`;
  const a11y = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined };
  return (
    <div className="field">
      <label htmlFor={id}>{labels[field]}</label>
      {children ? (
        <select {...a11y} {...register(field)}>
          {children}
        </select>
      ) : (
        <input {...a11y} type={type} inputMode={inputMode} autoComplete="off" {...register(field)} />
      )}
      {error && <FactError field={field} control={control} message={error.message ?? ''} id={errorId} />}
      {hint}
    </div>
  );
}

/** The deadline the report uses when the field is left empty (by level and year). */
function DeadlineHint() {
  const store = useStore();
  const deadline = useSlice((s) => (s.report.dates.deadline ? null : deadlineOf({ template: store.template, report: s.report })));
  return deadline ? <p className="field-hint">未填写，按 {formatDate(deadline)} 检查</p> : null;
}

export function FactsFields() {
  const store = useStore();
  const schema = useMemo(() => factsSchema(store.template), [store.template]);
  const labels = useMemo(() => factLabels(store.template), [store.template]);
  const { register, control, subscribe, reset } = useForm<FactsValues, unknown, FactsParsed>({
    mode: 'onChange',
    defaultValues: factsOf(store.getState().report),
    resolver: zodResolver(schema, { error: factsError }),
  });

  // Each valid change goes to the store; an invalid one stays in the field with its message.
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values, name }) => {
          if (!name || !(FACT_FIELDS as readonly string[]).includes(name)) return;
          const field = name as FactField;
          const raw = values[field] ?? '';
          const parsed = schema.shape[field].safeParse(raw, { error: factsError });
          const outOfRange = parsed.success ? dateRangeProblem(store.template, field, parsed.data, store.getState().report.year) : null;
          if (outOfRange) store.setFieldRefusal(field, { raw, why: outOfRange, label: `${FACTS_LEGEND} · ${labels[field]}` });
          else if (parsed.success) {
            store.update((r) => withFact(r, field, parsed.data));
            store.setFieldRefusal(field, null);
          } else {
            // Counted with the refused cells as an error (findings panel, reports list) until fixed.
            const message = parsed.error.issues[0]?.message ?? '';
            store.setFieldRefusal(field, { raw, why: message, label: `${FACTS_LEGEND} · ${labels[field]}` });
          }
        },
      }),
    [subscribe, schema, labels, store],
  );

  // Opening a report (a draft, a file, next year's) puts its facts in the fields.
  const loads = useSlice((s) => s.loads);
  useEffect(() => {
    if (loads > 0) reset(factsOf(store.getState().report));
  }, [loads, reset, store]);

  const levels = store.template.spec.organLevels;
  const props = { control, register };
  return (
    <LabelsContext.Provider value={labels}>
    <fieldset className="facts">
      <legend>{FACTS_LEGEND}</legend>
      <Fact field="name" {...props} />
      <Fact field="titleName" {...props} />
      <Fact field="level" {...props}>
        <option value="">（请选择）</option>
        {levels.map((l) => (
          <option key={l.id} value={l.id}>
            {l.label}
          </option>
        ))}
      </Fact>
      <Fact field="year" inputMode="numeric" {...props} />
      <Fact field="written" type="date" {...props} />
      <Fact field="deadline" type="date" hint={<DeadlineHint />} {...props} />
      <Fact field="office" {...props} />
      <Fact field="phone" {...props} />
      <Fact field="email" type="email" {...props} />
      <Fact field="website" {...props} />
    </fieldset>
    </LabelsContext.Provider>
  );
}
