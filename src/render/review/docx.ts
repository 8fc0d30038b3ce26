// The 审查意见 as a .docx (GB/T 9704 look: the page, faces, sizes and line pitch of
// src/core/layout): for one unit, or one document for all with a part per unit. Findings the
// reviewer dismissed are left out; the others are grouped by the section of the report they
// concern, in plain Chinese, each with the reviewer's note. Pure; loaded with import() on export.
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun, type IRunOptions } from 'docx';
import { LEVEL_NAMES } from '../../core';
import { FIRST_LINE_INDENT, FONT, LINE, MARGIN, PAGE, SIZE, TITLE_LINE, TITLE_SPACE_AFTER } from '../../core/layout/gbt9704';
import { pageNumberFooter } from '../docx/page-number';
import { titleLines } from '../../core/layout/layout';
import { documentText } from '../../core/report/sanitize';
import {
  NO_FINDINGS, REVIEW_TITLE, REVIEW_TITLE_ALL, WHOLE_REPORT, findingsToSend, lateWord, sectionOfFinding,
  type Decisions, type ReviewBatch, type ReviewUnit,
} from '../../review';

type Font = (typeof FONT)[keyof typeof FONT];

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一, 12 → 十二, 25 → 二十五 (headings number their parts this way). */
export function chineseNumber(n: number): string {
  if (n <= 10) return CN_NUMBERS[n - 1]!;
  if (n < 20) return `十${CN_NUMBERS[n - 11] ?? ''}`;
  if (n < 100) return `${CN_NUMBERS[Math.floor(n / 10) - 1]}十${n % 10 ? CN_NUMBERS[(n % 10) - 1] : ''}`;
  return String(n);
}

function _run(text: string, font: Font, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text: documentText(text), font: { ascii: font, hAnsi: font, eastAsia: font }, size, ...extra });
}

const _spacing = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

const _para = (runs: TextRun[], options: { keepNext?: boolean; pageBreakBefore?: boolean } = {}) =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE_INDENT }, spacing: _spacing, ...options, children: runs });

function _title(text: string, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: TITLE_LINE, lineRule: LineRuleType.EXACT, before: 0, after: TITLE_SPACE_AFTER },
    ...(pageBreakBefore ? { pageBreakBefore } : {}),
    children: titleLines(text).map((line, i) => _run(line, FONT.title, SIZE.hao2, i ? { break: 1 } : {})),
  });
}

/** The unit's part: a summary line, then its findings by section, numbered. */
function _unitPart(batch: ReviewBatch, unit: ReviewUnit, decisions: Decisions, heading: string | null): Paragraph[] {
  const template = batch.inputs.get(unit.id)!.template;
  const out: Paragraph[] = [];
  if (heading) out.push(_para([_run(heading, FONT.level1, SIZE.hao3)], { keepNext: true }));
  const send = findingsToSend(unit, decisions);
  const errors = send.filter((f) => f.level === 'error').length;
  const certainty = unit.unread.length + unit.uncertain.length ? `；导入时有 ${unit.unread.length} 个单元格未读出、${unit.uncertain.length} 个单元格读数不确定，请以原文核对` : '';
  const date = unit.shown ? `，落款或发布日期为${unit.shown}，${lateWord(unit)}（公开期限${unit.deadline}）` : '，未显示落款或发布日期';
  out.push(_para([_run(`${unit.organ || '该单位'}${unit.year}年度报告${date}。经审查，需要处理的问题 ${send.length} 个，其中${LEVEL_NAMES.error} ${errors} 个、${LEVEL_NAMES.warning} ${send.length - errors} 个${certainty}。`, FONT.body, SIZE.hao3)]));
  if (!send.length) {
    out.push(_para([_run(NO_FINDINGS, FONT.body, SIZE.hao3)]));
    return out;
  }
  const groups = new Map<string, typeof send>();
  for (const f of send) {
    const section = sectionOfFinding(template, f) || WHOLE_REPORT;
    groups.set(section, [...(groups.get(section) ?? []), f]);
  }
  [...groups].forEach(([section, findings], g) => {
    out.push(_para([_run(`（${chineseNumber(g + 1)}）${section.replace(/^[一二三四五六七八九十]+、/, '')}`, FONT.level2, SIZE.hao3)], { keepNext: true }));
    findings.forEach((f, i) => {
      const note = decisions.get(f.fingerprint)?.note.trim();
      out.push(_para([_run(`${i + 1}.`, FONT.level3, SIZE.hao3, { bold: true }), _run(`【${LEVEL_NAMES[f.level]}】${f.message}${note ? `（审查意见：${note}）` : ''}`, FONT.body, SIZE.hao3)]));
    });
  });
  return out;
}

export interface ReviewDocxOptions {
  /** The units to write (ids); all by default. One unit: a 审查意见 of its own. */
  units?: string[];
}

export function buildReviewDocument(batch: ReviewBatch, decisions: Decisions = new Map(), options: ReviewDocxOptions = {}): Document {
  const units = options.units ? batch.units.filter((u) => options.units!.includes(u.id)) : batch.units;
  const single = units.length === 1 ? units[0]! : null;
  const years = [...new Set(units.map((u) => u.year))];
  const title = single ? REVIEW_TITLE(single.organ || '') : REVIEW_TITLE_ALL(years.length === 1 ? years[0]! : null);
  const children = [_title(title), ...units.flatMap((u, i) => _unitPart(batch, u, decisions, single ? null : `${chineseNumber(i + 1)}、${u.organ || u.id}`))];
  const font = { ascii: FONT.body, hAnsi: FONT.body, eastAsia: FONT.body };
  return new Document({
    creator: 'nianbao',
    title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font, size: SIZE.hao3, language: { value: 'zh-CN', eastAsia: 'zh-CN' } }, paragraph: { spacing: _spacing } } } },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...MARGIN } }, grid: { linePitch: LINE } },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}

export async function renderReviewDocx(batch: ReviewBatch, decisions: Decisions = new Map(), options: ReviewDocxOptions = {}): Promise<Uint8Array> {
  return Packer.pack(buildReviewDocument(batch, decisions, options), 'uint8array');
}
