// Browser adapter of the template registry: every templates/*.json is bundled by Vite.
import { createRegistry } from '../../core';

const files = import.meta.glob<unknown>(['../../../templates/*.json', '!../../../templates/index.json'], { eager: true, import: 'default' });
export const registry = createRegistry(Object.values(files));
