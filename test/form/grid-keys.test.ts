import { describe, expect, it } from 'vitest';
import { gridMatrix, moveKeyOf, nextCell } from '../../src/ui/form/grid-keys';
import { nodeRegistry } from '../../src/node/templates';

const template = nodeRegistry().get('gov-info-2021')!;
const apps = gridMatrix(template.grid('applications'));
const art20 = gridMatrix(template.grid('article-20'));
const appeals = gridMatrix(template.grid('appeals'));
const A = (row: string, col: string) => `applications:${row}:${col}`;

describe('gridMatrix', () => {
  it('places every value cell of 三 at its grid column, after the 3 label columns, 25 rows of 7', () => {
    expect(apps).toHaveLength(25);
    for (const row of apps) {
      expect(row.map((c) => c.col)).toEqual([3, 4, 5, 6, 7, 8, 9]);
      expect(row[6]!.computed).toBe(true);
    }
    // The rows below a merged row header (（三）不予公开 spans 8 rows) still start at column 3.
    expect(apps.find((r) => r[0]!.id === A('withheld.inquiry-matters', 'natural-person'))).toBeDefined();
    expect(apps[24]!.every((c) => c.computed)).toBe(false);
    expect(apps.find((r) => r[0]!.id === A('outcome-total', 'natural-person'))!.every((c) => c.computed)).toBe(true);
  });

  it('gives the single value cell of 第二十条（五）（六）（八） the 3 value columns', () => {
    expect(art20.map((r) => r.map((c) => [c.col, c.span]))).toEqual([
      [[1, 1], [2, 1], [3, 1]],
      [[1, 1], [2, 1], [3, 1]],
      [[1, 3]],
      [[1, 3]],
      [[1, 3]],
      [[1, 3]],
    ]);
  });

  it('has one row of 15 in 四, the three 总计 computed', () => {
    expect(appeals).toHaveLength(1);
    expect(appeals[0]!.map((c) => c.col)).toEqual([...Array(15).keys()]);
    expect(appeals[0]!.filter((c) => c.computed).map((c) => c.col)).toEqual([4, 9, 14]);
  });
});

describe('nextCell', () => {
  it('moves right and left within a row, skipping computed totals, and stops at the edge', () => {
    expect(nextCell(apps, A('new', 'natural-person'), 'right')).toBe(A('new', 'commercial'));
    expect(nextCell(apps, A('new', 'other-organisation'), 'right')).toBeNull();
    expect(nextCell(apps, A('new', 'natural-person'), 'left')).toBeNull();
    expect(nextCell(appeals, 'appeals:cases:review.pending', 'right')).toBe('appeals:cases:direct.upheld');
    expect(nextCell(appeals, 'appeals:cases:direct.upheld', 'left')).toBe('appeals:cases:review.pending');
  });

  it('moves down and up by grid column, across merged row headers and over the all-computed （七）总计 row', () => {
    expect(nextCell(apps, A('new', 'research'), 'down')).toBe(A('carried-over', 'research'));
    expect(nextCell(apps, A('unable.not-held', 'legal-services'), 'up')).toBe(A('withheld.inquiry-matters', 'legal-services'));
    expect(nextCell(apps, A('other.other', 'commercial'), 'down')).toBe(A('carry-forward', 'commercial'));
    expect(nextCell(apps, A('carry-forward', 'commercial'), 'up')).toBe(A('other.other', 'commercial'));
    expect(nextCell(apps, A('carry-forward', 'commercial'), 'down')).toBeNull();
    expect(nextCell(apps, A('new', 'commercial'), 'up')).toBeNull();
  });

  it('moves between the 3-column block and the spanned single cells of 第二十条', () => {
    expect(nextCell(art20, 'article-20:normative-documents:in-force', 'down')).toBe('article-20:licensing:decisions');
    expect(nextCell(art20, 'article-20:licensing:decisions', 'up')).toBe('article-20:normative-documents:issued');
    expect(nextCell(art20, 'article-20:enforcement:decisions', 'down')).toBe('article-20:fees:fee-amount');
  });

  it('jumps to the row ends and the grid ends', () => {
    expect(nextCell(apps, A('disclosed', 'research'), 'home')).toBe(A('disclosed', 'natural-person'));
    expect(nextCell(apps, A('disclosed', 'research'), 'end')).toBe(A('disclosed', 'other-organisation'));
    expect(nextCell(apps, A('disclosed', 'research'), 'first')).toBe(A('new', 'natural-person'));
    expect(nextCell(apps, A('disclosed', 'research'), 'last')).toBe(A('carry-forward', 'other-organisation'));
    expect(nextCell(apps, 'nowhere', 'down')).toBeNull();
  });
});

describe('moveKeyOf', () => {
  const k = (key: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
  const caret = (start: number, end: number, length: number) => ({ start, end, length });

  it('keeps Left and Right inside the text until the caret is at its edge', () => {
    expect(moveKeyOf(k('ArrowLeft'), caret(1, 1, 3))).toBeNull();
    expect(moveKeyOf(k('ArrowLeft'), caret(0, 0, 3))).toBe('left');
    expect(moveKeyOf(k('ArrowRight'), caret(2, 2, 3))).toBeNull();
    expect(moveKeyOf(k('ArrowRight'), caret(3, 3, 3))).toBe('right');
    expect(moveKeyOf(k('ArrowRight'), caret(0, 3, 3))).toBe('right');
    expect(moveKeyOf(k('ArrowLeft', { shiftKey: true }), caret(0, 0, 3))).toBeNull();
  });

  it('maps Up, Down, Enter, Shift+Enter and Ctrl+Home/End', () => {
    const c = caret(1, 1, 2);
    expect(moveKeyOf(k('ArrowUp'), c)).toBe('up');
    expect(moveKeyOf(k('ArrowDown'), c)).toBe('down');
    expect(moveKeyOf(k('Enter'), c)).toBe('down');
    expect(moveKeyOf(k('Enter', { shiftKey: true }), c)).toBe('up');
    expect(moveKeyOf(k('Home'), c)).toBeNull();
    expect(moveKeyOf(k('Home', { ctrlKey: true }), c)).toBe('first');
    expect(moveKeyOf(k('End', { metaKey: true }), c)).toBe('last');
    expect(moveKeyOf(k('ArrowDown', { altKey: true }), c)).toBeNull();
    expect(moveKeyOf(k('a'), c)).toBeNull();
  });
});
