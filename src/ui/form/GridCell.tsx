// One value cell: a labelled native input for typed cells, an <output> for computed totals. It
// subscribes to its own value, refusal and findings only, through the store's per-cell channel. What was typed stays in the input until
// it is accepted or replaced; a refused text is kept and its reason shown beside the grid.
import { memo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { formatValue, parseCellInput, type Finding, type ValueCell } from '../../core';
import { NO_FINDINGS } from '../../store/report-store';
import { useCellSlice, useStore } from '../use-store';
import { moveKeyOf, nextCell, type GridMatrix } from './grid-keys';
import { domId } from '../places';

const _text = (v: number | null | undefined) => (v == null ? '' : String(v));

/** The most serious level among a cell's findings, for its outline ('incomplete' is not marked). */
export function worstLevel(findings: readonly Finding[]): 'error' | 'warning' | undefined {
  if (findings.some((f) => f.level === 'error')) return 'error';
  if (findings.some((f) => f.level === 'warning')) return 'warning';
  return undefined;
}

const _title = (findings: readonly Finding[]) =>
  findings.filter((f) => f.level !== 'incomplete').map((f) => f.message).join('\n') || undefined;

interface Props {
  cell: ValueCell;
  matrix: GridMatrix;
  onPasteBlock: (anchor: string, text: string) => boolean;
}

function InputCellBody({ cell, matrix, onPasteBlock }: Props) {
  const store = useStore();
  const value = useCellSlice(cell.id, (s) => s.report.values[cell.id] ?? null);
  const refusal = useCellSlice(cell.id, (s) => s.refusals.get(cell.id));
  const findings = useCellSlice(cell.id, (s) => s.byCell.get(cell.id) ?? NO_FINDINGS);
  const [text, setText] = useState(() => refusal?.raw ?? _text(value));
  const [shown, setShown] = useState<{ value: number | null; refused: boolean }>({ value, refused: !!refusal });
  // The value the cell held when the clerk started editing it (focus, or a paste into it): while
  // the text is refused, the report holds this, not a prefix accepted on the way ("180" of "180.5").
  const before = useRef<{ value: number | null } | null>(null);

  // A value set from outside (paste, opening a file) replaces the text unless the text means it.
  if (shown.value !== value || shown.refused !== !!refusal) {
    setShown({ value, refused: !!refusal });
    const parsed = parseCellInput(text, cell.kind);
    if (refusal) {
      if (refusal.raw !== text) setText(refusal.raw);
    } else if (!parsed.ok || parsed.value !== value) setText(_text(value));
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const key = moveKeyOf(e, { start: input.selectionStart, end: input.selectionEnd, length: input.value.length });
    if (e.key === 'Escape' && refusal) {
      // Escape gives up the refused text and shows the value the report still holds.
      e.preventDefault();
      store.typeCell(cell.id, _text(value));
      setText(_text(value));
      return;
    }
    if (!key) return;
    const target = nextCell(matrix, cell.id, key);
    if (!target) return;
    e.preventDefault();
    const el = document.getElementById(domId.cell(target)) as HTMLInputElement | null;
    el?.focus();
    el?.select();
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const data = e.clipboardData.getData('text/plain');
    if (/[\t\r\n]/.test(data.replace(/[\r\n]+$/, '')) && onPasteBlock(cell.id, data)) {
      e.preventDefault();
      before.current = null; // the block set this cell: what it holds now is the value to keep
    }
  };

  const level = refusal ? 'error' : worstLevel(findings);
  return (
    <input
      id={domId.cell(cell.id)}
      className="cell-input"
      data-level={level}
      // A numeric keypad has no minus sign: signed kinds get the full keyboard.
      inputMode={cell.kind === 'amount' ? 'decimal' : cell.kind === 'count' ? 'numeric' : 'text'}
      autoComplete="off"
      aria-label={cell.name}
      aria-invalid={refusal || level === 'error' ? true : undefined}
      aria-describedby={refusal ? domId.refusal(cell.id) : undefined}
      title={refusal ? `${refusal.label}：${refusal.reason}` : _title(findings)}
      value={text}
      onFocus={() => {
        before.current = { value };
      }}
      onChange={(e) => {
        setText(e.target.value);
        // Editing without a focus event first (a test, an assistive tool): the value before this change.
        before.current ??= { value };
        store.typeCell(cell.id, e.target.value, before.current.value);
      }}
      onBlur={() => {
        before.current = null;
        // Show what was understood: "１，２００" becomes "1200" once accepted.
        const parsed = parseCellInput(text, cell.kind);
        if (parsed.ok && parsed.value === value && text !== _text(value)) setText(_text(value));
      }}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
    />
  );
}

function TotalCellBody({ cell }: { cell: ValueCell }) {
  const value = useCellSlice(cell.id, (s) => s.values.get(cell.id) ?? null);
  const findings = useCellSlice(cell.id, (s) => s.byCell.get(cell.id) ?? NO_FINDINGS);
  const printed = useCellSlice(cell.id, (s) => s.report.printed?.[cell.id] !== undefined);
  const title = [printed ? '导入文件中印出的合计' : '', _title(findings) ?? ''].filter(Boolean).join('\n') || undefined;
  return (
    <output id={domId.cell(cell.id)} className="cell-total" aria-label={cell.name} data-level={worstLevel(findings)} data-printed={printed || undefined} title={title}>
      {value == null ? '' : formatValue(value)}
    </output>
  );
}

export const InputCell = memo(InputCellBody);
export const TotalCell = memo(TotalCellBody);
