// The fee pass: 信息处理费 from 六 (or from the whole text when 六 was not found), in the
// template's own sentence or the wordings units use to say none was collected; the sentence
// nianbao itself appends is taken out of 六 again so a round trip keeps the text as written.
import { fillMessage, type Report, type Template } from '../core';
import type { ImportHints } from './hints';
import { normalizeLabel } from './match-labels';
import { feeRegex } from './narrative';
import { splits, tokenize } from './split-run';

export type FeeRead = { fee: Report['fee']; stated: boolean };

/**
 * A table of the fee some layouts print as a section of its own ("五、信息处理费收取情况
 * 通知收取件数 通知收取金额（元） 实际收取金额（元） 信息处理费收取情况 0 0 0"): its three
 * column labels (as the hints know them) in order, then exactly three numbers.
 */
function _feeTable(whole: string, hints: ImportHints): Report['fee'] | null {
  const t = hints.feeTable;
  if (!t) return null;
  const c = whole.replace(/[\s\u3000]+/g, ' ');
  const alt = (xs: string[]) => `(?:${xs.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
  const unit = '\\s*(?:[（(]元[）)])?\\s*';
  const head = new RegExp(`${alt(t.notices)}${unit}${alt(t.amount)}${unit}${alt(t.collectedAmount)}${unit}(?:${alt(t.rowLabels)})?\\s*`).exec(c);
  if (!head) return null;
  const run = /^[\d\s.,]+/.exec(c.slice(head.index + head[0].length))?.[0] ?? '';
  const tokens = tokenize(run);
  // The same certainty as the grids: one reading of the three numbers, or nothing.
  const readings = tokens?.length ? splits(tokens, ['count', 'amount', 'amount']) : null;
  if (readings?.length !== 1) return null;
  const [notices, amount, collected] = readings[0]! as number[];
  return notices === 0 && amount === 0 && collected === 0
    ? { status: 'none', notices: null, amount: null, collectedAmount: null }
    : { status: 'collected', notices: notices!, amount: amount!, collectedAmount: collected! };
}

/**
 * A sentence that says an amount was collected ("全年收取政府信息公开信息处理费3940元", "收取…0.39万元"),
 * in 元 whatever unit it was printed in; null when none is stated or it is negated (未收取…).
 */
const COLLECTED_AMOUNT = /(?<![未没无不])(?:收取|收缴|收到)(?:了)?[^。；;，,]{0,24}?(?<![\d.])(\d[\d,]*(?:\.\d+)?)(万元|元)/;

function _collectedAmount(feeText: string): { amount: number; at: number; length: number } | null {
  const m = COLLECTED_AMOUNT.exec(feeText);
  if (!m) return null;
  const n = Number(m[1]!.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  return { amount: m[2] === '万元' ? Math.round(n * 1_000_000) / 100 : n, at: m.index, length: m[0].length };
}

export function readFee(report: Report, template: Template, hints: ImportHints, whole = ''): FeeRead {
  const feeSection = template.spec.sections.find((s) => s.fee);
  const fee: Report['fee'] = { status: null, notices: null, amount: null, collectedAmount: null };
  const table = _feeTable(whole, hints);
  if (table) return { fee: table, stated: true };
  const feeText = normalizeLabel((feeSection && report.narrative[feeSection.id]) || Object.values(report.narrative).join('\n'));
  const collected = feeRegex(template.spec.fee.sentences.collected).exec(feeText);
  const num = (s: string | undefined) => (s === undefined ? null : Number(s.replace(/,/g, '')));
  if (collected?.groups) {
    Object.assign(fee, { status: 'collected', notices: num(collected.groups.notices), amount: num(collected.groups.amount), collectedAmount: num(collected.groups.collectedAmount) });
  } else {
    const stated = _collectedAmount(feeText);
    // A wording of "none" is looked for around the amount, not in it ("处理费3940元" is no "0元").
    const rest = stated ? feeText.slice(0, stated.at) + '。' + feeText.slice(stated.at + stated.length) : feeText;
    const none = hints.feeNone.some((p) => rest.includes(normalizeLabel(p))) || (hints.feeNonePatterns ?? []).some((p) => new RegExp(p).test(rest));
    if (stated && stated.amount > 0) {
      // An amount collected and a "none" elsewhere contradict each other: left for the clerk to say.
      if (!none) Object.assign(fee, { status: 'collected', collectedAmount: stated.amount });
    } else if (none || stated?.amount === 0) {
      fee.status = 'none';
    }
  }
  if (feeSection && fee.status) {
    const std = fillMessage(fee.status === 'none' ? template.spec.fee.sentences.none : template.spec.fee.sentences.collected, {
      year: report.year, notices: fee.notices ?? '', amount: fee.amount ?? '', collectedAmount: fee.collectedAmount ?? '',
    });
    const text = report.narrative[feeSection.id];
    if (text && (text === std || text.endsWith(`\n${std}`))) {
      const rest = text.slice(0, text.length - std.length).replace(/\n$/, '');
      if (rest) report.narrative[feeSection.id] = rest;
      else delete report.narrative[feeSection.id];
    }
  }
  return { fee, stated: fee.status !== null };
}
