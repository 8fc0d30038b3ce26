import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// The strict policy: nothing but this origin; no inline script, no eval, no outside host.
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // React sets styles through the CSSOM, which CSP allows: no 'unsafe-inline' anywhere.
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The built page carries the policy itself, so it holds however the files are served. */
function cspMeta(): Plugin {
  return {
    name: 'nianbao-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

/**
 * Writes sw.js into the build: src/ui/sw/service-worker.js with the list of every built file
 * (precached on install) and a version that changes with any file's content.
 */
function serviceWorker(): Plugin {
  let outDir = '';
  return {
    name: 'nianbao-service-worker',
    apply: 'build',
    configResolved: (config) => void (outDir = resolve(config.root, config.build.outDir)),
    closeBundle() {
      const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
      const files = walk(outDir).map((f) => relative(outDir, f).split(sep).join('/')).filter((f) => f !== 'sw.js').sort();
      const hash = createHash('sha256');
      for (const f of files) hash.update(f).update(readFileSync(join(outDir, f)));
      const source = readFileSync(new URL('./src/ui/sw/service-worker.js', import.meta.url), 'utf8')
        .replace('__NIANBAO_VERSION__', hash.digest('hex').slice(0, 16))
        .replace('__NIANBAO_FILES__', JSON.stringify(files.map((f) => `./${f}`)));
      writeFileSync(join(outDir, 'sw.js'), source);
    },
  };
}

/**
 * The templates as the app loads them, without each rule's `doc` (the rule catalogue of
 * docs/rules.md and the CLI, which the app never shows). The app only resolves them
 * (resolveTemplate): the template schema checks every file in test/core/templates.test.ts.
 */
function templatesForTheApp(): Plugin {
  return {
    name: 'nianbao-templates-for-the-app',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]templates[\\/]gov-info-[^\\/]+\.json$/.test(id)) return null;
      return { code: JSON.stringify(JSON.parse(code), (key, value) => (key === 'doc' ? undefined : value)), map: null };
    },
  };
}

/**
 * src/core is headless and pure: importing a module of it does nothing but define things. Saying
 * so lets the bundle leave out what the app does not use of it (the template schema and the
 * chainable zod behind it, used only in Node and when the app is built).
 */
function pureCore(): Plugin {
  return {
    name: 'nianbao-pure-core',
    transform(code, id) {
      return /[\\/]src[\\/]core[\\/][^?]*\.ts$/.test(id) ? { code, map: null, moduleSideEffects: false } : null;
    },
  };
}

// `mode: 'single'` (scripts/build-single.mjs) builds one chunk with every asset inlined, for the
// one-file nianbao.html that opens from file://, where no second file can be loaded.
export default defineConfig(({ mode }) => ({
  // Relative URLs: dist/ works from any sub-path of a server (and the single file from file://).
  base: './',
  plugins: [react(), cspMeta(), templatesForTheApp(), pureCore(), mode === 'single' ? null : serviceWorker()],
  // The single file runs pdf.js in the page: no worker can start from a file on file://.
  resolve: mode === 'single' ? { alias: [{ find: /^(?:\.\.?\/)+(?:import\/)?pdf-worker$/, replacement: fileURLToPath(new URL('./src/ui/import/pdf-worker-single.ts', import.meta.url)) }] } : {},
  // Workers (the drafts' save worker, the review's) are bundled apart: they need pureCore too, or
  // an import of the core's index brings the whole core (classic zod with it) into them.
  worker: { plugins: () => [pureCore()] },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': `${CSP}; frame-ancestors 'none'` } },
  // NIANBAO_OUT_DIR: a private build directory, so test runs sharing one working tree do not
  // rebuild each other's dist/ while a browser suite serves it.
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: mode === 'single' ? 8000 : 800,
    outDir: process.env.NIANBAO_OUT_DIR || 'dist',
    emptyOutDir: true,
    // Every browser the app supports (Chromium-based) knows <link rel="modulepreload">.
    modulePreload: { polyfill: false },
    ...(mode === 'single' ? { assetsInlineLimit: () => true, cssCodeSplit: false, modulePreload: false, rolldownOptions: { output: { codeSplitting: false } } } : {}),
  },
}));
