#!/usr/bin/env node
// Builds the CLI to plain JavaScript in build/cli/, so `bin/nianbao` runs without a TypeScript
// runtime. npm's `prepare` step runs it on `npm ci` and `npm install`. Vite (rolldown) bundles
// src/cli with the core; each subcommand stays its own chunk behind its dynamic import(), so
// `check` never loads docx. Packages from node_modules stay external: Node loads them as installed.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_OUT = fileURLToPath(new URL('../build/cli/', import.meta.url));

/** Build the CLI into outDir (build/cli by default). The chunks sit flat in outDir: src/node/templates.ts finds templates/ two levels up from its own file. */
export async function buildCli(outDir = CLI_OUT) {
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    build: {
      ssr: 'src/cli/main.ts',
      outDir,
      emptyOutDir: true,
      target: 'node20',
      copyPublicDir: false,
      minify: false,
      sourcemap: false,
      rolldownOptions: {
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
