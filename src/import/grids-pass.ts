// The grids pass: grids not read from tables are walked through the text of their section (or of
// the whole report when the section heading was not found), and each row's reading is settled by
// the sums. Values go to the importer; what stays uncertain, what was printed blank and what was
// not found are kept apart, so a later check never blames the publisher for the import's blank.
import type { CellId, GridSpec, Template } from '../core';
import type { Importer } from './read-grids';
import { settleRows } from './settle-rows';
import { walkGrid, type RowReading } from './walk-grid';

export interface GridFacts {
  uncertain: Set<CellId>;
  labels: { cell?: string; row?: string; printed: string; official: string }[];
  quirks: Set<string>;
}

const _show = (values: (number | null)[]) => values.map((v) => (v === null ? '（空）' : String(v))).join(' ');

export function readTextGrids(
  imp: Importer,
  template: Template,
  textOf: (grid: GridSpec) => string,
  options: { aliases: Record<string, string[]>; requireHeader: boolean },
  facts: GridFacts,
): void {
  const known = new Map<CellId, number | null>();
  for (const [id, v] of Object.entries({ ...imp.values, ...imp.printed })) known.set(id, v);
  const readings: RowReading[] = [];
  for (const grid of template.spec.grids) {
    const text = textOf(grid);
    if (!text) continue;
    for (const r of walkGrid(text, template, grid, options)) {
      const key = `${grid.id}:${r.row.id}`;
      if (imp.seenRows.has(key)) continue; // read from a table already
      readings.push(r);
    }
  }
  for (const s of settleRows(readings, template, known)) {
    const r = s.reading;
    const place = `${imp.section(r.grid.id)}${r.row.label ? ` · ${r.row.label}` : ''}`;
    imp.seenGrids.add(r.grid.id);
    if (!r.exact) {
      facts.labels.push({ row: r.row.id, printed: r.printed, official: r.row.label ?? '' });
      // A wording seen in real reports (an alias) names the row for certain; a near miss is a guess.
      imp.note('warning', place, `行名“${r.printed}”与模板的“${r.row.label}”不同，按该行读取`, r.alias ? undefined : r.cells);
    }
    if (r.parentRow) {
      facts.quirks.add(`one-row:${r.row.id}`);
      for (const c of r.row.children ?? []) imp.seenRows.add(`${r.grid.id}:${c.id}`);
      r.cells.forEach((id) => facts.uncertain.add(id));
      imp.note('warning', place, `来源把“${r.row.label}”印成一行（${r.valueText.trim()}），无法分到模板的各小项，这些单元格未导入，请核对`, r.cells);
      continue;
    }
    imp.seenRows.add(`${r.grid.id}:${r.row.id}`);
    if (!s.values && r.spill) {
      // One note for the rows placed together, on the first of them.
      if (r.spill.readings[0] !== r) continue;
      const cells = r.spill.readings.flatMap((x) => x.cells);
      cells.forEach((id) => facts.uncertain.add(id));
      const run = r.spill.run.replace(/\s+/g, ' ');
      imp.note('warning', place, `行名后面印着 ${r.spill.readings.length} 行的数字（“${run.length > 60 ? `${run.slice(0, 60)}…` : run}”），按模板的行序分开后与表格的合计${s.remaining.length ? '无法核对' : '不符'}，这 ${r.spill.readings.length} 行未导入，请按来源填写`, cells);
      continue;
    }
    if (!s.values) {
      // Cells on which every remaining reading agrees are certain all the same, when the digits run together.
      const left = s.remaining;
      const agreed = r.cells.map((_, i) => (r.runTogether && left.length > 1 && left.every((c) => c[i] === left[0]![i]) ? left[0]![i]! : undefined));
      r.cells.forEach((id, i) => {
        const v = agreed[i];
        if (v === undefined) return r.stray === undefined ? facts.uncertain.add(id) : undefined;
        imp.put(id, v);
        if (v === null) imp.blanks.add(id);
        else imp.valuesRead++;
      });
      const why = r.stray !== undefined
        ? r.stray
          ? `行名后面没有数字，而是“${r.stray}…”`
          : '行名后面没有数字，下一行的行名紧接在下一行（数字可能印在别处）'
        : !r.candidates.length
        ? `“${r.valueText.trim() || '（无）'}”不能读作此行的 ${r.cells.length} 个数字`
        : left.length === 1
        ? `数字“${r.valueText.trim().replace(/\s+/g, ' ')}”少于此行的 ${r.cells.length} 格，只有拆成 ${_show(left[0]!)} 才够，但表格的合计无法印证（也可能有数字漏印）`
        : `数字连写为“${r.valueText.trim()}”，有 ${left.length} 种拆分都说得通（如 ${_show(left[0]!)}；${_show(left[1]!)}）`;
      const open = r.cells.filter((_, i) => agreed[i] === undefined);
      const some = open.length < r.cells.length ? '不确定的单元格' : '此行';
      imp.note('warning', place, `${why}，${some}未导入，请按来源填写`, open);
      if (r.candidates.length > 1) facts.quirks.add('flattened-digits');
      continue;
    }
    const blanks: CellId[] = [];
    r.cells.forEach((id, i) => {
      const v = s.values![i]!;
      imp.put(id, v);
      if (v === null) {
        blanks.push(id);
        imp.blanks.add(id);
      } else imp.valuesRead++;
    });
    if (blanks.length) {
      const names = blanks.map((id) => template.cells.get(id)?.columnName ?? id);
      imp.note('warning', place, `${names.join('、')}：来源为空白，按空白导入（未当作 0）`);
    }
    if (s.how === 'placed' && r.spill!.readings[0] === r) {
      const rows = r.spill!.readings;
      imp.note('info', place, `行名后面印着 ${rows.length} 行的数字（其后各行的行名另印在别处），按模板的行序分给此行及其后 ${rows.length - 1} 行（至“${rows[rows.length - 1]!.row.label}”），与表格的合计相符`);
    }
    if (s.how === 'sums') {
      facts.quirks.add('flattened-digits');
      imp.note('info', place, `数字连写为“${r.valueText.trim()}”，只有一种拆分与表格的合计相符：${_show(s.values)}`);
    } else if (s.how === 'sums-broken') {
      facts.quirks.add('flattened-digits');
      r.cells.forEach((id) => facts.uncertain.add(id));
      imp.note('warning', place, `数字连写为“${r.valueText.trim()}”，来源的合计本身不相符；只有一种拆分与此行或各列的合计相符，按 ${_show(s.values)} 读取，请核对`, r.cells);
    }
  }
}
