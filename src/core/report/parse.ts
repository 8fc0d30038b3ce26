// parseReport: any JSON value → a valid Report of a known template, or Chinese problems. Never
// throws: files come from users, importers and fuzzers.
import type { Template } from '../template/load';
import { migrateReport } from './migrate';
import { describeIssues, type Problem } from './problems';
import { reportSchema, type Report } from './schema';

export type ParseResult = { ok: true; report: Report; template: Template } | { ok: false; problems: Problem[] };

const MAX_DEPTH = 12;

function _tooDeep(v: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return true;
  if (v && typeof v === 'object') return Object.values(v).some((x) => _tooDeep(x, depth + 1));
  return false;
}

const schemas = new WeakMap<Template, ReturnType<typeof reportSchema>>();
export function schemaOf(template: Template) {
  let s = schemas.get(template);
  if (!s) schemas.set(template, (s = reportSchema(template)));
  return s;
}

export function parseReport(json: unknown, templates: (id: string) => Template | undefined): ParseResult {
  try {
    if (_tooDeep(json)) return { ok: false, problems: [{ path: '(文件)', message: `嵌套层数超过 ${MAX_DEPTH} 层，不是报告文件` }] };
    const migrated = migrateReport(json);
    if (!migrated.ok) return { ok: false, problems: [{ path: '(文件)', message: migrated.message }] };
    const id = migrated.doc.template;
    const template = typeof id === 'string' ? templates(id) : undefined;
    if (!template) return { ok: false, problems: [{ path: 'template', message: `template：未知的报告模板 ${JSON.stringify(id) ?? '缺少'}` }] };
    const parsed = schemaOf(template).safeParse(migrated.doc);
    if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error.issues, migrated.doc, template) };
    return { ok: true, report: parsed.data, template };
  } catch (e) {
    return { ok: false, problems: [{ path: '(文件)', message: `无法读取：${e instanceof Error ? e.message : String(e)}` }] };
  }
}

/** Text of a file → ParseResult, with JSON syntax errors reported in Chinese. */
export function parseReportText(text: string, templates: (id: string) => Template | undefined): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    // JSON.parse explains in English; the clerk needs to know what the file is not.
    void e;
    return { ok: false, problems: [{ path: '(文件)', message: '文件内容不是报告文件：不是有效的 JSON，可能不是 nianbao 保存的文件，或文件已损坏' }] };
  }
  return parseReport(json, templates);
}
