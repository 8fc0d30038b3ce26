// Every template of the registry, parametrised: "adding a template is adding data". A new file
// in templates/ (listed in templates/index.json) is picked up by every test here: it loads, its
// official labels are in its grids, every display row is full width exactly once, its report
// JSON Schema is generated and committed, and a report of it composes and renders to a .docx
// whose table spans are the resolved grid's.
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import {
  checkReport,
  composeDocument,
  createReport,
  loadTemplate,
  type HeaderCell,
  type Template,
} from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';
import { renderDocx } from '../../src/render/docx/render-docx';
import { schemaFiles } from '../../scripts/gen-schemas';
import { expectDocxSpans, occupancy } from './template-checks';

const registry = nodeRegistry();
const index = JSON.parse(readFileSync(new URL('../../templates/index.json', import.meta.url), 'utf8')) as {
  templates: { id: string; file: string; years: { from: number; to?: number }; distinguishingLabels: string[] }[];
};
const labelsFile = (t: Template) => new URL(`../fixtures/labels-${t.spec.years.from}.txt`, import.meta.url);
const headerLabels = (t: Template) =>
  new Set([
    ...t.spec.sections.map((s) => s.label),
    ...t.grids.flatMap((g) => g.rows.flatMap((r) => r.items.filter((i): i is HeaderCell => i.type === 'header').map((i) => i.label))),
  ]);

describe('the registry', () => {
  it('holds every template of templates/index.json, each loaded from its file with the years of its entry', () => {
    expect(registry.all.map((t) => t.id).sort()).toEqual(index.templates.map((e) => e.id).sort());
    for (const entry of index.templates) {
      const t = loadTemplate(JSON.parse(readFileSync(new URL(`../../templates/${entry.file}`, import.meta.url), 'utf8')));
      expect(t.id).toBe(entry.id);
      expect(t.spec.years).toEqual(entry.years);
      expect(entry.distinguishingLabels.length, entry.id).toBeGreaterThan(0);
    }
  });

  it('picks the template in force by year, and the years in force never overlap', () => {
    expect(registry.forYear(2007)).toBeUndefined();
    for (const y of [2008, 2013, 2018]) expect(registry.forYear(y)?.id).toBe('gov-info-2008');
    expect(registry.forYear(2019)?.id).toBe('gov-info-2019');
    expect(registry.forYear(2020)?.id).toBe('gov-info-2019');
    for (const y of [2021, 2023, 2030]) expect(registry.forYear(y)?.id).toBe('gov-info-2021');
    for (let y = 2000; y <= 2100; y++) {
      const inForce = registry.all.filter((t) => t.spec.years.from <= y && (t.spec.years.to ?? Infinity) >= y);
      expect(inForce.length, String(y)).toBeLessThanOrEqual(1);
    }
  });

  it('a template distinguishes itself: its distinguishing labels are its own labels and no other template has them', () => {
    for (const entry of index.templates) {
      const own = headerLabels(registry.get(entry.id)!);
      for (const l of entry.distinguishingLabels) {
        expect(own.has(l), `${entry.id}: ${l}`).toBe(true);
        for (const other of registry.all.filter((t) => t.id !== entry.id)) expect(headerLabels(other).has(l), `${other.id} has ${l}`).toBe(false);
      }
    }
  });
});

describe.each(registry.all.map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  it('contains every official label of its list character for character, and only labels of it in its grids', () => {
    expect(existsSync(labelsFile(template)), `test/fixtures/labels-${template.spec.years.from}.txt`).toBe(true);
    const official = readFileSync(labelsFile(template), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    const all = headerLabels(template);
    expect(official.filter((l) => !all.has(l))).toEqual([]);
    const extra = [...all].filter((l) => l && !official.includes(l) && !template.spec.sections.some((s) => s.label === l));
    expect(extra).toEqual([]);
  });

  it('numbers its sections 一、二、… in order, attachments after them', () => {
    const numerals = ['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、'];
    const body = template.spec.sections.filter((s) => !s.attachment);
    expect(body.map((s) => s.label.slice(0, 2))).toEqual(numerals.slice(0, body.length));
    expect(body.length).toBeGreaterThanOrEqual(6);
    const firstAttachment = template.spec.sections.findIndex((s) => s.attachment);
    if (firstAttachment >= 0) expect(template.spec.sections.slice(firstAttachment).every((s) => s.attachment)).toBe(true);
  });

  it('fills every display row of every grid to the full width, each position exactly once', () => {
    for (const grid of template.grids) {
      const occupied = occupancy(grid);
      expect(occupied, grid.id).toHaveLength(grid.rows.length);
      for (const row of occupied) {
        expect(row, grid.id).toHaveLength(grid.columnCount);
        expect(row.every((n) => n === 1), grid.id).toBe(true);
      }
    }
  });

  it('names its cells uniquely in each grid', () => {
    for (const grid of template.grids) {
      const names = grid.cells.map((c) => c.name);
      expect(new Set(names).size, grid.id).toBe(names.length);
    }
  });

  it('has its report JSON Schema generated and committed', () => {
    const name = `report-${template.id}.schema.json`;
    const generated = schemaFiles()[name];
    expect(generated, name).toBeDefined();
    expect(readFileSync(new URL(`../../schema/${name}`, import.meta.url), 'utf8'), `schema/${name} is stale: run npm run gen:schemas`).toBe(generated);
  });

  it('every cell a rule or a narrative scan names exists in the template', () => {
    for (const rule of template.rules) {
      if (rule.kind === 'narrative-numbers') for (const s of rule.scans) for (const c of [s.cell].flat()) expect(template.cells.has(c), `${rule.id} ${c}`).toBe(true);
      if (rule.kind === 'rectification') expect(template.texts.some((t) => t.id === rule.text), rule.id).toBe(true);
      if ('grid' in rule) expect(() => template.grid(rule.grid), rule.id).not.toThrow();
    }
  });

  it('a blank report composes and renders: the .docx tables carry exactly the resolved spans and labels', async () => {
    const report = createReport(template, template.spec.years.from);
    const blocks = composeDocument(template, report);
    expect(blocks.filter((b) => b.kind === 'grid').map((b) => (b.kind === 'grid' ? b.grid.id : ''))).toEqual(
      template.spec.sections.flatMap((s) => s.grids ?? []),
    );
    expect(checkReport(template, report).filter((f) => f.level === 'error')).toEqual([]);
    expectDocxSpans(template, await renderDocx(template, report));
  });
});

describe('each template refuses the years it is not in force for (R18)', () => {
  it.each(nodeRegistry().all.map((t) => [t.id, t] as const))('%s', (_id, t) => {
    const inForce = createReport(t, t.spec.years.from);
    expect(checkReport(t, inForce).filter((f) => f.rule === 'R18')).toEqual([]);
    const before = createReport(t, t.spec.years.from - 1);
    expect(checkReport(t, before).filter((f) => f.rule === 'R18').map((f) => f.level)).toEqual(['error']);
    if (t.spec.years.to !== undefined) {
      const after = createReport(t, t.spec.years.to + 1);
      expect(checkReport(t, after).filter((f) => f.rule === 'R18').map((f) => f.level)).toEqual(['error']);
    }
  });
});
