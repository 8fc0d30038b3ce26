// The text slots of a report that hold text, and the name a message gives a slot
// (一、总体情况 · （二）依申请公开): shared by every rule over the narrative.
import type { TextSlot } from '../../template/load';
import type { RuleContext } from '../context';

export function slotName(slot: TextSlot): string {
  return slot.section && slot.section.id !== slot.id ? `${slot.section.label} · ${slot.label}` : slot.label;
}

export function proseSlots(ctx: RuleContext): { slot: TextSlot; text: string }[] {
  return ctx.template.texts
    .map((slot) => ({ slot, text: ctx.report.narrative[slot.id] ?? '' }))
    .filter((t) => t.text.trim() !== '');
}
