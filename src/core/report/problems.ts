// zod issues → Chinese problems that name the place in the file and what was expected vs found.
import type { z } from 'zod';
import type { Template } from '../template/load';

export interface Problem {
  /** Dotted path in the JSON document, e.g. values.applications:new:natural-person. */
  path: string;
  /** A whole sentence that names the place itself: shown as it is, never taken apart. */
  message: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字', number: '数字', int: '整数', boolean: '是/否', object: '对象', array: '数组',
  null: 'null', undefined: '缺少', nan: 'NaN', bigint: '大整数',
};

function _typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function _show(v: unknown): string {
  if (typeof v === 'string') return `“${v.length > 40 ? `${v.slice(0, 40)}…` : v}”`;
  if (v === undefined) return '缺少';
  try {
    const s = JSON.stringify(v);
    return s.length > 40 ? `${s.slice(0, 40)}…` : s;
  } catch {
    return String(v);
  }
}

function _where(template: Template | undefined, path: PropertyKey[]): string {
  const [head, key] = path;
  const cell = typeof key === 'string' ? template?.cells.get(key) : undefined;
  if ((head === 'values' || head === 'printed') && cell) {
    return `（${template?.sectionOf(cell.grid)?.label ?? cell.grid} · ${cell.name}）`;
  }
  const fee = template?.spec.fee;
  if (head === 'fee' && fee && typeof key === 'string' && key in fee.labels) return `（${fee.label} · ${fee.labels[key as keyof typeof fee.labels]}）`;
  const slot = head === 'narrative' && typeof key === 'string' ? template?.texts.find((t) => t.id === key) : undefined;
  return slot ? `（${slot.label}）` : '';
}

export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown, template?: Template): Problem[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(文件)';
    const where = _where(template, issue.path);
    const found = issue.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k as string] : undefined), input);
    let message: string;
    switch (issue.code) {
      case 'invalid_type':
        message =
          found === undefined
            ? `缺少此项（应为${TYPE_NAMES[issue.expected] ?? issue.expected}）`
            : `应为${TYPE_NAMES[issue.expected] ?? issue.expected}，实际为${TYPE_NAMES[_typeOf(found)] ?? _typeOf(found)} ${_show(found)}`;
        break;
      case 'unrecognized_keys':
        message = `含有本格式没有的字段：${issue.keys.map((k) => `“${k}”`).join('、')}`;
        break;
      case 'invalid_value':
        message = found === undefined ? `缺少此项（应为 ${issue.values.map((v) => _show(v)).join(' 或 ')}）` : `应为 ${issue.values.map((v) => _show(v)).join(' 或 ')}，实际为 ${_show(found)}`;
        break;
      case 'too_big':
        message = `过大或过长（上限 ${String(issue.maximum)}），实际为 ${_show(found)}`;
        break;
      case 'too_small':
        message = `过小或过短（下限 ${String(issue.minimum)}），实际为 ${_show(found)}`;
        break;
      case 'invalid_format':
        // 2024-04-31 is written right but names no day: say so, not that the format is wrong.
        message =
          issue.format === 'date' && typeof found === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(found)
            ? `没有这一天（${_noSuchDay(found)}），实际为 ${_show(found)}`
            : `格式不对（应为 ${issue.format === 'date' ? 'YYYY-MM-DD 日期' : issue.format}），实际为 ${_show(found)}`;
        break;
      default:
        message = `${issue.message}，实际为 ${_show(found)}`;
    }
    return { path, message: `${path}${where}：${message}` };
  });
}

/** "2024年4月没有31日", or "没有13月" when the month is not one. */
function _noSuchDay(date: string): string {
  const month = Number(date.slice(5, 7));
  return month >= 1 && month <= 12 ? `${date.slice(0, 4)}年${month}月没有${Number(date.slice(8))}日` : `一年没有${month}月`;
}
