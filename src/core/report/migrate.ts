// Report format versions. Each entry upgrades a document from version n to n + 1; a file newer
// than this program is refused, never guessed at. Version 1 is the first published format, so
// the table is empty until the format changes.
import { REPORT_FORMAT, REPORT_FORMAT_VERSION } from './format';

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Record<number, Migration> = {};

export type MigrateResult = { ok: true; doc: Record<string, unknown> } | { ok: false; message: string };

export function migrateReport(json: unknown, migrations: Record<number, Migration> = MIGRATIONS, current = REPORT_FORMAT_VERSION): MigrateResult {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { ok: false, message: '文件内容不是一个报告对象（JSON 对象）' };
  let doc = json as Record<string, unknown>;
  if (doc.format !== REPORT_FORMAT) {
    return { ok: false, message: `不是 nianbao 报告文件：format 应为 “${REPORT_FORMAT}”，${doc.format === undefined ? '文件中没有此项' : `实际为 ${JSON.stringify(doc.format)}`}` };
  }
  const version = doc.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: `formatVersion 应为正整数，${version === undefined ? '文件中没有此项' : `实际为 ${JSON.stringify(version)}`}` };
  }
  if (version > current) {
    return { ok: false, message: `此文件的格式版本为 ${version}，比本程序支持的版本 ${current} 新，请升级 nianbao 后再打开` };
  }
  for (let v = version; v < current; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, message: `无法从格式版本 ${v} 升级到 ${v + 1}` };
    doc = { ...step(doc), formatVersion: v + 1 };
  }
  return { ok: true, doc };
}
