// What an import tells the clerk: notes naming the place, and the result of an import.
import type { CellId, Report } from '../core';
import type { ImportHints } from './hints';

export type NoteLevel = 'error' | 'warning' | 'info';

/** One thing the user should know about an import: what could not be read, what was guessed. */
export interface ImportNote {
  level: NoteLevel;
  /** Where, in Chinese: section · row · column, or a text slot. */
  place: string;
  message: string;
  /** Cells the note is about (their values are uncertain or missing). */
  cells?: CellId[];
}

export interface ImportResult {
  report: Report;
  notes: ImportNote[];
  /** The layout the source seems to use, by its distinguishing labels. */
  format: { id: string; name: string; hits: number } | null;
  /** Cells that received a number. */
  valuesRead: number;
  /** Cells named by a note (uncertain, blank or not found). */
  flagged: CellId[];
  /** False when nothing of a report was recognised (no title, no section, no table value). */
  recognised: boolean;
}

export interface ImportOptions {
  hints?: ImportHints;
  /** Year to assume when the source names none (default: last calendar year). */
  fallbackYear?: number;
  /** The form the source came in (for `source.form`; default from the SourceDoc). */
  form?: 'docx' | 'pdf' | 'html' | 'text';
  /** The file's name, when the source is a file. */
  file?: string;
}
