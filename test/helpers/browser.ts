// Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core, against the production
// build served by `vite preview` on 127.0.0.1. The build runs once per test run (globalSetup).
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface App {
  url: string;
  server: PreviewServer;
  close: () => Promise<void>;
}

/**
 * Serve a private copy of the build: for suites that reload and reopen pages many times while
 * other suites may rebuild dist/ in place (vitest's global setup).
 */
export async function serveDistCopy(): Promise<App> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-dist-'));
  for (let i = 0; i < 60; i++) {
    try {
      cpSync(process.env.NIANBAO_OUT_DIR || 'dist', dir, { recursive: true });
      const html = readFileSync(join(dir, 'index.html'), 'utf8');
      const refs = [...html.matchAll(/(?:src|href)="\.?\/([^"]+)"/g)].map((m) => m[1]!);
      // sw.js, written last, lists every file of one whole build: the chunks loaded on demand too.
      const files = (JSON.parse(/JSON\.parse\('(\[[^']*\])'\)/.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))?.[1] ?? '[]') as string[]).map((f) => f.slice(2));
      if (refs.length > 0 && refs.every((r) => files.includes(r)) && files.every((f) => existsSync(join(dir, f)))) break;
    } catch {
      /* caught mid-build: try again */
    }
    rmSync(dir, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 500));
  }
  const server = await preview({ build: { outDir: dir }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    server,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A persistent context keeps IndexedDB across page reloads and reopenings within a test. */
export async function launch(options: { persistent?: boolean; viewport?: { width: number; height: number } } = {}): Promise<{ browser?: Browser; context: BrowserContext; close: () => Promise<void> }> {
  const viewport = options.viewport ?? { width: 1400, height: 1000 };
  if (options.persistent) {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-chromium-'));
    const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport });
    return { context, close: () => context.close() };
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  const context = await browser.newContext({ viewport });
  return { browser, context, close: () => browser.close() };
}

/** Fail the test on any request that leaves 127.0.0.1, and on console errors. */
export function guardPage(page: Page, errors: string[] = []): string[] {
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) errors.push(`外部请求：${req.url()}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/**
 * One served app and one browser for the tests of a file: registers beforeAll/afterAll and
 * returns a handle whose `url` and `context` are ready inside the tests.
 */
export function appInBrowser(options: Parameters<typeof launch>[0] = {}): { readonly url: string; readonly context: BrowserContext } {
  let app: App | undefined;
  let browser: Awaited<ReturnType<typeof launch>> | undefined;
  beforeAll(async () => {
    app = await serveDistCopy();
    browser = await launch(options);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  return {
    get url() {
      if (!app) throw new Error('app not started');
      return app.url;
    },
    get context() {
      if (!browser) throw new Error('browser not started');
      return browser.context;
    },
  };
}

/** Paste `text` into an element as the clipboard would (a paste event carrying text/plain), after focusing it. */
export async function pasteText(target: Locator, text: string): Promise<void> {
  await target.focus();
  await target.evaluate((el, data) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', data);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}
