// What nianbao exports it reads back: each seed's .docx (the 统计表 as a table after the signature)
// imports into the pre-2019 template with every number, the signature and the text of each section.
import { describe, expect, it } from 'vitest';
import { computeValues } from '../../src/core';
import { importAny, readDocx } from '../../src/import';
import { renderDocx } from '../../src/render/docx/render-docx';
import { SEEDS, registry, template, transcription } from './seeds';

describe.each(SEEDS.map((s) => s.id))('seed %s exported and imported again', (id) => {
  it('has the same numbers, signature and sections', async () => {
    const want = transcription(id);
    const result = importAny(readDocx(await renderDocx(template, want)), registry);
    expect(result.template.id).toBe(template.id);
    expect(result.report.values).toEqual(Object.fromEntries(template.inputCells.map((c) => [c.id, want.values[c.id] ?? null])));
    // The .docx prints each total as the report shows it: printed, else computed.
    const shown = computeValues(template, want);
    for (const [cell, value] of Object.entries(result.report.printed ?? {})) expect(value, cell).toBe(shown.get(cell));
    expect(result.report.dates.written).toBe(want.dates.written);
    expect(result.report.organ.name).toBe(want.organ.name);
    for (const slot of ['overview', 'problems', 'other']) expect(result.report.narrative[slot], slot).toBe(want.narrative[slot]);
  });
});
