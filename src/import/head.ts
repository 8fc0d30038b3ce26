// Title and dates: the report's organ and year from its title (the page's 标题 or the first words
// of the body, in the official pattern or the variants units print: 2023年度…, 关于2021年度…,
// 2017 年…), the statistics period or the first year named when there is no title, and the
// signature (发文机关署名 and 成文日期) at the end, even when it closes a one-line report.
import type { Template } from '../core';
import { normalizeLabel } from './match-labels';
import { DOC_NUMBER, titleRegex } from './narrative';
import { dateOf, plainDigits, type PageFacts } from './furniture';
import type { Item } from './sections';

export interface Head {
  title?: { organ: string; year: number; printed: string };
  signature?: { name: string; date: string | null };
  /** A date printed alone right under the title. */
  titleDate?: string;
  /** 此函 printed before the signature, as a letter closes: a report is not a letter. */
  letterClosing?: boolean;
  /** 发文字号 and other lines above the title: not part of the report. */
  above: string[];
  /** The items of the body: title, signature and attachments taken out. */
  body: Item[];
  /** An attachment of the template (the pre-2019 统计表) from its title on: not narrative. */
  attachment: Item[];
}

const LOOSE_TITLE = /^(?<organ>[^，。,；;：:“”《》〔〕［］【】\d]{2,40}?)\s*(关于)?\s*(?<year>(19|20)\d{2})\s*年度?\s*(的)?\s*(政府信息公开|政务公开|信息公开)(工作)?\s*(的)?\s*(年度)?\s*(报告|年报)/;
// The year after the subject: "某某局政府信息公开工作2023年度报告".
const YEAR_AFTER_TITLE = /^(?<organ>[^，。,；;：:“”《》〔〕［］【】\d]{2,40}?)\s*(政府信息公开|政务公开|信息公开)(工作)?\s*(?<year>(19|20)\d{2})\s*年度?\s*(报告|年报)/;
// The year first: "2023年度某某局政府信息公开工作年度报告".
const YEAR_FIRST_TITLE = /^(?<year>(19|20)\d{2})\s*年度?\s*(?<organ>[^，。,；;：:“”《》〔〕［］【】\d]{2,40}?)\s*(政府信息公开|政务公开|信息公开)(工作)?\s*(的)?\s*(年度)?\s*(报告|年报)/;
// The 成文日期 closing the text, in Arabic (also full-width) or Chinese numerals (二〇二四, and 二○一○
// with the circle older documents print for 〇).
const DATE = '(?:19|20|１９|２０)[0-9０-９]{2}\\s*年\\s*[0-9０-９]{1,2}\\s*月\\s*[0-9０-９]{1,2}\\s*日|[〇零一二三四五六七八九ＯO○◯]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日';
const SIGNATURE_DATE = new RegExp(`(${DATE})\\s*$`);
// An attachment run on after the signature on the same line ("…财政局 二○一○年四月十日 附表： 指标名称…").
const INLINE_ATTACHMENT = new RegExp(`(${DATE})\\s*(附(?:件|表)?\\s*\\d*\\s*[：:][\\s\\S]*)$`);
const ORGAN_END = /(政府|办事处|委员会|管委会|管理局|局|厅|委|办公室|办|中心|院|所|署|会|处|队|站|馆|镇|乡|街道|区|县|市)$/;

function _title(raw: string, template: Template): { organ: string; year: number; printed: string } | undefined {
  // A title set in brackets or quotes on a web page: 【某某局2023年…报告】, 《…》.
  const printed = raw.trim().replace(/^[【《“"]\s*(.*?)\s*[】》”"]$/, '$1');
  // Digits made plain to read the year (二〇二三, full width: the same length), printed kept as is.
  const text = plainDigits(printed);
  const n = normalizeLabel(text);
  const exact = titleRegex(template).exec(n);
  if (exact?.groups) return { organ: exact.groups.organ!, year: Number(exact.groups.year), printed };
  const m = LOOSE_TITLE.exec(text) ?? YEAR_FIRST_TITLE.exec(text) ?? YEAR_AFTER_TITLE.exec(text);
  if (!m?.groups) return undefined;
  const same = text.length === printed.length;
  return { organ: normalizeLabel(m.groups.organ!), year: Number(m.groups.year), printed: (same ? printed.slice(m.index, m.index + m[0].length) : m[0]).trim() };
}

