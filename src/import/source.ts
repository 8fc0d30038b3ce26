// What the readers (.docx, pasted text) hand to the importer: paragraphs and tables in reading
// order. A table cell knows its grid column when the source says so (.docx); pasted text only
// has tab positions, which the importer treats as approximate.
export interface SourceCell {
  text: string;
  /** Grid column where the cell starts (tab index for text). */
  col: number;
  /** Grid columns covered (w:gridSpan; 1 for text). */
  span: number;
  /** A cell continuing a vertical merge above it (w:vMerge without restart): layout, not data. */
  covered?: boolean;
}

export type SourceBlock =
  | { kind: 'paragraph'; text: string }
  | {
      kind: 'table';
      rows: SourceCell[][];
      /** Cell boundaries are exact in this table though not in the whole source (a Markdown table in text). */
      exactColumns?: boolean;
    };

export interface SourceDoc {
  kind: 'docx' | 'pdf' | 'html' | 'text';
  /** True when cell columns are exact (.docx); false for tab-separated text. */
  exactColumns: boolean;
  blocks: SourceBlock[];
}

/** A refusal of the whole input, with a Chinese message for the user. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** Bounds that keep hostile input from taking unbounded time or memory. */
export const LIMITS = {
  /** Bytes of a .docx file. */
  fileBytes: 50 * 1024 * 1024,
  /** Bytes of word/document.xml once inflated. */
  xmlBytes: 30 * 1024 * 1024,
  /** Characters of pasted text. */
  textChars: 3_000_000,
  /** Entries in the zip directory. */
  zipEntries: 5_000,
  /** XML element nesting. */
  xmlDepth: 200,
  /** Rows of one table, cells of one row, table cells in all. */
  tableRows: 2_000,
  rowCells: 200,
  totalCells: 100_000,
  /** Lines of text and blocks of a document. */
  blocks: 100_000,
} as const;
