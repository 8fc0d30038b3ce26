// A published report (SourceDoc blocks from any reader) → a nianbao report and notes, in passes:
// page furniture → title and dates → sections → grids (tables, then text) → fee → the report.
// Everything official comes from the template; every value is certain, or named as uncertain or
// not read in `source`, so a later check can tell the import's blanks from the publisher's.
import { REPORT_FORMAT, REPORT_FORMAT_VERSION, defaultReportYear, type CellId, type Report, type ReportSource, type Template } from '../core';
import { normalizeLabel } from './match-labels';
import { defaultHints, type FormatHint, type ImportHints } from './hints';
import type { SourceDoc } from './source';
import type { ImportOptions, ImportResult } from './notes';
import { Importer } from './read-grids';
import { prefaceRegex } from './narrative';
import { removeFurniture } from './furniture';
import { readHead } from './head';
import { splitSections, type Piece } from './sections';
import { readTextGrids, type GridFacts } from './grids-pass';
import { readFee } from './fee';
import { readOrgan, readYear } from './facts';
import { hasIndicatorList, readIndicators } from './read-indicators';

export type { ImportNote, ImportOptions, ImportResult, NoteLevel } from './notes';

/** The layout the source uses, by the labels only one template (or an older format) prints. */
export function detectFormat(source: SourceDoc, hints: ImportHints): ImportResult['format'] {
  const all = normalizeLabel(
    source.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.map((c) => c.text).join('|')).join('|'))).join('|'),
  ).replace(/[\s\u3000]+/g, '');
  let best: { f: FormatHint; hits: number } | null = null;
  for (const f of hints.formats) {
    const hits = f.distinguishingLabels.filter((l) => all.includes(normalizeLabel(l))).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { f, hits };
  }
  return best ? { id: best.f.id, name: best.f.name, hits: best.hits } : null;
}

/** The text of pieces; a table's rows as lines of tab-separated cells, for rows no table reading placed. */
const _text = (pieces: Piece[], rejected: ReadonlySet<unknown>) =>
  pieces
    .map((p) =>
      p.item.kind === 'text'
        ? p.item.text
        : p.item.rows.filter((r) => !rejected.has(r)).map((r) => r.map((c) => (c.covered ? '' : c.text)).join('\t')).join('\n'),
    )
    .join('\n');

