// Rule data is checked when a template loads: a pattern that does not compile is refused with
// the place and a Chinese message, so checking a report never throws on it later.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../src/core';

const spec = () => JSON.parse(readFileSync(new URL('../../templates/gov-info-2021.json', import.meta.url), 'utf8'));

describe('rule patterns in a template', () => {
  it('load when they compile', () => {
    expect(loadTemplate(spec()).rules.length).toBeGreaterThan(20);
  });
  it('are refused, with the place, when one does not compile', () => {
    const s = spec();
    const r20 = s.rules.find((r: { id: string }) => r.id === 'R20');
    r20.allowed.push('一(');
    const i = s.rules.indexOf(r20);
    expect(() => loadTemplate(s)).toThrow(new RegExp(`rules\\.${i}\\.allowed\\.\\d+：不是有效的正则表达式`));
  });
});
