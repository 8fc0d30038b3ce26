// A published report (read by read-docx or read-text) → a nianbao report and notes. Everything
// official comes from the template: section and part headings, grid row and column labels,
// block titles, the title pattern and the fee sentence. Tables are found by their labels, not
// by position. Every value is either certain or named in a note; nothing is silently made 0.
import {
  REPORT_FORMAT,
  REPORT_FORMAT_VERSION,
  defaultReportYear,
  fillMessage,
  type CellId,
  type Report,
  type Template,
} from '../core';
import { normalizeLabel } from './match-labels';
import { defaultHints, type FormatHint, type ImportHints } from './hints';
import type { SourceDoc } from './source';
import type { ImportOptions, ImportResult } from './notes';
import { Importer } from './read-grids';
import { DATE, DOC_NUMBER, feeRegex, headingsOf, isHeading, prefaceRegex, stripMarkup, titleRegex, type Heading } from './narrative';

export type { ImportNote, ImportOptions, ImportResult, NoteLevel } from './notes';

// ---- entry point ----------------------------------------------------------------------------

function _detectFormat(source: SourceDoc, hints: ImportHints): ImportResult['format'] {
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

export function importSource(source: SourceDoc, template: Template, options: ImportOptions = {}): ImportResult {
  const hints = options.hints ?? defaultHints((id) => (id === template.id ? `${template.spec.name}（${template.spec.basis}）` : id));
  const format = _detectFormat(source, hints);
  const formatHint = format ? hints.formats.find((f) => f.id === format.id) : undefined;
  const older = !!formatHint && !formatHint.template && (formatHint.years?.to ?? 9999) < 2019;
  const imp = new Importer(template, source, older);

  // Signature at the end: 发文机关署名 and 成文日期.
  const paragraphs = source.blocks.map((b, i) => ({ b, i })).filter((x) => x.b.kind === 'paragraph') as { b: { kind: 'paragraph'; text: string }; i: number }[];
  const consumed = new Set<number>();
  let written: string | null = null;
  let signedName = '';
  const lastP = paragraphs[paragraphs.length - 1];
  const dm = lastP ? DATE.exec(normalizeLabel(lastP.b.text)) : null;
  if (lastP && dm) {
    const [y, mo, d] = [Number(dm[1]), Number(dm[2]), Number(dm[3])];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) written = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    consumed.add(lastP.i);
    const before = paragraphs[paragraphs.length - 2];
    if (before && before.b.text.length <= 40 && !/[。，,；;：:]/.test(before.b.text) && hints.organs.some((o) => normalizeLabel(before.b.text).endsWith(o.endsWith))) {
      signedName = normalizeLabel(before.b.text);
      consumed.add(before.i);
    }
  } else if (lastP && lastP.b.text.length <= 40 && !/[。，,；;：:]/.test(lastP.b.text) && hints.organs.some((o) => normalizeLabel(lastP.b.text).endsWith(o.endsWith) && o.append === '')) {
    signedName = normalizeLabel(lastP.b.text);
    consumed.add(lastP.i);
  }

  // Title, narrative and tables in reading order.
  const titleRe = titleRegex(template);
  const prefaceHeadings = new Set([...hints.prefaceHeadings, template.spec.preface.label].map(normalizeLabel));
  const headings = headingsOf(template);
  const narrative: Record<string, string[]> = {};
  let slot = 'preface';
  let section: string | null = null;
  let title: { organ: string; year: number } | null = null;
  const before: string[] = [];
  const seenSlots = new Set<string>();
  let sawSection = false;
  for (let i = 0; i < source.blocks.length; i++) {
    const block = source.blocks[i]!;
    if (block.kind === 'table') {
      imp.table(block.rows);
      continue;
    }
    if (consumed.has(i)) continue;
    const text = stripMarkup(block.text).trim();
    if (!title && !sawSection) {
      // A 发文字号 above the title (莘政文〔2020〕5号) is neither title nor text: kept as a note.
      const n = normalizeLabel(text);
      if (DOC_NUMBER.test(n)) {
        imp.note('info', '发文字号', `来源的发文字号“${n}”不属于标题和正文，未导入`);
        continue;
      }
      // The title may be one paragraph or broken over up to three lines.
      let m: RegExpExecArray | null = null;
      let lines = 0;
      for (let joined = '', k = i; k < source.blocks.length && k < i + 3 && !m; k++) {
        const b = source.blocks[k]!;
        if (b.kind !== 'paragraph' || (k > i && consumed.has(k))) break;
        joined += stripMarkup(b.text);
        m = titleRe.exec(normalizeLabel(joined));
        lines = k - i;
      }
      if (m?.groups) {
        i += lines;
        title = { organ: m.groups.organ!, year: Number(m.groups.year) };
        // Lines above the title (文号 etc.) are not part of the report body.
        for (const b of before) imp.note('info', '标题之前', `标题前的文字未导入：“${b}”`);
        before.length = 0;
        continue;
      }
    }
    if (!sawSection && slot === 'preface' && prefaceHeadings.has(normalizeLabel(text))) {
      // 引言 / 前言 …: the preface's own heading; the report prints its preface without one.
      imp.note('info', template.spec.preface.label, `来源的小标题“${text}”未作为${template.spec.preface.label}的文字导入`);
      continue;
    }
    let heading: { h: Heading; rest: string; exact: boolean } | null = null;
    for (const h of headings) {
      if (seenSlots.has(h.slot)) continue;
      if (h.level === 2 && h.section !== section) continue;
      const r = isHeading(text, h);
      if (r) {
        heading = { h, ...r };
        break;
      }
    }
    if (heading) {
      const { h } = heading;
      seenSlots.add(h.slot);
      slot = h.slot;
      if (h.level === 1) {
        section = h.section;
        sawSection = true;
      }
      if (!heading.exact) {
        const label = template.texts.find((t) => t.id === h.slot)?.label ?? h.slot;
        imp.note('info', label, `标题“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”按模板的“${label}”读取`);
      }
      if (heading.rest.trim()) (narrative[slot] ??= []).push(heading.rest.trim());
      continue;
    }
    if (!title && !sawSection) before.push(text);
    (narrative[slot] ??= []).push(text);
  }
  if (!title && before.length) {
    // No title found: whatever preceded 一 stays in the preface; say so.
    imp.note('warning', '标题', `未找到“${fillMessage(template.spec.title, { organ: '（机关名称）', year: '（年度）' })}”形式的标题；机关名称和年度请核对`);
  }

  // Year: the title's, else the statistics period in the text, else a fallback.
  const fallbackYear = options.fallbackYear ?? defaultReportYear(new Date());
  let year = title?.year ?? NaN;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    const all = Object.values(narrative).flat().join('\n');
    const y = /(20\d{2})年1月1日/.exec(all) ?? /(20\d{2})年/.exec(all);
    year = y ? Number(y[1]) : fallbackYear;
    imp.note('warning', '年度', y ? `标题中没有年度，按正文中的“${y[0]}”取 ${year} 年，请核对` : `没有找到年度，暂定为 ${year} 年，请核对`);
  }

  // Organ: signature, else the title's name with the usual ending added.
  const titleName = title?.organ ?? '';
  let name = signedName;
  const hintFor = (s: string) => hints.organs.find((o) => s.endsWith(o.endsWith));
  if (!name && titleName) {
    const h = hintFor(titleName);
    name = h ? titleName + h.append : titleName;
    if (h && h.append) {
      const body = Object.values(narrative).flat().join('');
      imp.note(body.includes(name) ? 'info' : 'warning', '发文机关署名', `来源没有署名，机关名称按标题推断为“${name}”${body.includes(name) ? '（正文中也出现过）' : '，请核对'}`);
    } else if (!h) imp.note('warning', '发文机关署名', `来源没有署名，机关名称暂用标题中的“${titleName}”，请核对`);
  }
  if (!name) imp.note('warning', '发文机关署名', '没有找到机关名称，请填写');
  const levelHint = hintFor(name) ?? hintFor(titleName);
  const level = levelHint && template.spec.organLevels.some((l) => l.id === levelHint.level) ? levelHint.level : null;
  if (!level && name) imp.note('warning', '机关层级', '无法从机关名称判断机关层级，请选择');
  if (!written) imp.note('info', '成文日期', '来源没有成文日期，未填写');

  // Narrative slots; remove the standard fee sentence nianbao itself appends (round trip).
  const report: Report = {
    format: REPORT_FORMAT,
    formatVersion: REPORT_FORMAT_VERSION,
    template: template.id,
    organ: titleName && titleName !== name ? { name, titleName, level } : { name, level },
    year,
    dates: { written, deadline: null },
    contact: { office: '', phone: '', email: '', website: '' },
    narrative: {},
    values: {},
    fee: { status: null, notices: null, amount: null, collectedAmount: null },
  };
  for (const t of template.texts) {
    const lines = narrative[t.id];
    if (lines?.length) report.narrative[t.id] = lines.join('\n');
  }
  // A preface in the template's own words (what nianbao prints when none is written): its
  // contact facts go back to `contact` and the preface stays unwritten.
  const preface = report.narrative.preface;
  const pm = preface ? prefaceRegex(template).exec(preface) : null;
  if (pm?.groups && Number(pm.groups.year) === year) {
    const fact = (v: string | undefined) => (!v || /^（.*）$/.test(v) ? '' : v);
    report.contact = { office: fact(pm.groups.office), phone: fact(pm.groups.phone), email: fact(pm.groups.email), website: fact(pm.groups.website) };
    delete report.narrative.preface;
    imp.note('info', template.spec.preface.label, '前言是模板的标准写法，其中的联系单位、电话、电子邮箱和网址已读入联系方式');
  }

  // 信息处理费 from 六 (or from anywhere when 六 was not found).
  const feeSection = template.spec.sections.find((s) => s.fee);
  const feeText = normalizeLabel((feeSection && report.narrative[feeSection.id]) || Object.values(report.narrative).join('\n'));
  const collected = feeRegex(template.spec.fee.sentences.collected).exec(feeText);
  const num = (s: string | undefined) => (s === undefined ? null : Number(s.replace(/,/g, '')));
  if (collected?.groups) {
    report.fee = { status: 'collected', notices: num(collected.groups.notices), amount: num(collected.groups.amount), collectedAmount: num(collected.groups.collectedAmount) };
  } else if (hints.feeNone.some((p) => feeText.includes(normalizeLabel(p)))) {
    report.fee.status = 'none';
  } else if (template.rules.some((r) => r.kind === 'fee-reported')) {
    imp.note('warning', feeSection?.label ?? template.spec.fee.label, `未能读出${template.spec.fee.label}的收取情况，请填写`);
  }
  if (feeSection) {
    const std = fillMessage(report.fee.status === 'none' ? template.spec.fee.sentences.none : template.spec.fee.sentences.collected, {
      year, notices: report.fee.notices ?? '', amount: report.fee.amount ?? '', collectedAmount: report.fee.collectedAmount ?? '',
    });
    const text = report.narrative[feeSection.id];
    if (text && report.fee.status && (text === std || text.endsWith(`\n${std}`))) {
      const rest = text.slice(0, text.length - std.length).replace(/\n$/, '');
      if (rest) report.narrative[feeSection.id] = rest;
      else delete report.narrative[feeSection.id];
    }
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

  // Rows and grids that were not found.
  if (older) {
    imp.note('warning', '表格', `来源使用${formatHint!.name}，其统计表与${template.spec.name}不同，表格数字未导入，请按新格式填写`, template.inputCells.map((c) => c.id));
    imp.note('warning', '文字部分', '来源的章节与模板不同：标题相近的章节已归入对应部分，其余文字留在前一部分，请逐段核对');
  } else {
    for (const grid of template.grids) {
      if (!imp.seenGrids.has(grid.id)) {
        imp.note('warning', imp.section(grid.id), '来源中没有找到此表格，数字全部留空', grid.cells.filter((c) => !c.computed).map((c) => c.id));
        continue;
      }
      const missing = grid.rowIds.filter((r) => !imp.seenRows.has(`${grid.id}:${r}`));
      for (const r of missing) {
        const cells = grid.cells.filter((c) => c.row === r);
        imp.note('warning', `${imp.section(grid.id)} · ${cells[0]?.rowName ?? r}`, '来源中没有找到此行，按空白导入', cells.filter((c) => !c.computed).map((c) => c.id));
      }
    }
  }
  if (format && formatHint && formatHint.template !== template.id) {
    imp.note('warning', '格式', `来源看来使用${format.name}（找到 ${format.hits} 个该格式特有的栏目名），已尽量按${template.spec.name}读取，请逐项核对`);
  } else if (format) {
    imp.note('info', '格式', `来源使用${format.name}`);
  } else {
    imp.note('warning', '格式', '没有找到能判断表格格式的栏目名');
  }

  const flagged = [...new Set(imp.notes.flatMap((n) => n.cells ?? []))];
  const recognised = !!title || seenSlots.size > 0 || imp.valuesRead > 0;
  return { report, notes: imp.notes, format, valuesRead: imp.valuesRead, flagged, recognised };
}


