// A fresh production build served on a loopback port, and a persistent Chromium profile to open
// it in: what the browser benches share. `close` ends both and removes their folders.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/helpers/browser';

export interface BenchApp {
  url: string;
  context: BrowserContext;
  /** The browser profile's folder (to find the browser's processes by their command line). */
  profile: string;
  close(): Promise<void>;
}

export async function benchApp(): Promise<BenchApp> {
  const out = mkdtempSync(join(tmpdir(), 'nianbao-bench-dist-'));
  await build({ logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, build: { outDir: out }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const profile = mkdtempSync(join(tmpdir(), 'nianbao-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 1000 } });
  return {
    url: `http://127.0.0.1:${address.port}/`,
    context,
    profile,
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    },
  };
}
