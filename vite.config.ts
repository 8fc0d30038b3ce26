import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

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

export default defineConfig({
  plugins: [react(), cspMeta()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': `${CSP}; frame-ancestors 'none'` } },
  // NIANBAO_OUT_DIR: a private build directory, so test runs sharing one working tree do not
  // rebuild each other's dist/ while a browser suite serves it.
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 800, outDir: process.env.NIANBAO_OUT_DIR || 'dist', emptyOutDir: true },
});
