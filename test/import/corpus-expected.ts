// The hand transcriptions of real published reports (test/fixtures/corpus-expected/<id>.json) and
// how an import is scored against them, cell by cell. Shared by test/import/corpus.test.ts and
// scripts/corpus-accuracy.ts, so the test and the lead's table count the same way.
//
// A transcription lists, per grid, each printed row by its template row id with the values in the
// template's column order: a number as printed, null for a cell the source leaves blank, "?" for a
// cell the transcriber could not decide (excluded from scoring).
import { readFileSync, readdirSync } from 'node:fs';
import type { CellId, Report, Template } from '../../src/core';
import { ImportError, importAny, readAnySource, type ImportResult } from '../../src/import';
import { nodeRegistry } from '../../src/node/templates';

export const CORPUS_DIR = new URL('../fixtures/corpus/', import.meta.url);
export const EXPECTED_DIR = new URL('../fixtures/corpus-expected/', import.meta.url);

export type ExpectedValue = number | null | '?';

export interface Expected {
  id: string;
  file: string;
  /** How the grids arrive: text-flattened (digits run together), text-spaced, pdf … */
  form: string;
  template: string;
  /** The organ as the title names it; index.tsv's organ where the title agrees. */
  organ: string;
  /** The year the report covers (index.tsv), whatever a preface may say. */
  year: number;
  /** The title exactly as printed, with its organ and year. */
  title: { organ: string; year: number; text: string };
  shownDate: string | null;
  shownDateKind: 'signature' | 'published' | 'title' | null;
  /** The 成文日期 of the signature block, or null when the source prints none. */
  written: string | null;
  grids: Record<string, Record<string, ExpectedValue[]>>;
  notes: string;
}

const registry = nodeRegistry();

/** Every transcription, in id order. */
export function loadExpected(): Expected[] {
  return readdirSync(EXPECTED_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(new URL(f, EXPECTED_DIR), 'utf8')) as Expected);
}

/** The transcription as cell id → value, checked against the template's rows and columns. */
export function expectedCells(expected: Expected): Map<CellId, ExpectedValue> {
  const template = registry.get(expected.template);
  if (!template) throw new Error(`转录 ${expected.id}：没有模板 ${expected.template}`);
  const cells = new Map<CellId, ExpectedValue>();
  for (const [gridId, rows] of Object.entries(expected.grids)) {
    const grid = template.grid(gridId);
    for (const [rowId, values] of Object.entries(rows)) {
      const rowCells = grid.cells.filter((c) => c.row === rowId);
      if (rowCells.length === 0) throw new Error(`转录 ${expected.id}：表格 ${gridId} 没有行 ${rowId}`);
      if (rowCells.length !== values.length) {
        throw new Error(`转录 ${expected.id}：${gridId} 的行 ${rowId} 有 ${rowCells.length} 列，转录了 ${values.length} 个值`);
      }
      rowCells.forEach((c, i) => {
        const v = values[i];
        if (v !== null && v !== '?' && typeof v !== 'number') throw new Error(`转录 ${expected.id}：${c.id} 的值 ${JSON.stringify(v)} 不是数字、null 或 "?"`);
        cells.set(c.id, v as ExpectedValue);
      });
    }
  }
  return cells;
}

export type Outcome =
  | { refused: false; result: ImportResult; template: Template }
  | { refused: true; message: string };

/**
 * Import one corpus file through the public import API: the source read by content sniffing
 * (readAnySource), the template chosen by the grid it prints (importAny), never from the transcription.
 */
export async function importCorpusFile(file: string): Promise<Outcome> {
  const bytes = new Uint8Array(readFileSync(new URL(file, CORPUS_DIR)));
  try {
    const { doc } = await readAnySource(bytes, file);
    const result = importAny(doc, registry);
    if (!result.recognised) return { refused: true, message: '没有认出报告（recognised: false）' };
    return { refused: false, result, template: result.template };
  } catch (e) {
    if (e instanceof ImportError) return { refused: true, message: e.message };
    return { refused: true, message: `导入时出错：${e instanceof Error ? e.message : String(e)}` };
  }
}

export interface CellMiss {
  cell: CellId;
  expected: ExpectedValue;
  got: number | null | undefined;
}

export interface Score {
  id: string;
  form: string;
  refused: string | null;
  /** Cells with a decided transcription ("?" excluded). */
  scored: number;
  /** Read as printed and not flagged. */
  equal: number;
  /** A value the importer marked uncertain or unread: never counted wrong, never counted read. */
  flagged: number;
  /** Not read at all. */
  missing: number;
  /** Read as certain but different from the print: the iron rule says none. */
  wrong: CellMiss[];
  /** The cells counted as flagged and as missing, for the detailed listing. */
  flaggedCells: CellId[];
  missingCells: CellId[];
  yearOk: boolean;
  organOk: boolean;
  templateOk: boolean;
  got: { year: number | null; organ: string; template: string | null; written: string | null; shownDate: string | null };
  writtenOk: boolean;
  shownDateOk: boolean;
}

const valueOf = (report: Report, id: CellId): number | null | undefined => {
  const values = report.values as Record<string, number | null | undefined>;
  const printed = (report.printed ?? {}) as Record<string, number | null | undefined>;
  return values[id] ?? printed[id];
};

/** Cells the import itself says it is not sure of. */
function _doubted(result: ImportResult): Set<CellId> {
  const source = result.report.source;
  return new Set([...result.flagged, ...(source?.uncertain ?? []), ...(source?.unread ?? [])]);
}