export function readHead(items: Item[], facts: PageFacts, template: Template): Head {
  // A title set in brackets on a web page (【…报告】) is unwrapped where it stands.
  const unwrap = (it: Item): Item => (it.kind === 'text' && /^\s*【[^【】]*报告\s*】\s*$/.test(it.text) ? { kind: 'text', text: it.text.trim().slice(1, -1) } : it);
  const head: Head = { above: [], body: items.map(unwrap), attachment: [] };
  const body = head.body;
  if (facts.title) head.title = _title(facts.title, template);
  if (head.title && facts.title) head.title.printed = facts.title;
  // The title in the body: a line of its own (maybe broken over up to three), or the first words.
  for (let i = 0; i < Math.min(body.length, 8); i++) {
    const it = body[i]!;
    if (it.kind !== 'text') break;
    const n = normalizeLabel(it.text);
    if (DOC_NUMBER.test(n)) {
      head.above.push(n);
      body.splice(i--, 1);
      continue;
    }
    let joined = '';
    let found: ReturnType<typeof _title>;
    let lines = 0;
    for (let k = i; k < Math.min(body.length, i + 3); k++) {
      const b = body[k]!;
      if (b.kind !== 'text') break;
      joined += b.text.trim();
      found = _title(joined, template);
      lines = k - i + 1;
      if (found) break;
    }
    if (!found || !normalizeLabel(joined).startsWith(normalizeLabel(found.printed).slice(0, 4))) {
      if (head.title || i > 2) break;
      continue;
    }
    head.title ??= found;
    const rest = joined.trim().slice(found.printed.length).trim();
    body.splice(i, lines, ...(rest ? [{ kind: 'text' as const, text: rest }] : []));
    // Lines above the title (a 文号, the unit's name) are not the report's text.
    for (const b of body.splice(0, i)) if (b.kind === 'text') head.above.push(b.text);
    const next = body[0];
    if (next?.kind === 'text' && /^[（(]?\s*(19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]?$/.test(next.text.trim())) {
      head.titleDate = dateOf(next.text);
      body.shift();
    }
    break;
  }
  // The signature stands before an attachment, not at the very end.
  head.attachment = body.splice(_attachmentStart(body, template));
  _inlineAttachment(head);
  _signature(head);
  return head;
}

/**
 * Where an attachment of the template starts: the last line that is its title (the table's title
 * under 附件, as published, or the section's label, as nianbao exports it), with a 附件 line above.
 * A reference to it in the text ("附件：…统计表") comes earlier and stays text.
 */
function _attachmentStart(body: Item[], template: Template): number {
  const attachments = template.spec.sections.filter((s) => s.attachment);
  const titles = new Set([...attachments.map((s) => s.label), ...attachments.flatMap((s) => s.grids ?? []).map((g) => template.grid(g).label)].map(normalizeLabel));
  let at = body.length - 1;
  while (at >= 0 && !(body[at]!.kind === 'text' && titles.has(normalizeLabel((body[at] as { text: string }).text)))) at--;
  if (at < 0) return body.length;
  const above = body[at - 1];
  return above?.kind === 'text' && /^附件\s*\d*$/.test(normalizeLabel(above.text)) ? at - 1 : at;
}

/** An attachment printed after the signature date on the signature's own line is the attachment's. */
function _inlineAttachment(head: Head): void {
  const body = head.body;
  let last = body.length - 1;
  while (last >= 0 && body[last]!.kind !== 'text') last--;
  if (last < 0) return;
  const text = (body[last] as { text: string }).text;
  const m = INLINE_ATTACHMENT.exec(text);
  if (!m) return;
  head.attachment.unshift({ kind: 'text', text: m[2]!.trim() });
  body[last] = { kind: 'text', text: text.slice(0, m.index + m[1]!.length) };
}

/** The signature at the very end: a name line and a date line, or "…。 某某局 2024年1月12日". */
function _signature(head: Head): void {
  const body = head.body;
  let last = body.length - 1;
  while (last >= 0 && body[last]!.kind !== 'text') last--;
  if (last < 0) return;
  // The text is kept as printed: digits are made plain only to read the date.
  let text = (body[last] as { text: string }).text.trim();
  // The 版记 line "某某办公室 2022年1月7日印发" closes some letters: not the signature.
  if (/印发\s*$/.test(text)) text = text.replace(/\s*[^\s。；]{2,30}\s*(19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发\s*$/, '');
  const dm = SIGNATURE_DATE.exec(text);
  let date: string | null = null;
  let rest = text;
  if (dm) {
    date = dateOf(dm[1]!) ?? null;
    rest = text.slice(0, dm.index).trim();
  }
  let name = '';
  if (!rest && date && last > 0) {
    // Date on its own line: the name is the line above, when it is a short line without punctuation.
    const prev = body[last - 1];
    if (prev?.kind === 'text' && prev.text.trim().length <= 40 && !/[。，,；;：:]/.test(prev.text) && ORGAN_END.test(normalizeLabel(prev.text))) {
      name = normalizeLabel(prev.text);
      body.splice(last - 1, 1);
      last--;
    }
  } else {
    const m = /(?:^|[\s。；！？!?：:）)\d])([^\s。；，,！？!?：:（）()\d]{2,40})$/.exec(rest);
    if (m && ORGAN_END.test(m[1]!) && (date || rest === m[1])) {
      name = m[1]!;
      rest = rest.slice(0, rest.length - name.length).trim();
    } else if (!date) return;
  }
  if (!name && !date) return;
  if (/^此函/.test(name) || /此函\s*$/.test(rest)) head.letterClosing = true;
  head.signature = { name: name.replace(/^此函/, ''), date };
  rest = rest.replace(/\s*此函\s*$/, '').trim();
  if (rest) body[last] = { kind: 'text', text: rest };
  else body.splice(last, 1);
}
