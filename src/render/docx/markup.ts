// The body's markup, joined from docx-made fragments (fragments.ts) with the report's text put in.
// A render asks for the shapes it needs; a shape not yet made is noted and the body written
// again once docx has made every noted shape (all in one Packer call).
import { fragment, makeFragments } from './fragments';
import type { Escape } from './escape';
import { shapeKey, type CellShape, type ParagraphStyle, type RunStyle, type Shape, type TableShape } from './shapes';

export class Markup {
  /** Shapes asked for and not yet made, by key. */
  readonly missing = new Map<string, Shape>();

  constructor(private readonly _escape: Escape) {}

  /** A run of text; `lineBreak` puts a line break before the text. */
  run(style: RunStyle, text: string, lineBreak = false): string {
    return this._fill({ kind: 'run', style, lineBreak }, this._escape(text));
  }

  paragraph(style: ParagraphStyle, runs: string): string {
    return this._fill({ kind: 'paragraph', style }, runs);
  }

  /** A table cell, vertically centred, holding one paragraph. */
  cell(shape: CellShape, paragraph: string): string {
    return this._fill({ kind: 'cell', cell: shape }, paragraph);
  }

  row(header: boolean, cells: string): string {
    return this._fill({ kind: 'row', header }, cells);
  }

  table(shape: TableShape, rows: string): string {
    return this._fill({ kind: 'table', table: shape }, rows);
  }

  private _fill(shape: Shape, content: string): string {
    const key = shapeKey(shape);
    const made = fragment(key);
    if (made) return made[0] + content + made[1];
    this.missing.set(key, shape);
    return '';
  }
}

/** What `write` writes, with every fragment it asks for made by docx first. */
export async function withFragments(escape: Escape, write: (markup: Markup) => string): Promise<string> {
  const first = new Markup(escape);
  const text = write(first);
  if (first.missing.size === 0) return text;
  await makeFragments(first.missing);
  const second = new Markup(escape);
  const done = write(second);
  if (second.missing.size > 0) throw new Error(`docx fragments: not made: ${[...second.missing.keys()].join('; ')}`);
  return done;
}
