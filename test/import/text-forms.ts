// Writes a report as the text forms real published reports arrive in (the test's own writer, not
// the importer's): one cell per line, numbers in runs of spaces (PDF-tool text), the whole report
// on one line with each row's digits run together, Markdown tables with empty cells, tabs.
import type { BlockSpec, CellId, RowNode, Template } from '../../src/core';

export type TextForm = 'lines' | 'spaces' | 'flat' | 'markdown' | 'tabs';
export const TEXT_FORMS: TextForm[] = ['lines', 'spaces', 'flat', 'markdown', 'tabs'];

export interface Facts {
  organ: string;
  year: number;
  /** 成文日期 printed under the signature (YYYY-MM-DD). */
  written: string;
}

const leaves = (nodes: BlockSpec['columns']): { id: string; label: string }[] =>
  nodes.flatMap((n) => (n.children ? leaves(n.children) : [n]));

const show = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** The lines of one grid: block titles, headers, then each row's label and values. */
function gridRows(template: Template, gridId: string, values: ReadonlyMap<CellId, number | null>): { label: string; values: string[]; header?: string[] }[] {
  const grid = template.spec.grids.find((g) => g.id === gridId)!;
  const out: { label: string; values: string[]; header?: string[] }[] = [];
  for (const block of grid.blocks) {
    if (block.title) out.push({ label: block.title, values: [] });
    const cols = leaves(block.columns);
    const header = [block.corner ?? '', ...block.columns.map((c) => c.label), ...cols.filter((c) => !block.columns.includes(c as never)).map((c) => c.label)].filter(Boolean);
    out.push({ label: header.join(' '), values: [], header });
    const walk = (rows: RowNode[]) => {
      for (const row of rows) {
        const vals = row.children ? [] : cols.map((c) => show(values.get(`${gridId}:${row.id}:${c.id}`)));
        out.push({ label: row.label ?? '', values: vals });
        if (row.children) walk(row.children);
      }
    };
    walk(block.rows);
  }
  return out;
}

export function writeReport(template: Template, facts: Facts, values: ReadonlyMap<CellId, number | null>, narrative: Record<string, string>, form: TextForm): string {
  const title = template.spec.title.replace('{organ}', facts.organ).replace('{year}', String(facts.year));
  const [y, m, d] = facts.written.split('-').map(Number);
  const parts: string[] = [];
  const heading = (label: string) => (form === 'markdown' ? `## ${label}` : label);
  parts.push(form === 'markdown' ? `# ${title}` : title);
  parts.push(narrative.preface ?? `本报告统计期限为${facts.year}年1月1日至${facts.year}年12月31日。`);
  for (const s of template.spec.sections) {
    parts.push(heading(s.label));
    if (narrative[s.id]) parts.push(narrative[s.id]!);
    for (const g of s.grids ?? []) {
      for (const row of gridRows(template, g, values)) {
        if (form === 'lines') parts.push(row.label, ...row.values);
        else if (form === 'spaces') parts.push([row.label, ...row.values].filter(Boolean).join('      '));
        else if (form === 'flat') parts.push(row.label + row.values.join(''));
        else if (form === 'tabs') parts.push(row.values.length ? [row.label, ...row.values].join('\t') : row.label);
        else if (row.header) parts.push(`| ${row.header.join(' | ')} |`, `|${row.header.map(() => '---').join('|')}|`);
        else parts.push(row.values.length ? `| ${row.label} | ${row.values.join(' | ')} |` : `| ${row.label} |`);
      }
    }
  }
  parts.push(facts.organ, `${y}年${m}月${d}日`);
  return form === 'flat' ? parts.filter(Boolean).join('') : parts.filter(Boolean).join('\n');
}