export function scoreImport(expected: Expected, outcome: Outcome): Score {
  const cells = expectedCells(expected);
  const decided = [...cells].filter(([, v]) => v !== '?');
  const base = { id: expected.id, form: expected.form, scored: decided.length };
  if (outcome.refused) {
    return {
      ...base, refused: outcome.message, equal: 0, flagged: 0, missing: decided.length, wrong: [],
      flaggedCells: [], missingCells: decided.map(([cell]) => cell),
      yearOk: false, organOk: false, templateOk: false, writtenOk: false, shownDateOk: false,
      got: { year: null, organ: '', template: null, written: null, shownDate: null },
    };
  }
  const { report } = outcome.result;
  const doubted = _doubted(outcome.result);
  let equal = 0;
  const flaggedCells: CellId[] = [];
  const missingCells: CellId[] = [];
  const wrong: CellMiss[] = [];
  for (const [cell, want] of decided) {
    const got = valueOf(report, cell);
    const blank = got === null || got === undefined;
    if (doubted.has(cell) && !(want === null && blank)) flaggedCells.push(cell);
    else if (want === null ? blank : got === want) equal++;
    else if (blank) missingCells.push(cell);
    else wrong.push({ cell, expected: want, got });
  }
  const organ = report.organ.name;
  const shownDate = report.source?.shownDate ?? null;
  return {
    ...base, refused: null, equal, flagged: flaggedCells.length, missing: missingCells.length, wrong, flaggedCells, missingCells,
    yearOk: report.year === expected.year,
    organOk: organ === expected.organ || report.organ.titleName === expected.organ,
    templateOk: report.template === expected.template,
    writtenOk: report.dates.written === expected.written,
    shownDateOk: shownDate === expected.shownDate,
    got: { year: report.year, organ, template: report.template, written: report.dates.written, shownDate },
  };
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
const mark = (ok: boolean) => (ok ? '✓' : '✗');

function _sum(scores: Score[]) {
  const s = { reports: scores.length, refused: 0, scored: 0, equal: 0, flagged: 0, missing: 0, wrong: 0 };
  for (const x of scores) {
    s.refused += x.refused ? 1 : 0;
    s.scored += x.scored;
    s.equal += x.equal;
    s.flagged += x.flagged;
    s.missing += x.missing;
    s.wrong += x.wrong.length;
  }
  return s;
}

/** Imported-equal share of all decided cells, over a set of reports. */
export const coverage = (scores: Score[]): number => {
  const s = _sum(scores);
  return s.scored === 0 ? 0 : s.equal / s.scored;
};

/** The accuracy table: one line per form, a total, then one line per report; with `detail`, the flagged and missing cells. */
export function accuracyTable(scores: Score[], detail = false): string {
  const lines: string[] = [];
  const forms = [...new Set(scores.map((s) => s.form))].sort();
  lines.push('form             reports refused  cells  equal  flagged missing wrong  coverage');
  const formLine = (name: string, group: Score[]) => {
    const s = _sum(group);
    lines.push(
      `${name.padEnd(16)} ${String(s.reports).padStart(7)} ${String(s.refused).padStart(7)} ${String(s.scored).padStart(6)} ${String(s.equal).padStart(6)} ${String(s.flagged).padStart(8)} ${String(s.missing).padStart(7)} ${String(s.wrong).padStart(5)}  ${pct(s.equal, s.scored).padStart(8)}`,
    );
  };
  for (const f of forms) formLine(f, scores.filter((s) => s.form === f));
  formLine('all', scores);
  lines.push('');
  lines.push('id form             cells  equal flagged missing wrong coverage year organ tmpl 成文日期 shown  refused / got');
  for (const s of scores) {
    lines.push(
      `${s.id} ${s.form.padEnd(16)} ${String(s.scored).padStart(5)} ${String(s.equal).padStart(6)} ${String(s.flagged).padStart(7)} ${String(s.missing).padStart(7)} ${String(s.wrong.length).padStart(5)} ${pct(s.equal, s.scored).padStart(8)}    ${mark(s.yearOk)}     ${mark(s.organOk)}    ${mark(s.templateOk)}     ${mark(s.writtenOk)}     ${mark(s.shownDateOk)}   ${s.refused ?? `${s.got.year} ${s.got.organ || '（无）'} ${s.got.template}`}`,
    );
  }
  const wrong = scores.flatMap((s) => s.wrong.map((w) => `${s.id} ${w.cell}: printed ${JSON.stringify(w.expected)}, imported ${JSON.stringify(w.got)}`));
  if (wrong.length) lines.push('', 'wrong values:', ...wrong);
  if (detail) {
    const unread = scores.filter((s) => s.flaggedCells.length || s.missingCells.length);
    if (unread.length) lines.push('', 'not read as certain:');
    for (const s of unread) {
      if (s.flaggedCells.length) lines.push(`${s.id} flagged: ${s.flaggedCells.join(' ')}`);
      if (s.missingCells.length) lines.push(`${s.id} missing: ${s.missingCells.join(' ')}`);
    }
  }
  return lines.join('\n');
}

/** Import and score every transcribed report. */
export async function scoreCorpus(): Promise<Score[]> {
  const scores: Score[] = [];
  for (const expected of loadExpected()) scores.push(scoreImport(expected, await importCorpusFile(expected.file)));
  return scores;
}
