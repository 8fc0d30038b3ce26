// A finding is data first (rule, level, cells, values); its Chinese sentence is filled in from
// the rule's message template in the template file.
import type { CellId } from '../template/resolve';
import type { Place } from '../place';

export type Level = 'error' | 'warning' | 'incomplete';
export type Mode = 'draft' | 'final';

export interface Finding {
  rule: string;
  level: Level;
  /** Section id the finding belongs to (for grouping), when it has one. */
  section?: string;
  /** The cells involved, so a view can highlight them; the first is where focus goes. */
  cells: CellId[];
  /** Input cells behind computed totals among `cells`: not highlighted, but changing any of them changes the finding. */
  inputs?: CellId[];
  /** The text slot involved (narrative rules). */
  text?: string;
  /** Where in the text slot's text: [start, end) of the sentence the finding is about. */
  range?: [number, number];
  params: Record<string, string | number>;
  message: string;
  /** Where it leads (set by checkReport from cells, text and params); null: the report as a whole. */
  place?: Place | null;
  /** A blank or missing item: 'incomplete' while drafting, an error when checked as finished (set by checkReport). */
  unfinished?: true;
}

/** Replace {name} placeholders; unknown names stay visible rather than vanish. */
export function fillMessage(pattern: string, params: Record<string, string | number | undefined>): string {
  return pattern.replace(/\{([A-Za-z][\w-]*)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

export const LEVEL_ORDER: Record<Level, number> = { error: 0, warning: 1, incomplete: 2 };

export function formatValue(v: number | null | undefined): string {
  return v == null ? '空白' : String(v);
}

/** 2024-01-20 → 2024年1月20日, the way a 成文日期 is written. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}
