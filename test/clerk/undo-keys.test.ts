import { describe, expect, it } from 'vitest';
import { undoKey } from '../../src/ui/form/undo-keys';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('undo keys', () => {
  it('Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo, in a grid cell and on the page; ⌘ works as Ctrl', () => {
    expect(undoKey(key('z', { ctrlKey: true }), 'cell')).toBe('undo');
    expect(undoKey(key('Z', { ctrlKey: true, shiftKey: true }), 'page')).toBe('redo');
    expect(undoKey(key('y', { ctrlKey: true }), 'page')).toBe('redo');
    expect(undoKey(key('z', { metaKey: true }), 'page')).toBe('undo');
  });
  it('a text box and a dialog keep their own undo; plain keys and Alt are not undo', () => {
    expect(undoKey(key('z', { ctrlKey: true }), 'text')).toBeNull();
    expect(undoKey(key('z', { ctrlKey: true }), 'dialog')).toBeNull();
    expect(undoKey(key('z'), 'page')).toBeNull();
    expect(undoKey(key('z', { ctrlKey: true, altKey: true }), 'page')).toBeNull();
    expect(undoKey(key('x', { ctrlKey: true }), 'cell')).toBeNull();
  });
});
