// The facts of the report outside its sections: organ, year, dates and the contact details the
// preface names. react-hook-form owns the inputs (uncontrolled, registered) and validates them
// with the zod schema derived from the template's report schema (facts-schema.ts); a watch
// callback writes each valid field into the store, so a keystroke re-renders no part of the form.
// Invalid input stays in its field with a Chinese message naming the field, the value and what the
// report still holds; nothing is dropped or changed. Opening a report resets the fields.
// The schema loads on demand (load-facts-schema.ts), when the browser is first idle: the fields
// and their labels (core/report/fact-titles.ts) need no zod, and what is typed before it arrives
// is checked, and reaches the store, as soon as it does.
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useForm, useFormState, useWatch, type Control, type Resolver, type UseFormRegister } from 'react-hook-form';
import { deadlineOf, formatDate, isFactField } from '../../core';
import { FACT_TITLES } from '../../core/report/fact-titles';
import type { FactsParsed } from './facts-schema';
import { factsOf, shownFact, withFact, type FactField, type FactsValues } from './facts-values';
import { FACTS_CHECK, factsSchemaModule } from './load-facts-schema';
import { loadFailure, whenIdle } from '../on-demand';
import { domId } from '../places';
import { useSlice, useStore } from '../use-store';

type FactsSchemaModule = typeof import('./facts-schema');

export const FACTS_LEGEND = '报告基本信息';

/** The error type of a field whose check could not be fetched (its value is not in the report yet). */
const UNCHECKED = 'unchecked';

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
function FactError({ field, control, message, unchecked, id }: { field: FactField; control: Control<FactsValues, unknown, FactsParsed>; message: string; unchecked: boolean; id: string }) {
  const store = useStore();
  const text = useWatch({ control, name: field });
  return (
    <p className="field-error" id={id}>
      {FACT_TITLES[field]}“{text}”{unchecked ? '尚未记入报告' : '无效'}：{message}（报告中仍为 {shownFact(store.getState().report, field)}）
    </p>
  );
}

/** One field: re-renders only when its own error changes. */
function Fact({ field, control, register, type = 'text', inputMode, hint, children }: FieldProps) {
  const { errors } = useFormState({ control, name: field, exact: true });
  const error = errors[field];
  const id = domId.fact(field);
  const errorId = `${id}-error`;
  const a11y = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined };
  return (
    <div className="field">
      <label htmlFor={id}>{FACT_TITLES[field]}</label>
      {children ? (
        <select {...a11y} {...register(field)}>
          {children}
        </select>
      ) : (
        <input {...a11y} type={type} inputMode={inputMode} autoComplete="off" {...register(field)} />
      )}
      {error && <FactError field={field} control={control} message={error.message ?? ''} unchecked={error.type === UNCHECKED} id={errorId} />}
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
  const { template } = store;
  // Asynchronous like zodResolver itself: the first check waits for the schema, later ones do not.
  const resolver = useMemo<Resolver<FactsValues, unknown, FactsParsed>>(
    () => async (values, context, options) => {
      try {
        return (await factsSchemaModule.load()).factsResolver(template)(values, context, options);
      } catch (e) {
        const error = { type: UNCHECKED, message: loadFailure(FACTS_CHECK, e) };
        return { values: {}, errors: Object.fromEntries((options.names ?? []).map((name) => [name, error])) };
      }
    },
    [template],
  );
  const { register, control, subscribe, reset, getValues } = useForm<FactsValues, unknown, FactsParsed>({
    mode: 'onChange',
    defaultValues: factsOf(store.getState().report),
    resolver,
  });
  useEffect(() => whenIdle(() => void factsSchemaModule.load().catch(() => undefined)), []);

  // Fields changed before the schema arrived, in the order first changed: checked when it does.
  const waiting = useRef(new Set<FactField>());

  // Each valid change goes to the store; an invalid one stays in the field with its message.
  useEffect(() => {
    let live = true;
    const record = (facts: FactsSchemaModule, field: FactField, raw: string) => {
      const parsed = facts.parseFact(template, field, raw, store.getState().report.year);
      if (parsed.ok) {
        store.update((r) => withFact(r, field, parsed.value));
        store.setFieldRefusal(field, null);
      } else {
        // Counted with the refused cells as an error (findings panel, reports list) until fixed.
        store.setFieldRefusal(field, { raw, why: parsed.why, label: `${FACTS_LEGEND} · ${FACT_TITLES[field]}` });
      }
    };
    const unsubscribe = subscribe({
      formState: { values: true },
      callback: ({ values, name }) => {
        if (!name || !isFactField(name)) return;
        const facts = factsSchemaModule.current;
        if (facts) return record(facts, name, values[name] ?? '');
        waiting.current.add(name);
        factsSchemaModule.load().then(
          (loaded) => {
            if (!live) return;
            for (const field of waiting.current) record(loaded, field, getValues(field) ?? '');
            waiting.current.clear();
          },
          (e: unknown) => {
            // Not in the report yet, and counted as an error until it is: the next change tries again.
            if (!live) return;
            const why = loadFailure(FACTS_CHECK, e);
            for (const field of waiting.current) store.setFieldRefusal(field, { raw: getValues(field) ?? '', why, label: `${FACTS_LEGEND} · ${FACT_TITLES[field]}` });
          },
        );
      },
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [subscribe, getValues, template, store]);

  // Opening a report (a draft, a file, next year's) puts its facts in the fields.
  const loads = useSlice((s) => s.loads);
  useEffect(() => {
    if (loads === 0) return;
    waiting.current.clear();
    reset(factsOf(store.getState().report));
  }, [loads, reset, store]);

  const levels = store.template.spec.organLevels;
  const props = { control, register };
  return (
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
  );
}
