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
  // Plain pdftotext: wrapped labels set apart from their numbers; only 四 stays unread (its numbers come out of order).
  ['26.pdftotext.txt', 0.925],
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

describe('plain pdftotext: rows whose labels are set apart, their numbers printed after the row above', () => {
  const plain = readFileSync(new URL('fixtures/26.pdftotext.txt', import.meta.url), 'utf8');
  const cells = new Map([...expectedCells(expected)].filter(([id]) => id.startsWith('applications:')));
  const rowIds = (r: ReturnType<typeof read>) => [...cells.keys()].filter((id) => /:(disclosed|other\.no-correction):/.test(id)).map((id) => [id, r.report.values[id] ?? r.report.printed?.[id]]);

  it('places them in template order when the sums of the table confirm every row', () => {
    const r = importAny(readText(plain), nodeRegistry());
    expect(rowIds(r)).toEqual([...cells].filter(([id]) => /:(disclosed|other\.no-correction):/.test(id)));
    expect(r.notes.some((n) => n.level === 'info' && n.message.includes('行名后面印着 5 行的数字'))).toBe(true);
  });
  it('reads none of them when a sum does not hold (a number changed in the run): named, never guessed', () => {
    // The run after 4.无正当理由大量反复申请 holds five rows; 67 (1.申请人无正当理由逾期不补正…, 自然人) made 76.
    const changed = plain.replace(/(\n1\n\n0\n\n0\n\n0\n\n0\n\n0\n\n1\n\n)67(\n)/, '$176$2');
    expect(changed).not.toBe(plain);
    const r = importAny(readText(changed), nodeRegistry());
    const doubtful = new Set(r.report.source?.uncertain ?? []);
    for (const row of ['not-processed.vexatious', 'not-processed.confirmation', 'other.no-correction', 'other.fee-unpaid', 'other.other']) {
      for (const id of [...cells.keys()].filter((k) => k.startsWith(`applications:${row}:`))) {
        expect(r.report.values[id] ?? r.report.printed?.[id] ?? null, id).toBeNull();
        expect(doubtful.has(id), id).toBe(true);
      }
    }
    expect(r.notes.some((n) => n.level === 'warning' && n.message.includes('与表格的合计不符'))).toBe(true);
    // The rows placed by the other run, whose sums hold, are still read.
    expect(r.report.values['applications:disclosed:natural-person']).toBe(1288);
  });
});

describe('a number lost from a row set one per line (a cell that ended a page, taken for its number)', () => {
  const rows = (carried: string[]) => ['三、收到和处理政府信息公开申请情况', '一、本年新收政府信息公开申请数量', '3001', '53', '0', '0', '61', '4', '3119', '二、上年结转政府信息公开申请数量', ...carried, '（一）予以公开', '1288', '21', '0', '0', '50', '3', '1362'].join('\n');
  const carried = (text: string) => {
    const r = importAny(readText(text), nodeRegistry());
    const ids = ['natural-person', 'commercial', 'research', 'public-interest', 'legal-services', 'other-organisation', 'total'].map((c) => `applications:carried-over:${c}`);
    return { values: ids.map((id) => r.report.values[id] ?? r.report.printed?.[id] ?? null), uncertain: ids.filter((id) => r.report.source?.uncertain?.includes(id)).length };
  };

  it('is not made up by cutting a number that stands alone: 0 0 0 0 0 54 is not 0 0 0 0 0 5 4', () => {
    expect(carried(rows(['0', '0', '0', '0', '0', '54']))).toEqual({ values: [null, null, null, null, null, null, null], uncertain: 7 });
  });
  it('is not taken from its place when the table came apart (lines mixing cells of neighbouring rows, as a browser\'s PDF in plain pdftotext)', () => {
    // 7 numbers after the label, but "69421 8" on one line where the other lines hold one: the sums must confirm them, and here they fail.
    const torn = rows(['0', '69421 8', '90', '294', '6', '0']).replace('3001\n53\n', '3001 53\n');
    expect(carried(torn)).toEqual({ values: [null, null, null, null, null, null, null], uncertain: 7 });
    // The same numbers with a total that their sum confirms are read.
    expect(carried(rows(['0', '69421 8', '90', '294', '6', '69819'])).values).toEqual([0, 69421, 8, 90, 294, 6, 69819]);
  });
  it('while digits that no number can be ("00") are still cut, and the row printed whole is read', () => {
    expect(carried(rows(['0', '0', '0', '0', '00', '0'])).values).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(carried(rows(['0', '0', '0', '0', '0', '54', '54'])).values).toEqual([0, 0, 0, 0, 0, 54, 54]);
  });
});

describe('a page break between a label and its number (plain pdftotext of a LibreOffice PDF)', () => {
  it('passes over the page\'s footer (—2—) and the column header printed again after the label', async () => {
    const text = '二、主动公开政府信息情况\n第二十条第（八）项\n信息内容\n\n行政事业性收费\n\n—2—\n\n本年收费金额（单位：万元）\n96171.6\n\n\f三、收到和处理政府信息公开申请情况\n';
    const r = importAny((await readAnySource(new TextEncoder().encode(text), 'x.txt')).doc, nodeRegistry());
    expect(r.report.values['article-20:fees:fee-amount']).toBe(96171.6);
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
