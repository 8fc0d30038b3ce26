// The fee pass: 信息处理费 from 六 (or from the whole text when 六 was not found), in the
// template's own sentence or the wordings units use to say none was collected; the sentence
// nianbao itself appends is taken out of 六 again so a round trip keeps the text as written.
import { fillMessage, type Report, type Template } from '../core';
import type { ImportHints } from './hints';
import { normalizeLabel } from './match-labels';
import { feeRegex } from './narrative';

export type FeeRead = { fee: Report['fee']; stated: boolean };

export function readFee(report: Report, template: Template, hints: ImportHints): FeeRead {
  const feeSection = template.spec.sections.find((s) => s.fee);
  const fee: Report['fee'] = { status: null, notices: null, amount: null, collectedAmount: null };
  const feeText = normalizeLabel((feeSection && report.narrative[feeSection.id]) || Object.values(report.narrative).join('\n'));
  const collected = feeRegex(template.spec.fee.sentences.collected).exec(feeText);
  const num = (s: string | undefined) => (s === undefined ? null : Number(s.replace(/,/g, '')));
  if (collected?.groups) {
    Object.assign(fee, { status: 'collected', notices: num(collected.groups.notices), amount: num(collected.groups.amount), collectedAmount: num(collected.groups.collectedAmount) });
  } else if (hints.feeNone.some((p) => feeText.includes(normalizeLabel(p))) || (hints.feeNonePatterns ?? []).some((p) => new RegExp(p).test(feeText))) {
    fee.status = 'none';
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
