// The hosted build as a county puts it on its intranet: dist/ copied under a sub-path
// (/county/nianbao/) of a plain static server that knows nothing of the app. Every asset, the
// pdf.js worker and the drafts' worker load relative to the page; the service worker makes the
// app work offline after the first visit (the server stopped: the app, its draft, export and the
// lazily loaded importer still work, all from one build's cache).
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from 'vite';
import { launch } from '../helpers/browser';
import { expectRestoredAndWorking, importPdf, ready, typeReport, watch } from './journey';

const PREFIX = '/county/nianbao/';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
const out = mkdtempSync(join(tmpdir(), 'nianbao-subpath-'));
/** The next version of the app: the same source built again under other chunk names. */
const next = mkdtempSync(join(tmpdir(), 'nianbao-subpath-next-'));
/** What the server serves: `out`, until a test puts the next version up. */
let root = out;
let server: Server;
let origin = '';
let browser: Awaited<ReturnType<typeof launch>>;
/** Every path asked of the server outside the sub-path: the app must never reach for the site root. */
const outside: string[] = [];

/** A static file server as any county has: files under PREFIX, 404 for everything else. */
function serve(): Promise<Server> {
  const s = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(PREFIX)) {
      outside.push(path);
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(root, path.slice(PREFIX.length)));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(root) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) => s.listen(0, '127.0.0.1', () => ok(s)));
}

beforeAll(async () => {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', mode: 'production', build: { outDir: out, emptyOutDir: true } });
    await build({ logLevel: 'warn', mode: 'production', build: { outDir: next, emptyOutDir: true, rolldownOptions: { output: { entryFileNames: 'assets/[name]-next-[hash].js', chunkFileNames: 'assets/[name]-next-[hash].js' } } } });
  } finally {
    process.env.NODE_ENV = before;
  }
  server = await serve();
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
  browser = await launch();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((ok) => server?.close(ok));
  rmSync(out, { recursive: true, force: true });
  rmSync(next, { recursive: true, force: true });
});

const entryOf = (html: string) => /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];

it('runs from a sub-path: types, keeps the draft across a reload, exports, opens a 2019 report, imports a PDF', { timeout: 180_000 }, async () => {
  const page = await browser.context.newPage();
  const errors = watch(page);
  await page.goto(origin + PREFIX);
  await ready(page);
  await typeReport(page);
  await page.reload();
  await expectRestoredAndWorking(page);
  expect(errors).toEqual([]);
  expect(outside).toEqual([]);
  await page.close();
});

it('updates without a stale mix: an open page keeps its build; the next one takes over when no page of the old is open', { timeout: 180_000 }, async () => {
  const oldEntry = entryOf(readFileSync(join(out, 'index.html'), 'utf8'));
  const newEntry = entryOf(readFileSync(join(next, 'index.html'), 'utf8'));
  expect(oldEntry).not.toBe(newEntry);
  let page = await browser.context.newPage();
  const errors = watch(page);
  await page.goto(origin + PREFIX);
  await ready(page);
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  // The county puts the next version up: the old build's files are gone from the server.
  root = next;
  await page.reload();
  await ready(page);
  const entry = () => page.evaluate(() => document.querySelector('script[type="module"]')?.getAttribute('src'));
  expect(await entry()).toBe(oldEntry);
  // The old page's chunks loaded on demand (importer, pdf.js) still come from its own build.
  await importPdf(page);
  await expect.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting), { timeout: 30_000 }).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
  // No page of the old build open: the next one activates, and the app opens in it.
  await expect
    .poll(
      async () => {
        page = await browser.context.newPage();
        await page.goto(origin + PREFIX);
        const src = await entry();
        await page.close();
        return src;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(newEntry);
  page = await browser.context.newPage();
  const after = watch(page);
  await page.goto(origin + PREFIX);
  await ready(page);
  expect(await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('nianbao-')).length)).toBe(1);
  expect(after).toEqual([]);
  await page.close();
});

it('works offline after the first visit, from the service worker of its sub-path', { timeout: 180_000 }, async () => {
  const page = await browser.context.newPage();
  const errors = watch(page);
  await page.goto(origin + PREFIX);
  await ready(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(origin + PREFIX);
  await typeReport(page);
  // The server goes away (the clerk's laptop leaves the office network).
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
  await page.reload();
  await expectRestoredAndWorking(page);
  expect(errors).toEqual([]);
  expect(outside).toEqual([]);
  await page.close();
});
