import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseClipboard, planPaste } from '../../src/ui/form/clipboard';
import { gridMatrix } from '../../src/ui/form/grid-keys';
import { nodeRegistry } from '../../src/node/templates';

const template = nodeRegistry().get('gov-info-2021')!;
const kindOf = (id: string) => template.cells.get(id)!.kind;
const apps = gridMatrix(template.grid('applications'));
const art20 = gridMatrix(template.grid('article-20'));
const A = (row: string, col: string) => `applications:${row}:${col}`;

/** What Excel puts on the clipboard for a block: quote cells that need it, CRLF rows, a trailing newline. */
function excelText(block: string[][]): string {
  const cell = (s: string) => (/[\t\r\n"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return block.map((row) => row.map(cell).join('\t')).join('\r\n') + '\r\n';
}

describe('parseClipboard', () => {
  it('reads tab-separated rows with CRLF, LF or CR and ignores the trailing newline', () => {
    expect(parseClipboard('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([['1', '2', '3'], ['4', '5', '6']]);
    expect(parseClipboard('1\t2\n3\t4')).toEqual([['1', '2'], ['3', '4']]);
    expect(parseClipboard('1\r2\r')).toEqual([['1'], ['2']]);
    expect(parseClipboard('1\t\t3\n')).toEqual([['1', '', '3']]);
    expect(parseClipboard('')).toEqual([]);
  });

  it('reads quoted cells holding tabs, newlines and doubled quotes', () => {
    expect(parseClipboard('"a\tb"\t"c\nd"\t"say ""1"""\n2')).toEqual([['a\tb', 'c\nd', 'say "1"'], ['2']]);
    // A quote inside an unquoted cell is a plain character.
    expect(parseClipboard('5"\t6')).toEqual([['5"', '6']]);
  });

  it('round-trips any block of cells as Excel writes it (property)', () => {
    const cellText = fc.string({ unit: fc.constantFrom('1', '2', ' ', ',', '"', '\t', '\n', '，', '/', 'x', '１') , maxLength: 6 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.array(cellText, { minLength: 25, maxLength: 25 }), (rows, cols, pool) => {
        const block = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => pool[r * 5 + c]!));
        // A single empty cell is the empty string on the clipboard: nothing to round-trip.
        fc.pre(!(rows === 1 && cols === 1 && block[0]![0] === ''));
        expect(parseClipboard(excelText(block))).toEqual(block);
      }),
    );
  });
});

describe('planPaste', () => {
  it('writes a 2×3 block from the anchor, by value row and value column', () => {
    const plan = planPaste(apps, A('disclosed', 'commercial'), [['1', '２', '1,200'], ['0', '', '3']], kindOf);
    expect(plan.writes.map((w) => [w.cell, w.value])).toEqual([
      [A('disclosed', 'commercial'), 1],
      [A('disclosed', 'research'), 2],
      [A('disclosed', 'public-interest'), 1200],
      [A('partly-disclosed', 'commercial'), 0],
      [A('partly-disclosed', 'research'), null],
      [A('partly-disclosed', 'public-interest'), 3],
    ]);
    expect(plan.refusals).toEqual([]);
    expect(plan.overflow).toEqual([]);
  });

  it('refuses what is not a count, with the cell and the value; never writes it', () => {
    const plan = planPaste(apps, A('new', 'natural-person'), [['/', '1.5', '-2', 'abc', '3']], kindOf);
    expect(plan.writes.map((w) => [w.cell, w.value])).toEqual([[A('new', 'legal-services'), 3]]);
    expect(plan.refusals.map((r) => [r.cell, r.raw])).toEqual([
      [A('new', 'natural-person'), '/'],
      [A('new', 'commercial'), '1.5'],
      [A('new', 'research'), '-2'],
      [A('new', 'public-interest'), 'abc'],
    ]);
    expect(plan.refusals[1]!.reason).toContain('1.5');
  });

  it('does not write computed totals but reports what was pasted onto them', () => {
    // A whole Excel row: six applicant columns and its 总计.
    const plan = planPaste(apps, A('new', 'natural-person'), [['1', '0', '0', '0', '0', '2', '3']], kindOf);
    expect(plan.writes).toHaveLength(6);
    expect(plan.totals).toEqual([{ cell: A('new', 'total'), raw: '3' }]);
  });

  it('counts values falling outside the grid, with their place in the block', () => {
    const plan = planPaste(apps, A('carry-forward', 'legal-services'), [['1', '2', '3', '4'], ['5']], kindOf);
    expect(plan.writes.map((w) => w.cell)).toEqual([A('carry-forward', 'legal-services'), A('carry-forward', 'other-organisation')]);
    expect(plan.totals).toEqual([{ cell: A('carry-forward', 'total'), raw: '3' }]);
    expect(plan.overflow).toEqual([
      { row: 1, column: 4, raw: '4' },
      { row: 2, column: 1, raw: '5' },
    ]);
  });

  it('pastes a column of 第二十条 down through the spanned single cells, amounts with decimals', () => {
    const plan = planPaste(art20, 'article-20:regulations:issued', [['0'], ['2'], ['5'], ['1'], ['0'], ['7730.28']], kindOf);
    expect(plan.writes.map((w) => [w.cell, w.value])).toEqual([
      ['article-20:regulations:issued', 0],
      ['article-20:normative-documents:issued', 2],
      ['article-20:licensing:decisions', 5],
      ['article-20:penalty:decisions', 1],
      ['article-20:enforcement:decisions', 0],
      ['article-20:fees:fee-amount', 7730.28],
    ]);
  });

  it('accounts for every pasted value exactly once (property)', () => {
    const inputs = template.grid('applications').cells.filter((c) => !c.computed);
    fc.assert(
      fc.property(
        fc.constantFrom(...inputs.map((c) => c.id)),
        fc.array(fc.array(fc.constantFrom('0', '7', 'x', '/', ' 12 ', '1.5'), { minLength: 1, maxLength: 9 }), { minLength: 1, maxLength: 30 }),
        (anchor, block) => {
          const plan = planPaste(apps, anchor, block, kindOf);
          const n = plan.writes.length + plan.refusals.length + plan.totals.length + plan.overflow.length;
          expect(n).toBe(block.flat().length);
          for (const w of plan.writes) expect(template.cells.get(w.cell)!.computed).toBe(false);
        },
      ),
    );
  });
});
