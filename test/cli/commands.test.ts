// The command table: every subcommand loads on demand, and src/cli has no import cycle.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { COMMANDS } from '../../src/cli/commands';

const CLI = 'src/cli';

/** The src/cli modules a module imports (statically or through import()), by file name. */
function cliImports(file: string): string[] {
  const code = readFileSync(`${CLI}/${file}`, 'utf8');
  const specs = [...code.matchAll(/(?:from\s+|import\s*\(\s*)'(\.\/[\w-]+)'/g)].map((m) => m[1]!);
  return specs.map((s) => `${s.slice(2)}.ts`);
}

/** A path of modules that leads back to where it started, or null. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, path: string[]): string[] | null => {
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    if (state.get(node) === 'done') return null;
    state.set(node, 'open');
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next, [...path, node]);
      if (cycle) return cycle;
    }
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node, []);
    if (cycle) return cycle;
  }
  return null;
}

describe('the command table', () => {
  it('holds check, render and import, each with a Chinese summary that shows how to call it', () => {
    expect(Object.keys(COMMANDS)).toEqual(['check', 'render', 'import', 'review', 'sum']);
    for (const [name, entry] of Object.entries(COMMANDS)) expect(entry.summary).toMatch(new RegExp(`^[^：]+：nianbao ${name} `));
  });

  it('loads each command as a function only when asked', async () => {
    for (const entry of Object.values(COMMANDS)) expect(typeof (await entry.load())).toBe('function');
  });

  it('src/cli has no import cycle, and no subcommand imports main', () => {
    const files = readdirSync(CLI).filter((f) => f.endsWith('.ts'));
    const graph = new Map(files.map((f) => [f, cliImports(f)]));
    expect(graph.get('main.ts')).toContain('commands.ts');
    expect(findCycle(graph)).toBeNull();
    for (const [file, imports] of graph) if (file !== 'main.ts') expect(imports, file).not.toContain('main.ts');
  });

  it('the cycle finder sees a cycle when there is one', () => {
    expect(findCycle(new Map([['main.ts', ['commands.ts']], ['commands.ts', ['check.ts']], ['check.ts', ['main.ts']]]))).toEqual(['main.ts', 'commands.ts', 'check.ts', 'main.ts']);
  });
});
