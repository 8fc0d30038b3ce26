// Browser adapter of the template registry. The template in force for new reports is part of the
// first screen's code; every other templates/*.json is a chunk of its own, loaded when a report of
// it is opened, imported or started (registry.load / loadAll: see createLoadingRegistry). The files
// are checked by the template schema in test/core/templates.test.ts, so here they are only resolved.
// test/deploy/initial-js.test.ts checks that the one named here is the newest in templates/index.json.
import { createLoadingRegistry, resolveTemplate, type TemplateSpec } from '../../core';
import current from '../../../templates/gov-info-2021.json';

const files = import.meta.glob<unknown>(['../../../templates/*.json', '!../../../templates/index.json', '!../../../templates/gov-info-2021.json'], { import: 'default' });

/** A template file is named by its id (checked when it loads). */
const idOf = (path: string) => path.replace(/^.*\/|\.json$/g, '');

export const registry = createLoadingRegistry(
  [current],
  Object.entries(files).map(([path, load]) => ({ id: idOf(path), load })),
  (json) => resolveTemplate(json as TemplateSpec),
);

/**
 * Every template, or those that could be loaded (a chunk that cannot load, offline without the
 * service worker, leaves its reports to be refused by name rather than the app to stop).
 */
export const allTemplates = () => registry.loadAll().catch(() => registry);
