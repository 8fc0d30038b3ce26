// The rule catalogue docs/rules.md is generated from the templates and must be current; every
// rule of the 2019 and 2021 templates carries its catalogue entry (what, basis, failing example).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rulesDoc } from '../../scripts/gen-rules-doc';
import { nodeRegistry } from '../../src/node/templates';

describe('docs/rules.md', () => {
  it('is what scripts/gen-rules-doc.ts writes from the templates today', () => {
    expect(readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8')).toBe(rulesDoc());
  });
  it.each(['gov-info-2008', 'gov-info-2019', 'gov-info-2021'])('every rule of %s has its entry', (id) => {
    const t = nodeRegistry().get(id)!;
    // A twin of a documented rule (a second equation of one check) shares its sibling's entry.
    const documented = (r: (typeof t.rules)[number]) => t.rules.some((o) => o.id === r.id && o.kind === r.kind && o.doc);
    expect(t.rules.filter((r) => !documented(r)).map((r) => r.id)).toEqual([]);
  });
  it('describes each rule as its own template does: a row never lends one template’s description to another', () => {
    const rows = rulesDoc()
      .split('\n')
      .filter((l) => /^\| R\d+ \|/.test(l))
      .map((l) => l.slice(2, -2).split(' | '));
    for (const [id, kind, checks, , , , , templates] of rows) {
      for (const tid of templates!.split(', ')) {
        const own = nodeRegistry().get(tid)!.rules.filter((r) => r.id === id && r.kind === kind);
        expect(own.map((r) => r.doc?.checks.replace(/\|/g, '\\|')), `${id} in ${tid}`).toContain(checks);
      }
    }
    // 2019's 二 has no 现行有效件数: its R8 rows name the columns it does check.
    const r8 = rows.filter((r) => r[0] === 'R8' && r[7] === 'gov-info-2019').map((r) => r[2]);
    expect(r8).toHaveLength(2);
    expect(r8.join()).not.toContain('现行有效');
  });
});
