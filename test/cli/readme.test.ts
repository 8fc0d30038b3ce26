// README is for users and stays in step with what it describes: the CLI's commands and options,
// the two commands, and CI, which runs README's test command after installing its packages.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { COMMANDS } from '../../src/cli/commands';

const readme = readFileSync('README.md', 'utf8');
const ci = readFileSync('.ci/run', 'utf8');

describe('README', () => {
  it('is at most 200 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(200);
  });

  it('shows every command of the CLI with every option its help names', () => {
    for (const [name, entry] of Object.entries(COMMANDS)) {
      expect(readme, name).toMatch(new RegExp(`\\| \`${name} [A-Z]`));
      for (const option of entry.summary.match(/--[a-z-]+/g) ?? []) expect(readme, `${name} ${option}`).toContain(`\`${option}`);
    }
  });

  it('links only to files that exist', () => {
    const links = [...readme.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^https?:/.test(l));
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((l) => !existsSync(l))).toEqual([]);
  });

  it('gives the two commands, and CI runs the test one after installing the packages README lists', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
    expect(ci).toMatch(/^npm ci\b.*\nnpm test$/m);
    const listed = [...readme.matchAll(/`((?:chromium|libreoffice|poppler|pandoc|libxml2|fonts)[\w-]*)`/g)].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThanOrEqual(8);
    const installed = /pkgs=\(([^)]*)\)/.exec(ci)![1]!.split(/\s+/).filter(Boolean);
    expect(installed.sort()).toEqual([...new Set(listed)].sort());
  });
});
