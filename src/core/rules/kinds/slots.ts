// The text slots of a report that hold text, and the name a message gives a slot
// (section · part, e.g. 一 · （二）): shared by every rule over the narrative.
import type { TextSlot } from '../../template/load';
import type { RuleContext } from '../context';
import { prefaceText } from '../../report/create';

export function slotName(slot: TextSlot): string {
  return slot.section && slot.section.id !== slot.id ? `${slot.section.label} · ${slot.label}` : slot.label;
}

export function proseSlots(ctx: RuleContext): { slot: TextSlot; text: string }[] {
  return ctx.template.texts
    .map((slot) => ({ slot, text: ctx.report.narrative[slot.id] ?? '' }))
    .filter((t) => t.text.trim() !== '');
}

/**
 * The slots as the document prints them: an empty preface prints the template's default with the
 * contact facts filled in, so a placeholder left there by an empty fact is printed too.
 */
export function printedProseSlots(ctx: RuleContext): { slot: TextSlot; text: string }[] {
  return ctx.template.texts
    .map((slot) => {
      const own = ctx.report.narrative[slot.id] ?? '';
      const text = slot.id === 'preface' && own.trim() === '' ? prefaceText(ctx.template, ctx.report) : own;
      return { slot, text };
    })
    .filter((t) => t.text.trim() !== '');
}
