// The review as an .xlsx workbook (write-excel-file: writes real OOXML in Node and the browser,
// its only dependency fflate is ours already; no hand-written zip or XML): a sheet of units with
// their counts, a sheet per grid with one row per unit and the county sum, a sheet of findings
// with the reviewer's decisions. Numbers are numbers, so Excel, WPS and LibreOffice add them up.
// Pure; loaded with import() when the reviewer exports.
import writeXlsxFile, { type Cell, type Row, type Sheet } from 'write-excel-file/universal';
import { computeValues, LEVEL_NAMES, type Template } from '../../core';
import {
  DECISION_NAMES, FINDING_COLUMNS, SUM_WORDS, UNIT_COLUMNS, lateWord, placeWords, sumReports,
  type Decisions, type ReviewBatch, type ReviewUnit,
} from '../../review';


const head = (text: string): Cell => ({ value: text, fontWeight: 'bold', wrap: true });
const num = (v: number | null | undefined): Cell => (v == null ? null : { value: v, type: Number });
const str = (v: string): Cell => ({ value: v, type: String });

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the book. */
function _sheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[:\\/?*[\]]/g, '').slice(0, 28) || '表';
  let name = clean;
  for (let n = 2; taken.has(name); n++) name = `${clean}${n}`;
  taken.add(name);
  return name;
}

function _unitsSheet(units: ReviewUnit[]): Row[] {
  const c = UNIT_COLUMNS;
  const header = [c.file, c.organ, c.level, c.year, c.template, c.errors, c.warnings, c.unfinished, c.unread, c.uncertain, c.shown, c.deadline, c.late, c.previous].map(head);
  const rows = units.map((u): Row => [
    str(u.id), str(u.organ), str(u.levelLabel), num(u.year), str(u.templateName),
    num(u.counts.errors), num(u.counts.warnings), num(u.counts.unfinished), num(u.unread.length), num(u.uncertain.length),
    str(u.shown ?? ''), str(u.deadline), str(lateWord(u)), str(u.previous ?? ''),
  ]);
  return [header, ...rows];
}

function _gridSheets(template: Template, units: ReviewUnit[], batch: ReviewBatch, taken: Set<string>, prefix: string): Sheet<never>[] {
  const parts = units.map((u) => ({ id: u.id, organ: u.organ, report: batch.inputs.get(u.id)!.report }));
  const sum = sumReports(template, parts);
  const values = parts.map((p) => computeValues(template, p.report));
  return template.grids.map((grid) => {
    const header = [head(UNIT_COLUMNS.organ), head(UNIT_COLUMNS.year), ...grid.cells.map((c) => head(c.name))];
    const rows = units.map((u, i): Row => [str(u.organ), num(u.year), ...grid.cells.map((c) => num(values[i]!.get(c.id)))]);
    const total: Row = [head(SUM_WORDS.sumRow), str(''), ...grid.cells.map((c) => num(sum.values.get(c.id)))];
    const behind: Row = [str(SUM_WORDS.behindRow), str(''), ...grid.cells.map((c) => num(sum.behind[c.id] ?? 0))];
    const label = template.sectionOf(grid.id)?.label ?? grid.label;
    return { data: [header, ...rows, total, behind], sheet: _sheetName(prefix + label, taken), stickyRowsCount: 1, stickyColumnsCount: 1 };
  });
}

function _findingsSheet(batch: ReviewBatch, decisions: Decisions): Row[] {
  const c = FINDING_COLUMNS;
  const header = [c.organ, c.year, c.level, c.rule, c.place, c.message, c.decision, c.note, c.fingerprint].map(head);
  const rows = batch.units.flatMap((u) => {
    const template = batch.inputs.get(u.id)!.template;
    return u.findings.map((f): Row => {
      const d = decisions.get(f.fingerprint);
      return [str(u.organ), num(u.year), str(LEVEL_NAMES[f.level]), str(f.rule), str(placeWords(template, f.place)), str(f.message), str(DECISION_NAMES[d?.decision ?? 'open']), str(d?.note ?? ''), str(f.fingerprint)];
    });
  });
  return [header, ...rows];
}

export async function renderReviewXlsx(batch: ReviewBatch, decisions: Decisions = new Map()): Promise<Uint8Array> {
  const taken = new Set<string>([SUM_WORDS.unitsSheet, SUM_WORDS.findingsSheet]);
  // A sheet per grid for each template and year: a county sum only adds up reports of one year.
  const groups = new Map<string, ReviewUnit[]>();
  for (const u of batch.units) groups.set(`${u.year}|${u.template}`, [...(groups.get(`${u.year}|${u.template}`) ?? []), u]);
  const years = new Set(batch.units.map((u) => u.year)).size;
  const templates = new Set(batch.units.map((u) => u.template)).size;
  const prefix = (u: ReviewUnit) => `${years > 1 ? `${u.year}年·` : ''}${templates > 1 ? `${u.templateName.replace(/\D+/g, '')}格式·` : ''}`;
  const gridSheets = [...groups.values()].flatMap((units) => _gridSheets(batch.inputs.get(units[0]!.id)!.template, units, batch, taken, prefix(units[0]!)));
  const sheets: Sheet<never>[] = [
    { data: _unitsSheet(batch.units), sheet: SUM_WORDS.unitsSheet, stickyRowsCount: 1 },
    ...gridSheets,
    { data: _findingsSheet(batch, decisions), sheet: SUM_WORDS.findingsSheet, stickyRowsCount: 1 },
  ];
  const blob = await writeXlsxFile(sheets).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
