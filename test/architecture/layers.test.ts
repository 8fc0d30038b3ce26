// The direction of the layers, checked on the source itself (eslint checks static imports; this
// also sees import() and re-exports): src/ui on top, nothing below it reaches up into it, React
// only in src/ui, and the core below everything.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src', import.meta.url).pathname;

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

const sources = files(SRC).filter((f) => /\.(ts|tsx)$/.test(f));

/** Every module a file names: static imports, re-exports, side-effect imports and import(). */
function specifiersOf(text: string): string[] {
  const found: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) found.push(m[2]!);
  return found;
}

/** The layer (first directory under src/) a relative specifier of `file` lands in. */
function layerOf(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const target = relative(SRC, resolve(dirname(file), spec));
  return target.startsWith('..') ? null : (target.split('/')[0] ?? null);
}

const layer = (file: string) => relative(SRC, file).split('/')[0]!;

describe('layers point one way', () => {
  it('reads imports of every kind', () => {
    const text = `import { a } from './a';\nimport './b.css';\nexport * from "../c";\nconst m = await import('../ui/d');`;
    expect(specifiersOf(text)).toEqual(['./a', './b.css', '../c', '../ui/d']);
  });

  it('nothing outside src/ui imports from src/ui', () => {
    expect(sources.length).toBeGreaterThan(50);
    const upward = sources
      .filter((f) => layer(f) !== 'ui')
      .flatMap((f) => specifiersOf(readFileSync(f, 'utf8')).filter((s) => layerOf(f, s) === 'ui').map((s) => `${relative(SRC, f)} → ${s}`));
    expect(upward).toEqual([]);
  });

  it('React is used only under src/ui, and every .tsx file is there', () => {
    const react = sources
      .filter((f) => layer(f) !== 'ui')
      .filter((f) => f.endsWith('.tsx') || specifiersOf(readFileSync(f, 'utf8')).some((s) => /^react(-dom|-hook-form)?(\/|$)/.test(s)))
      .map((f) => relative(SRC, f));
    expect(react).toEqual([]);
  });

  it('each layer imports only from the layers below it', () => {
    // The picture of docs/architecture.md, as data: what each layer of src/ may import from.
    const below: Record<string, string[]> = {
      core: [],
      store: ['core'],
      drafts: ['core'],
      render: ['core', 'review'],
      import: ['core'],
      node: ['core'],
      review: ['core'],
      cli: ['core', 'import', 'render', 'node', 'review'],
      ui: ['core', 'store', 'drafts', 'render', 'import', 'review'],
    };
    expect(Object.keys(below).sort()).toEqual([...new Set(sources.map(layer))].filter((l) => !/\.tsx?$/.test(l)).sort());
    const wrong = sources.flatMap((f) =>
      specifiersOf(readFileSync(f, 'utf8'))
        .map((s) => ({ s, to: layerOf(f, s) }))
        .filter(({ to }) => to !== null && to !== layer(f) && !below[layer(f)]!.includes(to))
        .map(({ s }) => `${relative(SRC, f)} → ${s}`),
    );
    expect(wrong).toEqual([]);
  });

  it('the core imports from no other layer', () => {
    const out = sources
      .filter((f) => layer(f) === 'core')
      .flatMap((f) => specifiersOf(readFileSync(f, 'utf8')).filter((s) => s.startsWith('.') && layerOf(f, s) !== 'core').map((s) => `${relative(SRC, f)} → ${s}`));
    expect(out).toEqual([]);
  });

  it('renderers and drafts storage use no DOM', () => {
    const dom = sources
      .filter((f) => layer(f) === 'render' || layer(f) === 'drafts')
      .filter((f) => /\b(document|window)\.|\b(HTMLElement|Element|FocusEvent)\b|focusin/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(dom).toEqual([]);
  });
});
