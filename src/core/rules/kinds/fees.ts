// R19: what 六 says about the 信息处理费 agrees with the grid and the fee facts. An application
// closed because the applicant did not pay a fee notice （六）2 means a notice was issued, so a
// text saying no fee arose is wrong, and fee facts of 未收取 with no notice contradict the grid.
import type { RuleSpec } from '../../template/schema';
import type { Finding } from '../finding';
import type { RuleContext } from '../context';
import { dataRegex, sentenceAt } from '../../text/sentences';
import { proseSlots } from './slots';

type Of<K extends RuleSpec['kind']> = Extract<RuleSpec, { kind: K }>;

const _prose = (ctx: RuleContext) => proseSlots(ctx).map(({ slot, text }) => ({ slot: slot.id, text }));

function _firstHit(texts: { slot: string; text: string }[], patterns: string[]): { slot: string; quote: string; m: RegExpExecArray } | null {
  for (const { slot, text } of texts) {
    for (const p of patterns) {
      const m = dataRegex(p).exec(text);
      if (m) return { slot, quote: sentenceAt(text, m.index) || m[0], m };
    }
  }
  return null;
}

export function checkFeeConsistency(rule: Of<'fee-consistency'>, ctx: RuleContext): Finding[] {
  const cells = rule.noticeCells.filter((c) => ctx.template.cells.has(c));
  const unpaid = cells.reduce((s, c) => s + (ctx.value(c) ?? 0), 0);
  const texts = _prose(ctx);
  const { fee } = ctx.report;
  const feeSection = ctx.template.spec.sections.find((s) => s.fee)?.id;
  const findings: Finding[] = [];
  const denial = _firstHit(texts, rule.denials);
  const counted = _firstHit(texts, rule.noticeCounts);
  const statedNotices = counted ? Number(counted.m[1] ?? NaN) : NaN;
  const place = cells.map((c) => ctx.place(c)).join('、');

  if (unpaid > 0 && denial && !(statedNotices > 0)) {
    findings.push(ctx.finding(rule, { section: feeSection, cells, text: denial.slot, params: { quote: denial.quote, place, unpaid } }));
  }
  // The structured facts (the form's fee fields) against the grid and the text; a published
  // report has no such fields of its own (the import derives them), so its text is what counts.
  if (ctx.published) return findings;
  if (fee.status === 'none' && unpaid > 0) {
    findings.push(ctx.finding(rule, { section: feeSection, cells, text: feeSection, params: { place, unpaid } }, rule.factsMessage));
  } else if (fee.status === 'none' && statedNotices > 0) {
    findings.push(ctx.finding(rule, { section: feeSection, cells: [], text: counted!.slot, params: { quote: counted!.quote } }, rule.factsTextMessage));
  }
  if (fee.status === 'collected' && fee.notices != null && statedNotices >= 0 && statedNotices !== fee.notices) {
    findings.push(
      ctx.finding(rule, { section: feeSection, cells: [], text: counted!.slot, params: { quote: counted!.quote, stated: statedNotices, notices: fee.notices } }, rule.countMessage),
    );
  }
  return findings;
}
