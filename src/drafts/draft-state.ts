// What the reports list says about a draft's state, and the content key it is judged by.
//
// A draft is 草稿 until it is exported. The export records, on the draft, when, under which file
// name, whether it was the final document (导出 Word 文档) or a draft (导出草稿), and the content
// key of the report that went out. The report is 已定稿 while its last export was final and its
// content is still that key; 已导出 (草稿) likewise for a draft export; once the content differs,
// it is a draft again that was exported before and changed since.
//
// The content key is the report's meaning, not its bytes: keys in any order, and a blank written
// as null, '' or left out are the same (the form and the schema write them differently). Where
// the clerk is (focus) is not content, so moving about an exported report does not change it.
import type { Report } from '../core';
// From its own module, not the core's index: the save worker bundles this file, and worker bundles
// do not go through pureCore (vite.config.ts), so the index would bring all the core (zod too).
import { hash53 } from '../core/text/hash';

export interface ExportMark {
  /** When the file was handed over (ms since the epoch). */
  at: number;
  /** The file name it was given. */
  name: string;
  /** 导出 Word 文档 (true) or 导出草稿 (false). */
  final: boolean;
  /** The content key of the report exported (`contentKey`). */
  key: string;
}

export type DraftState =
  | { kind: 'draft' }
  | { kind: 'final'; at: number; name: string }
  | { kind: 'exported'; at: number; name: string }
  | { kind: 'changed'; at: number; name: string; final: boolean };

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = canonical((value as Record<string, unknown>)[k]);
      if (v === null || v === undefined || v === '') continue;
      if (typeof v === 'object' && (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0)) continue;
      out[k] = v;
    }
    return out;
  }
  return value;
}

/** The report's content as one short key: equal for reports that say the same. */
export function contentKey(report: Report): string {
  const text = JSON.stringify(canonical(report));
  return `${text.length.toString(36)}-${hash53(text)}`;
}

/** An export mark as stored, or undefined when there is none or it is not one (a record of another version). */
export function readExportMark(value: unknown): ExportMark | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const m = value as Partial<ExportMark>;
  if (typeof m.at !== 'number' || !Number.isFinite(m.at) || typeof m.name !== 'string' || typeof m.final !== 'boolean' || typeof m.key !== 'string') return undefined;
  return { at: m.at, name: m.name, final: m.final, key: m.key };
}

/** The state of a draft whose report is `report` and whose last export is `mark`. */
export function draftState(report: Report, mark: unknown): DraftState {
  const m = readExportMark(mark);
  if (!m) return { kind: 'draft' };
  if (contentKey(report) !== m.key) return { kind: 'changed', at: m.at, name: m.name, final: m.final };
  return m.final ? { kind: 'final', at: m.at, name: m.name } : { kind: 'exported', at: m.at, name: m.name };
}
