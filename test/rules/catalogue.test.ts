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
  it.each(['gov-info-2019', 'gov-info-2021'])('every rule of %s has its entry', (id) => {
    const t = nodeRegistry().get(id)!;
    expect(t.rules.filter((r) => !r.doc).map((r) => r.id)).toEqual([]);
  });
});