export function importSource(source: SourceDoc, template: Template, options: ImportOptions = {}): ImportResult {
  const hints = options.hints ?? defaultHints((id) => (id === template.id ? `${template.spec.name}（${template.spec.basis}）` : id));
  const format = detectFormat(source, hints);
  const formatHint = format ? hints.formats.find((f) => f.id === format.id) : undefined;
  const older = !!formatHint && !formatHint.template && (formatHint.years?.to ?? 9999) < 2019;
  const imp = new Importer(template, source, older);
  // A pre-2019 统计表 (an indicator list) is read by its own reader, tables and text alike.
  const indicators = hasIndicatorList(template);

  // Passes 1–3: furniture, title and signature, sections.
  const { items, facts: page } = removeFurniture(source);
  const head = readHead(items, page, template);
  if (head.letterClosing) imp.quirks.add('letter-closing');
  for (const a of head.above) imp.note('info', /[〔［【[]\d{4}/.test(a) ? '发文字号' : '标题之前', `标题前的文字“${a}”不属于标题和正文，未导入`);
  const { pieces, headings } = splitSections(head.body, template, { headingWords: hints.headingWords });

  // Narrative slots, and the tables wherever they stand.
  const gridSections = new Set(template.spec.sections.filter((s) => s.grids?.length).map((s) => s.id));
  const prefaceHeadings = new Set([...hints.prefaceHeadings, template.spec.preface.label].map(normalizeLabel));
  const narrative: Record<string, string[]> = {};
  for (const p of pieces) {
    if (p.item.kind === 'table') {
      if (!indicators) imp.table(p.item.rows, p.item.exactColumns);
      continue;
    }
    if (p.section && gridSections.has(p.section)) continue; // read by the grids pass
    let text = p.item.text;
    if (p.slot === 'preface') {
      const lead = [...prefaceHeadings].find((h) => normalizeLabel(text).startsWith(h) && normalizeLabel(text).length <= h.length + 1);
      if (lead) {
        imp.note('info', template.spec.preface.label, `来源的小标题“${text.trim()}”未作为${template.spec.preface.label}的文字导入`);
        continue;
      }
      text = text.replace(new RegExp(`^(${[...prefaceHeadings].join('|')})(?=根据|本报告|按照|依据)`), '');
    }
    (narrative[p.slot] ??= []).push(text);
  }
  for (const h of headings) {
    const label = template.texts.find((t) => t.id === h.slot)?.label ?? h.slot;
    if (h.reworded || h.misnumbered) imp.note('info', label, `标题“${h.printed.length > 40 ? `${h.printed.slice(0, 40)}…` : h.printed}”按模板的“${label}”读取`);
  }

  // Pass 4: grids in text, in their sections' text (or the whole text without headings).
  const gridFacts: GridFacts = { uncertain: new Set(), labels: [], quirks: new Set() };
  if (indicators && !older) readIndicators(imp, template, source, gridFacts, hints.labelAliases ?? {});
  else if (!older) {
    const whole = _text(pieces, imp.rejected);
    const textOf = (grid: { id: string }) => {
      const section = template.sectionOf(grid.id)?.id;
      const own = pieces.filter((p) => p.section === section);
      return own.length ? _text(own, imp.rejected) : whole;
    };
    // A source on another template's grid: only blocks whose own header is printed are read.
    const requireHeader = !!formatHint?.template && formatHint.template !== template.id;
    readTextGrids(imp, template, textOf, { aliases: hints.labelAliases ?? {}, requireHeader }, gridFacts);
  }

  // Facts: year, organ, dates.
  const year = readYear(head, narrative, imp, options.fallbackYear ?? defaultReportYear(new Date()), template);
  const organ = readOrgan(head, narrative, imp, hints, template);
  const written = head.signature?.date ?? null;
  if (!written) imp.note('info', '成文日期', '来源没有成文日期，未填写');

  const report: Report = {
    format: REPORT_FORMAT,
    formatVersion: REPORT_FORMAT_VERSION,
    template: template.id,
    organ,
    year,
    dates: { written, deadline: null },
    contact: { office: '', phone: '', email: '', website: '' },
    narrative: {},
    values: {},
    fee: { status: null, notices: null, amount: null, collectedAmount: null },
  };
  for (const t of template.texts) {
    const lines = narrative[t.id]?.map((l) => l.trim()).filter(Boolean);
    if (lines?.length) report.narrative[t.id] = lines.join('\n');
  }
  _standardPreface(report, template, imp);

  // Pass 5: the fee.
  const fee = readFee(report, template, hints, _text(pieces, imp.rejected));
  report.fee = fee.fee;
  const feeSection = template.spec.sections.find((s) => s.fee);
  if (!fee.stated && template.rules.some((r) => r.kind === 'fee-reported')) {
    imp.note('warning', feeSection?.label ?? template.spec.fee.label, `未能读出${template.spec.fee.label}的收取情况，请填写`);
  }

  // Values: every input cell present (null = blank); printed totals only for rows the source had.
  for (const c of template.inputCells) report.values[c.id] = imp.values[c.id] ?? null;
  const printed: Record<CellId, number | null> = {};
  for (const [id, cell] of template.cells) {
    if (!cell.computed) continue;
    if (id in imp.printed) printed[id] = imp.printed[id]!;
    else if (imp.seenRows.has(`${cell.grid}:${cell.row}`)) printed[id] = null;
  }
  if (Object.keys(printed).length) report.printed = printed;
  _missingNotes(imp, template, older, formatHint);
  _formatNotes(imp, template, format, formatHint);

  report.source = _source(options, source, head, page, headings, imp, gridFacts, template, report, hints);
  const flagged = [...new Set(imp.notes.flatMap((n) => n.cells ?? []))];
  const recognised = !!head.title || headings.length > 0 || imp.valuesRead > 0;
  return { report, notes: imp.notes, format, valuesRead: imp.valuesRead, flagged, recognised };
}

/** A preface in the template's own words: its contact facts go back to `contact`. */
function _standardPreface(report: Report, template: Template, imp: Importer): void {
  const preface = report.narrative.preface;
  const pm = preface ? prefaceRegex(template).exec(preface) : null;
  if (!pm?.groups || Number(pm.groups.year) !== report.year) return;
  const fact = (v: string | undefined) => (!v || /^（.*）$/.test(v) ? '' : v);
  report.contact = { office: fact(pm.groups.office), phone: fact(pm.groups.phone), email: fact(pm.groups.email), website: fact(pm.groups.website) };
  delete report.narrative.preface;
  imp.note('info', template.spec.preface.label, '前言是模板的标准写法，其中的联系单位、电话、电子邮箱和网址已读入联系方式');
}

function _missingNotes(imp: Importer, template: Template, older: boolean, formatHint: FormatHint | undefined): void {
  if (older) {
    imp.note('warning', '表格', `来源使用${formatHint!.name}，其统计表与${template.spec.name}不同，表格数字未导入，请按新格式填写`, template.inputCells.map((c) => c.id));
    imp.note('warning', '文字部分', '来源的章节与模板不同：标题相近的章节已归入对应部分，其余文字留在前一部分，请逐段核对');
    return;
  }
  for (const grid of template.grids) {
    if (!imp.seenGrids.has(grid.id)) {
      const cells = grid.cells.filter((c) => !c.computed).map((c) => c.id);
      if (imp.headed.has(grid.id)) {
        // The table is there, headed, with no row of numbers: the publisher left it blank.
        for (const id of cells) imp.blanks.add(id);
        imp.note('warning', imp.section(grid.id), '来源中此表格只有表头、没有数字，按空白导入', cells);
      } else imp.note('warning', imp.section(grid.id), '来源中没有找到此表格的任何一行，数字全部留空', cells);
      continue;
    }
    for (const r of grid.rowIds.filter((id) => !imp.seenRows.has(`${grid.id}:${id}`))) {
      const cells = grid.cells.filter((c) => c.row === r);
      imp.note('warning', `${imp.section(grid.id)} · ${cells[0]?.rowName ?? r}`, '来源中没有找到此行，未导入', cells.filter((c) => !c.computed).map((c) => c.id));
    }
  }
}

function _formatNotes(imp: Importer, template: Template, format: ImportResult['format'], formatHint: FormatHint | undefined): void {
  if (format && formatHint && formatHint.template !== template.id) {
    imp.note('warning', '格式', `来源看来使用${format.name}（找到 ${format.hits} 个该格式特有的栏目名），已尽量按${template.spec.name}读取，请逐项核对`);
  } else if (format) imp.note('info', '格式', `来源使用${format.name}`);
  else imp.note('warning', '格式', '没有找到能判断表格格式的栏目名');
}

function _source(
  options: ImportOptions,
  doc: SourceDoc,
  head: ReturnType<typeof readHead>,
  page: ReturnType<typeof removeFurniture>['facts'],
  headings: ReturnType<typeof splitSections>['headings'],
  imp: Importer,
  grids: GridFacts,
  template: Template,
  report: Report,
  hints: ImportHints,
): ReportSource {
  const form = options.form ?? (doc.kind === 'docx' ? 'docx' : 'text');
  const source: ReportSource = { kind: 'published', form };
  if (options.file) source.file = options.file;
  const title = head.title?.printed ?? page.title;
  if (title) source.title = title;
  if (head.signature?.date) Object.assign(source, { shownDate: head.signature.date, shownDateKind: 'signature' });
  else if (page.published) Object.assign(source, { shownDate: page.published, shownDateKind: 'published' });
  else if (head.titleDate) Object.assign(source, { shownDate: head.titleDate, shownDateKind: 'title' });
  else source.shownDate = null;
  if (page.published) source.publishedDate = page.published;
  // The 落款 as printed: R35 holds it against the title's name (the report keeps one spelling).
  if (head.signature?.name) source.signature = head.signature.name;
  if (headings.length) source.headings = headings.map((h) => h.printed);
  const labels = [...imp.labels, ...grids.labels];
  if (labels.length) source.labels = labels;
  const all = [...template.cells.keys()];
  const valueOf = (id: CellId) => (template.cells.get(id)?.computed ? report.printed?.[id] : report.values[id]);
  const uncertain = all.filter((id) => grids.uncertain.has(id));
  // Cells flagged by the table reader whose value was read: aligned by position, near-miss columns.
  for (const n of imp.notes) for (const id of n.cells ?? []) if (valueOf(id) != null && !uncertain.includes(id) && n.level !== 'info') uncertain.push(id);
  if (uncertain.length) source.uncertain = uncertain;
  const unread = all.filter((id) => valueOf(id) == null && !imp.blanks.has(id) && !grids.uncertain.has(id));
  if (unread.length) source.unread = unread;
  const quirks = [...grids.quirks, ...imp.quirks].map((q) => hints.quirkNames?.[q] ?? q);
  if (headings.some((h) => h.misnumbered)) quirks.push('headings-misnumbered');
  if (page.removed.length) quirks.push(...page.removed.map((r) => `furniture-${r}`));
  if (quirks.length) source.quirks = [...new Set(quirks)];
  return source;
}

