// The boundary where a report is stored (a draft in the browser, a file the CLI import writes):
// what is stored must pass the report schema, or it could not be opened again. A value the schema
// refuses is made storable here (an impossible date cleared, an over-long text cut, a number out
// of range or a field the format does not have removed) and each change is recorded as a note
// that names the place and keeps the original value in full, so nothing becomes unreadable.
// Only what cannot be mended (not a report, an unknown template, a newer format) is refused.
import type { z } from 'zod';
import type { Template } from '../template/load';
import { migrateReport } from './migrate';
import { parseReport, schemaOf, type ParseResult } from './parse';
import { describeIssues, type Problem } from './problems';
import type { Report } from './schema';

export interface RepairNote extends Problem {
  /** What the place held before, in full (a cut text's whole original, a cleared date). */
  original: string;
}

export type StorableResult =
  | { ok: true; report: Report; template: Template; notes: RepairNote[] }
  | { ok: false; problems: Problem[] };

/** Passes over the issues: each pass mends what the previous one revealed (e.g. under a removed key). */
const MAX_PASSES = 6;

type Container = Record<string, unknown> | unknown[];

function _parentOf(doc: Record<string, unknown>, path: PropertyKey[]): Container | undefined {
  let at: unknown = doc;
  for (const key of path.slice(0, -1)) {
    if (!at || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key as string];
  }
  return at && typeof at === 'object' ? (at as Container) : undefined;
}

function _shown(v: unknown): string {
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/**
 * Mend one issue in place; returns what was done (for the note), or null when the place cannot
 * be mended without guessing (a required field of the wrong kind is left for the refusal).
 */
function _mend(doc: Record<string, unknown>, issue: z.core.$ZodIssue): string | null {
  const parent = _parentOf(doc, issue.path);
  const key = issue.path[issue.path.length - 1];
  if (issue.code === 'unrecognized_keys') {
    const target = issue.path.length ? (parent as Record<string, unknown> | undefined)?.[key as string] : doc;
    if (!target || typeof target !== 'object') return null;
    for (const k of issue.keys) delete (target as Record<string, unknown>)[k];
    return '已删除';
  }
  if (!parent || key === undefined) return null;
  const slot = parent as Record<PropertyKey, unknown>;
  const value = slot[key as string];
  if (issue.code === 'too_big' && typeof value === 'string' && issue.origin === 'string') {
    const cut = value.slice(0, Number(issue.maximum));
    slot[key as string] = /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut; // never half a character
    return `已截短为 ${String(issue.maximum)} 字，被截去的部分在原值中`;
  }
  if (Array.isArray(parent)) {
    parent.splice(Number(key), 1);
    return '已删除';
  }
  // The schema's blanks: null where it allows null (dates, cells, fee facts, the level), else the key goes.
  const nullable = issue.path[0] === 'values' || issue.path[0] === 'printed' || issue.path[0] === 'fee' || issue.path[0] === 'dates' || (issue.path[0] === 'organ' && key === 'level');
  if (nullable) {
    slot[key as string] = null;
    return '已清空';
  }
  const optional = issue.path[0] === 'narrative' || issue.path[0] === 'lastYear' || issue.path[0] === 'revise' || issue.path[0] === 'source' || key === 'titleName' || key === '$schema';
  if (optional) {
    delete slot[key as string];
    return '已删除';
  }
  if (issue.path[0] === 'contact' || (issue.path[0] === 'organ' && key === 'name')) {
    slot[key as string] = typeof value === 'string' ? value : '';
    return '已清空';
  }
  return null;
}

/** A report value (an import's result, a stored draft) → a report that passes the schema, with notes. */
export function toStorableReport(value: unknown, templates: (id: string) => Template | undefined): StorableResult {
  const first: ParseResult = parseReport(value, templates);
  if (first.ok) return { ...first, notes: [] };
  const migrated = migrateReport(value);
  const template = migrated.ok && typeof migrated.doc.template === 'string' ? templates(migrated.doc.template) : undefined;
  if (!migrated.ok || !template) return first;
  let doc: Record<string, unknown>;
  try {
    doc = structuredClone(migrated.doc);
  } catch {
    return first;
  }
  const notes: RepairNote[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const parsed = schemaOf(template).safeParse(doc);
    if (parsed.success) return { ok: true, report: parsed.data, template, notes };
    const problems = describeIssues(parsed.error.issues, doc, template);
    // The originals are read before any mending of this pass changes the document.
    const originals = parsed.error.issues.map((issue) => {
      const parent = _parentOf(doc, issue.path) as Record<PropertyKey, unknown> | undefined;
      const at = issue.code === 'unrecognized_keys' ? (issue.path.length ? parent?.[issue.path[issue.path.length - 1] as string] : doc) : parent?.[issue.path[issue.path.length - 1] as string];
      if (issue.code === 'unrecognized_keys' && at && typeof at === 'object') {
        return _shown(Object.fromEntries(issue.keys.map((k) => [k, (at as Record<string, unknown>)[k]])));
      }
      return _shown(at);
    });
    // Deepest first, and array items from the end, so mending one place does not move another.
    const order = parsed.error.issues.map((_, i) => i).sort((a, b) => _compareForMending(parsed.error.issues[a]!.path, parsed.error.issues[b]!.path));
    for (const i of order) {
      const done = _mend(doc, parsed.error.issues[i]!);
      if (done === null) return { ok: false, problems };
      notes.push({ ...problems[i]!, message: `${problems[i]!.message}——${done}`, original: originals[i]! });
    }
  }
  return first;
}

function _compareForMending(a: PropertyKey[], b: PropertyKey[]): number {
  if (a.length !== b.length) return b.length - a.length;
  const x = a[a.length - 1];
  const y = b[b.length - 1];
  return typeof x === 'number' && typeof y === 'number' ? y - x : 0;
}
