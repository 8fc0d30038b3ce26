// A labelled block lands by label: row labels in the first column(s), the header row on top, or
// both, as a clerk copies them from the 统计表 in Excel or WPS (labels as the template prints them).
import { describe, expect, it } from 'vitest';
import { parseClipboard } from '../../src/ui/form/clipboard';
import { gridMatrix } from '../../src/ui/form/grid-keys';
import { labelKey, planLabelledPaste } from '../../src/ui/form/paste-labels';
import { template } from '../core/fixtures';

const grid = template.grid('applications');
const matrix = gridMatrix(grid);
const A = (row: string, col: string) => `applications:${row}:${col}`;
const kindOf = (id: string) => template.cells.get(id)?.kind ?? 'count';
const paste = (anchor: string, text: string) => planLabelledPaste(grid, matrix, anchor, parseClipboard(text), kindOf);
const written = (text: string, anchor = A('new', 'natural-person')) => {
  const r = paste(anchor, text);
  if (!r?.ok) throw new Error(JSON.stringify(r));
  return Object.fromEntries(r.plan.writes.map((w) => [w.cell.replace('applications:', ''), w.value]));
};

describe('paste by label', () => {
  it('row labels in the first column are not pasted into the first cell', () => {
    const text = '一、本年新收政府信息公开申请数量\t12\t1\t0\t0\t0\t0\n二、上年结转政府信息公开申请数量\t2\t0\t0\t0\t0\t0\n';
    expect(written(text)).toMatchObject({ 'new:natural-person': 12, 'new:commercial': 1, 'carried-over:natural-person': 2 });
    // Pasted on another row, the labels still decide the rows.
    expect(written(text, A('disclosed', 'natural-person'))).toMatchObject({ 'new:natural-person': 12, 'carried-over:natural-person': 2 });
  });
  it('a group label with the row labels under it, blank below the merged group, finds each row', () => {
    const text = '三、本年度办理结果\t（一）予以公开\t5\t1\n\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t3\t0\n';
    expect(written(text)).toEqual({ 'disclosed:natural-person': 5, 'disclosed:commercial': 1, 'partly-disclosed:natural-person': 3, 'partly-disclosed:commercial': 0 });
  });
  it('the header row puts each value in its column, in whatever order it was copied; a pasted 总计 is only compared', () => {
    const text = '\t科研机构\t自然人\t总计\n一、本年新收政府信息公开申请数量\t4\t9\t13\n';
    const r = paste(A('new', 'natural-person'), text);
    expect(r?.ok && r.plan.writes.map((w) => [w.cell, w.value])).toEqual([
      [A('new', 'research'), 4],
      [A('new', 'natural-person'), 9],
    ]);
    expect(r?.ok && r.plan.totals).toEqual([{ cell: A('new', 'total'), raw: '13' }]);
  });
  it('a label the grid does not have stops the paste before anything is written, naming it', () => {
    const r = paste(A('new', 'natural-person'), '一、本年新收政府信息公开申请数量\t1\n本年受理行政复议\t2\n');
    expect(r).toEqual({ ok: false, problems: ['第2行的行标签“本年受理行政复议”在本表中找不到'] });
    const h = paste(A('new', 'natural-person'), '自然人\t个体工商户\n1\t2\n');
    expect(h).toEqual({ ok: false, problems: ['表头“个体工商户”在本表中找不到对应的列'] });
  });
  it('a block of numbers alone is the plain paste (null here)', () => {
    expect(paste(A('new', 'natural-person'), '1\t2\n3\t4\n')).toBeNull();
  });
  it('labels compare without numbering, blanks and brackets', () => {
    expect(labelKey('（一） 予以公开')).toBe(labelKey('予以公开'));
    expect(labelKey('3.危及“三安全一稳定”')).toBe('危及三安全一稳定');
  });
});
