// Writes schema/template.schema.json and schema/report-<template>.schema.json from the zod
// schemas. Run `npm run gen:schemas` after changing a template or the report format; a test
// fails when the committed files are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { reportSchema, templateSchema } from '../src/core';
import { nodeRegistry } from '../src/node/templates';

export function schemaFiles(): Record<string, string> {
  const json = (schema: z.core.$ZodType) => `${JSON.stringify(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }), null, 2)}\n`;
  const files: Record<string, string> = { 'template.schema.json': json(templateSchema) };
  for (const t of nodeRegistry().all) files[`report-${t.id}.schema.json`] = json(reportSchema(t));
  return files;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const dir = new URL('../schema/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(schemaFiles())) {
    writeFileSync(new URL(name, dir), text);
    console.log(`schema/${name}`);
  }
}
