// Which key asks the report's history for what: Ctrl+Z (⌘Z) undo, Ctrl+Y or Ctrl+Shift+Z redo.
// A text box keeps its own undo (the browser's, letter by letter); a grid cell and the rest of
// the page use the report's, where a paste or 填0 is one step. Pure: no React, no DOM globals.

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Where the key was pressed: a grid cell, another text field, inside a dialog, or elsewhere. */
export type KeyPlace = 'cell' | 'text' | 'dialog' | 'page';

export function undoKey(e: KeyLike, place: KeyPlace): 'undo' | 'redo' | null {
  if (place === 'text' || place === 'dialog' || e.altKey || !(e.ctrlKey || e.metaKey)) return null;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y' && !e.shiftKey) return 'redo';
  return null;
}
