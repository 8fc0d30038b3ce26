// Real corpus reports, imported the way the CLI imports them (content-sniffing entry point).
import { readFileSync } from 'node:fs';
import { importBytes } from '../../src/cli/import';
import type { ReviewInput } from '../../src/review';

export const CORPUS = new URL('../fixtures/corpus/', import.meta.url).pathname;

export async function loadCorpus(name: string): Promise<ReviewInput> {
  const result = await importBytes(new Uint8Array(readFileSync(CORPUS + name)), CORPUS + name);
  return { id: name, template: result.template, report: result.report };
}
