// Text a PDF tool extracts from a real published PDF (#26 of the corpus, see fixtures/README.md):
// numbers in runs of spaces, labels wrapped around their numbers, merged cells printed one
// character per line. Compared cell by cell with the hand transcription of the same report.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAny, readAnySource, readText } from '../../src/import';
import { readReport } from '../core/fixtures';
import { nodeRegistry } from '../../src/node/templates';
import { expectedCells, loadExpected } from './corpus-expected';

const expected = loadExpected().find((e) => e.id === '26')!;
const read = (name: string) => importAny(readText(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')), nodeRegistry());

describe.each([
  ['26.pdftotext-layout.txt', 1],
  ['26.pdftotext.txt', 0.2],
])('%s', (file, floor) => {
  const r = read(file);
  const doubtful = new Set([...(r.report.source?.uncertain ?? []), ...(r.report.source?.unread ?? [])]);
  const cells = [...expectedCells(expected)].filter(([, v]) => v !== '?');
  const got = (id: string) => (id in r.report.values ? r.report.values[id] : r.report.printed?.[id]);

  it('is read as the report it is: not refused, year, organ, template', () => {
    expect(r.recognised).toBe(true);
    expect([r.report.year, r.report.organ.titleName ?? r.report.organ.name, r.template.id]).toEqual([expected.year, expected.organ, expected.template]);
  });
  it('imports no value unlike the print: every cell is equal, or not read and named as such', () => {
    for (const [id, want] of cells) {
      const v = got(id);
      if (v === want) continue;
      expect(v ?? null, id).toBeNull();
      expect(doubtful.has(id), id).toBe(true);
    }
  });
  it(`reads at least ${floor * 100}% of the transcribed cells`, () => {
    expect(cells.filter(([id, want]) => got(id) === want && !doubtful.has(id)).length / cells.length).toBeGreaterThanOrEqual(floor);
  });
  it('blames no blank on the publisher: nothing is noted as printed blank', () => {
    expect(r.notes.filter((n) => n.message.includes('来源为空白'))).toEqual([]);
  });
});

describe('nianbao\'s own export as `pdftotext -layout` prints it (labels wrapped round their numbers)', async () => {
  const want = readReport('examples/busy-subdistrict.report.json');
  const bytes = new Uint8Array(readFileSync(new URL('fixtures/busy-subdistrict.pdftotext-layout.txt', import.meta.url)));
  const r = importAny((await readAnySource(bytes, 'busy.txt')).doc, nodeRegistry());

  it('reads every row, the wrapped ones included, with the label taken as printed whole', () => {
    const values = r.report.values;
    expect(Object.entries(want.values).filter(([id, v]) => values[id] !== v)).toEqual([]);
    expect(r.report.source?.unread ?? []).toEqual([]);
    expect(r.report.source?.labels ?? []).toEqual([]);
  });
});
