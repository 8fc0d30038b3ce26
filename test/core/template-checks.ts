// Checks shared by the template tests: the occupancy matrix of a resolved grid, and the .docx
// tables against the resolved grids (anchors at their columns, spans, labels, values).
import { expect } from 'vitest';
import type { ResolvedGrid, Template } from '../../src/core';
import { anchorColumns } from '../../src/core/layout/layout';
import { parts, tables, unescapeXml } from '../docx/docx-parts';

/** How often each position of the grid is covered by an anchor once spans are placed. */
export function occupancy(grid: ResolvedGrid): number[][] {
  const occupied: number[][] = [];
  grid.rows.forEach((row, r) => {
    let c = 0;
    for (const item of row.items) {
      occupied[r] ??= [];
      while (occupied[r]![c]) c++;
      for (let dr = 0; dr < item.rowSpan; dr++)
        for (let dc = 0; dc < item.colSpan; dc++) {
          occupied[r + dr] ??= [];
          occupied[r + dr]![c + dc] = (occupied[r + dr]![c + dc] ?? 0) + 1;
        }
      c += item.colSpan;
    }
  });
  return occupied;
}

/** The tables of the .docx are the resolved grids: anchors at their columns, with their spans and labels. */
export function expectDocxSpans(template: Template, bytes: Uint8Array, values?: ReadonlyMap<string, number | null>): void {
  const xml = tables(parts(bytes).get('word/document.xml')!);
  expect(xml).toHaveLength(template.grids.length);
  template.grids.forEach((g, i) => {
    const starts = anchorColumns(g);
    expect(xml[i]!.rows, g.id).toHaveLength(g.rows.length);
    g.rows.forEach((row, r) => {
      let col = 0;
      const placed = xml[i]!.rows[r]!.cells.flatMap((c) => {
        const at = col;
        col += c.gridSpan;
        return c.vMerge === 'continue' ? [] : [{ at, c }];
      });
      expect(col, `${g.id} row ${r}`).toBe(g.columnCount);
      expect(placed.map((p) => p.at), `${g.id} row ${r}`).toEqual(starts[r]);
      row.items.forEach((item, k) => {
        const { c } = placed[k]!;
        expect([c.gridSpan, c.vMerge], `${g.id} row ${r} item ${k}`).toEqual([item.colSpan, item.rowSpan > 1 ? 'restart' : null]);
        if (item.type === 'header') expect(unescapeXml(c.text)).toBe(item.label);
        else if (values) expect(unescapeXml(c.text), item.id).toBe(String(values.get(item.id) ?? ''));
      });
    });
  });
}
