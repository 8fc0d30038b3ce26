// The pre-2019 seeds import from their published text into the pre-2019 template, every number of
// their 统计表 exactly as transcribed by hand: inputs into values, printed totals into printed.
import { describe, expect, it } from 'vitest';
import { importAny, readText } from '../../src/import';
import { SEEDS, registry, seedText, template, transcription } from './seeds';

const imported = (file: string) => importAny(readText(seedText(file)), registry, { file });

describe.each(SEEDS)('seed $id', ({ id, file, year }) => {
  const result = imported(file);
  const want = transcription(id);

  it('opens in the pre-2019 template, for its own year', () => {
    expect(result.template.id).toBe(template.id);
    expect(result.report.year).toBe(year);
  });

  it('reads every number of the 统计表 exactly as transcribed', () => {
    const values = Object.fromEntries(Object.entries(result.report.values).filter(([, v]) => v !== null));
    expect(values).toEqual(Object.fromEntries(Object.entries(want.values).filter(([, v]) => v !== null)));
    expect(result.report.printed ?? {}).toEqual(want.printed ?? {});
    // A blank the source printed stays a blank, never a 0.
    for (const [cell, v] of Object.entries(want.values)) if (v === null) expect(result.report.values[cell], cell).toBeNull();
  });

  it('reads the 成文日期 of the signature, which stands before the 统计表, not at the end', () => {
    expect(result.report.dates.written).toBe(want.dates.written);
    if (want.dates.written) expect(result.report.organ.name).toBe(want.organ.name);
  });

  it('says which cells it could not read, and nothing else', () => {
    expect(result.report.source?.unread ?? []).toEqual(want.source?.unread ?? []);
    expect(result.report.source?.uncertain ?? []).toEqual([]);
  });
});

describe('what the seeds print differently', () => {
  it('001 prints 件 as the unit of 主动公开规范性文件数 (officially 条): kept as a near-miss label', () => {
    expect(imported(SEEDS[1].file).report.source?.labels).toContainEqual({ row: 'active.normative', printed: '件', official: '条' });
  });

  it('004 has no 政府公报 row: its "1." is the standard "2." and is read by wording, the missing row noted', () => {
    const r = imported(SEEDS[2].file);
    expect(r.report.values['statistics:active.website:value']).toBe(40);
    expect(r.report.values['statistics:active.gazette:value']).toBeNull();
    expect(r.notes.some((n) => n.level === 'warning' && n.cells?.includes('statistics:active.gazette:value'))).toBe(true);
  });

  it('a table pasted as "label | unit | number" rows reads the same as one cell per line', () => {
    const lines = seedText(SEEDS[0].file)
      .split(/\n\s*\n/)
      .map((row) => row.split('\n').map((c) => c.trim()).filter(Boolean).join(' | '))
      .join('\n');
    const piped = importAny(readText(lines), registry, {});
    expect(piped.report.values).toEqual(imported(SEEDS[0].file).report.values);
  });
});
