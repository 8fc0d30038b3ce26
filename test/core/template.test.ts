import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadTemplate, TemplateError, type HeaderCell } from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';

const template = nodeRegistry().get('gov-info-2021')!;
const officialLabels = readFileSync(new URL('../fixtures/labels-2021.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
const headers = (gridId: string) =>
  template.grid(gridId).rows.flatMap((r) => r.items.filter((i): i is HeaderCell => i.type === 'header'));
const header = (gridId: string, label: string) => headers(gridId).filter((h) => h.label === label);

describe('the 2021 template as data', () => {
  it('has the six sections in the official order and wording', () => {
    expect(template.spec.sections.map((s) => s.label)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(template.spec.sections[0]!.parts!.map((p) => p.label)).toEqual([
      '（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障',
    ]);
  });

  it('contains every official label of the spec character for character', () => {
    const all = new Set([
      ...template.spec.sections.map((s) => s.label),
      ...template.grids.flatMap((g) => g.rows.flatMap((r) => r.items.filter((i) => i.type === 'header').map((i) => (i as HeaderCell).label))),
    ]);
    const missing = officialLabels.filter((l) => !all.has(l));
    expect(missing).toEqual([]);
  });

  it('derives the spans of grid 三 exactly as printed', () => {
    const corner = header('applications', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')[0]!;
    expect([corner.rowSpan, corner.colSpan]).toEqual([3, 3]);
    expect(header('applications', '申请人情况').map((h) => [h.rowSpan, h.colSpan])).toEqual([[1, 7]]);
    expect(header('applications', '自然人').map((h) => [h.rowSpan, h.colSpan])).toEqual([[2, 1]]);
    expect(header('applications', '法人或其他组织').map((h) => [h.rowSpan, h.colSpan])).toEqual([[1, 5]]);
    expect(header('applications', '总计').map((h) => [h.rowSpan, h.colSpan])).toEqual([[2, 1]]);
    expect(header('applications', '三、本年度办理结果').map((h) => [h.rowSpan, h.colSpan])).toEqual([[22, 1]]);
    expect(header('applications', '（三）不予公开')[0]!.rowSpan).toBe(8);
    expect(header('applications', '（四）无法提供')[0]!.rowSpan).toBe(3);
    expect(header('applications', '（五）不予处理')[0]!.rowSpan).toBe(5);
    expect(header('applications', '（六）其他处理')[0]!.rowSpan).toBe(3);
    expect(header('applications', '（七）总计')[0]!.colSpan).toBe(2);
    expect(header('applications', '一、本年新收政府信息公开申请数量')[0]!.colSpan).toBe(3);
    expect(header('applications', '四、结转下年度继续办理')[0]!.colSpan).toBe(3);
    expect(header('applications', '1.属于国家秘密')[0]!.colSpan).toBe(1);
    const grid = template.grid('applications');
    expect(grid.columnCount).toBe(10);
    expect(grid.cells).toHaveLength(175);
    expect(grid.rows.filter((r) => r.role === 'body')).toHaveLength(25);
  });

  it('derives the three header tiers of grid 四', () => {
    expect(header('appeals', '行政复议').map((h) => [h.rowSpan, h.colSpan])).toEqual([[1, 5]]);
    expect(header('appeals', '行政诉讼').map((h) => [h.rowSpan, h.colSpan])).toEqual([[1, 10]]);
    expect(header('appeals', '未经复议直接起诉').map((h) => [h.rowSpan, h.colSpan])).toEqual([[1, 5]]);
    expect(header('appeals', '复议后起诉').map((h) => [h.rowSpan, h.colSpan])).toEqual([[1, 5]]);
    expect(header('appeals', '结果维持').map((h) => h.rowSpan)).toEqual([2, 1, 1]);
    expect(template.grid('appeals').cells).toHaveLength(15);
  });

  it('gives the single value column of 第二十条（五）（六）（八） three columns', () => {
    expect(header('article-20', '本年处理决定数量').map((h) => h.colSpan)).toEqual([3, 3]);
    expect(header('article-20', '本年收费金额（单位：万元）')[0]!.colSpan).toBe(3);
    expect(header('article-20', '第二十条第（一）项')[0]!.colSpan).toBe(4);
    const fee = template.cells.get('article-20:fees:fee-amount')!;
    expect([fee.kind, fee.colSpan]).toEqual(['amount', 3]);
  });

  // Every display row full width exactly once: for every template, in templates.test.ts.

  it('marks the totals as computed and names cells uniquely', () => {
    const computed = [...template.cells.values()].filter((c) => c.computed).map((c) => c.id);
    expect(computed).toContain('applications:outcome-total:natural-person');
    expect(computed).toContain('applications:new:total');
    expect(computed).toContain('appeals:cases:after-review.total');
    expect(computed).toHaveLength(25 + 6 + 3);
    for (const grid of template.grids) {
      const names = grid.cells.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
    }
    expect(template.cells.get('applications:disclosed:natural-person')!.name).toBe('（一）予以公开 · 自然人');
    expect(template.cells.get('appeals:cases:after-review.upheld')!.name).toBe('行政诉讼 · 复议后起诉 · 结果维持');
  });

  it('refuses a broken template and names the place', () => {
    const json = JSON.parse(readFileSync(new URL('../../templates/gov-info-2021.json', import.meta.url), 'utf8'));
    json.grids[1].blocks[0].rows[0].label = 42;
    expect(() => loadTemplate(json)).toThrow(TemplateError);
    expect(() => loadTemplate(json)).toThrow(/grids\.1\.blocks\.0\.rows\.0\.label/);
    const dup = JSON.parse(readFileSync(new URL('../../templates/gov-info-2021.json', import.meta.url), 'utf8'));
    dup.grids[0].blocks[0].rows[1].id = 'regulations';
    expect(() => loadTemplate(dup)).toThrow(/重复/);
  });
});
