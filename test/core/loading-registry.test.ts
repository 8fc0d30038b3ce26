// The browser's template registry starts with the current template and loads the others on
// demand (createLoadingRegistry): until loaded, a template is not found and never replaced by
// another; each loads once; a failed load is tried again; an unknown id is undefined.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLoadingRegistry, loadTemplate } from '../../src/core';

const json = (id: string): unknown => JSON.parse(readFileSync(`templates/${id}.json`, 'utf8'));

function registryWithCounts(failFirst = false) {
  const loads: string[] = [];
  let failed = !failFirst;
  const source = (id: string) => ({
    id,
    load: async () => {
      loads.push(id);
      if (!failed) {
        failed = true;
        throw new Error('网络中断');
      }
      return json(id);
    },
  });
  const registry = createLoadingRegistry([json('gov-info-2021')], [source('gov-info-2019'), source('gov-info-2008')], loadTemplate);
  return { registry, loads };
}

describe('createLoadingRegistry', () => {
  it('answers from the loaded templates only: the current one at first, an older year not found', () => {
    const { registry, loads } = registryWithCounts();
    expect(registry.all.map((t) => t.id)).toEqual(['gov-info-2021']);
    expect(registry.forYear(2025)?.id).toBe('gov-info-2021');
    expect(registry.forYear(2020)).toBeUndefined();
    expect(registry.get('gov-info-2019')).toBeUndefined();
    expect(loads).toEqual([]);
  });

  it('loads one template on demand, once, and then finds it by id and year', async () => {
    const { registry, loads } = registryWithCounts();
    const [a, b] = await Promise.all([registry.load('gov-info-2019'), registry.load('gov-info-2019')]);
    expect(a?.id).toBe('gov-info-2019');
    expect(b).toBe(a);
    expect(registry.get('gov-info-2019')).toBe(a);
    expect(registry.forYear(2020)).toBe(a);
    expect(registry.forYear(2010)).toBeUndefined();
    expect(await registry.load('gov-info-2021')).toBe(registry.get('gov-info-2021'));
    expect(await registry.load('gov-info-1999')).toBeUndefined();
    expect(loads).toEqual(['gov-info-2019']);
  });

  it('loadAll makes it complete, like the Node registry', async () => {
    const { registry } = registryWithCounts();
    const all = await registry.loadAll();
    expect(all).toBe(registry);
    expect(registry.all.map((t) => t.id).sort()).toEqual(['gov-info-2008', 'gov-info-2019', 'gov-info-2021']);
    expect(registry.forYear(2013)?.id).toBe('gov-info-2008');
  });

  it('a load that failed is tried again on the next request', async () => {
    const { registry, loads } = registryWithCounts(true);
    await expect(registry.load('gov-info-2019')).rejects.toThrow('网络中断');
    expect((await registry.load('gov-info-2019'))?.id).toBe('gov-info-2019');
    expect(loads).toEqual(['gov-info-2019', 'gov-info-2019']);
  });

  it('refuses a file whose id is not the one it was asked for', async () => {
    const registry = createLoadingRegistry([], [{ id: 'gov-info-2019', load: async () => json('gov-info-2008') }], loadTemplate);
    await expect(registry.load('gov-info-2019')).rejects.toThrow('模板文件 gov-info-2019 中的 id 是 gov-info-2008');
  });
});
