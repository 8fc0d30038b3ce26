#!/usr/bin/env node
// `npm run build:single`: the whole app as one file, nianbao.html, that a clerk double-clicks from
// a folder or a USB stick (file://, no server). Vite builds it in its 'single' mode (one chunk,
// every asset inlined: see vite.config.ts); this script then puts the script and the stylesheet
// into the page and writes a CSP that allows exactly those two by their sha256 hashes, so the
// policy stays strict: no 'unsafe-inline', no 'unsafe-eval', no other host.
//   node scripts/build-single.mjs [out-file]      (default dist/nianbao.html)
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The policy of the single file: the hosted one's, with the inline script and style named by hash. */
export function singleFileCsp(scriptHash, styleHash) {
  return [
    "default-src 'none'",
    `script-src ${scriptHash}`,
    `style-src ${styleHash}`,
    'img-src data: blob:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Put the built entry script and stylesheet into the page; returns the one-file HTML. */
export function inlinePage(outDir) {
  let html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const read = (ref) => readFileSync(join(outDir, ref.replace(/^\.\//, '')), 'utf8');
  const scriptTag = /<script type="module"[^>]*src="([^"]+)"[^>]*><\/script>/.exec(html);
  const styleTag = /<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/.exec(html);
  if (!scriptTag) throw new Error('构建结果中找不到入口脚本（index.html 中没有 <script type="module" src>）');
  if (/<script[^>]*src=|<link rel="modulepreload"/.test(html.replace(scriptTag[0], ''))) throw new Error('单文件构建中仍有第二个脚本文件，无法内嵌');
  // "</script" inside the code would end the element early; "<\/script" means the same in JS.
  const script = read(scriptTag[1]).replace(/<\/(script)/gi, '<\\/$1');
  const style = styleTag ? read(styleTag[1]).replace(/<\/(style)/gi, '<\\/$1') : '';
  const icon = /<link rel="icon" type="image\/svg\+xml" href="([^"]+)"[^>]*>/.exec(html);
  html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  if (icon) html = html.replace(icon[0], `<link rel="icon" type="image/svg+xml" href="data:image/svg+xml;base64,${Buffer.from(read(icon[1])).toString('base64')}" />`);
  if (styleTag) html = html.replace(styleTag[0], () => `<style>${style}</style>`);
  // The script goes last in <body>: a module runs after parsing anyway; there it also reads clearly.
  html = html.replace(scriptTag[0], '').replace('</body>', () => `<script type="module">${script}</script>\n  </body>`);
  const csp = singleFileCsp(sha256(script), sha256(style));
  return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);
}

/** Build nianbao.html into outFile. */
export async function buildSingle(outFile = join(ROOT, 'dist', 'nianbao.html')) {
  const outDir = mkdtempSync(join(tmpdir(), 'nianbao-single-'));
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production'; // React's production build, also when called from a test
  try {
    await build({ root: ROOT, mode: 'single', logLevel: 'warn', build: { outDir, emptyOutDir: true, copyPublicDir: true } });
    const html = inlinePage(outDir);
    mkdirSync(dirname(resolve(outFile)), { recursive: true });
    writeFileSync(outFile, html);
    return { file: resolve(outFile), bytes: Buffer.byteLength(html) };
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { file, bytes } = await buildSingle(process.argv[2]);
  console.log(`${file}: ${(bytes / 1048576).toFixed(1)} MB`);
}
