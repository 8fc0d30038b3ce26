// Node adapter of the template registry: reads templates/index.json and the files it lists.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createRegistry, type TemplateRegistry } from '../core';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

let cached: TemplateRegistry | undefined;
export function nodeRegistry(dir = TEMPLATES_DIR): TemplateRegistry {
  if (cached && dir === TEMPLATES_DIR) return cached;
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { templates: { file: string }[] };
  const registry = createRegistry(index.templates.map((t) => JSON.parse(readFileSync(join(dir, t.file), 'utf8'))));
  if (dir === TEMPLATES_DIR) cached = registry;
  return registry;
}
