// Typing latency of the authoring form in real Chromium (production build), next to the floor:
// scripts/bench/floor.html, the same 200 cells in vanilla JS with the totals recomputed on every
// input. Both run in the same browser, at 1x and at 4x CPU throttling (CDP
// Emulation.setCPUThrottlingRate), in a viewport tall enough that nothing scrolls.
// Input-to-paint per keystroke is the `duration` of the keydown's EventTiming entry in the Chrome
// trace (keydown timestamp → the paint that shows the key's effect, as INP measures it). Also
// printed: React commits per keystroke (a DevTools hook counts onCommitFiberRoot) and the initial
// JavaScript (gzip) of the build: the entry chunk and the chunks it imports statically, checked
// not to contain the .docx library or the importer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../../test/helpers/browser';
import { stats } from './stats';
import { initialJs, kib } from './initial-js';

const KEYS = Number(process.env.NIANBAO_BENCH_KEYS ?? 150);
const RATES = [1, 4];

// ---- Measuring in the page -----------------------------------------------------------------------
/** Counts React commits (production React calls the DevTools hook too). */
const COMMIT_COUNTER = `window.__commits = 0; window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = { supportsFiber: true, renderers: new Map(), inject: () => 1,
  onScheduleFiberRoot() {}, onCommitFiberRoot() { window.__commits++; }, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, checkDCE() {} };`;

interface Run {
  lat: number[];
  /** Time in the input event's handlers (React's render and commit, the store's totals and rules). */
  handler: number[];
  commits: number;
}

/** Focus each selector in turn and press one digit; or, with `tab`, focus the first and press digit, Tab, digit, Tab… */
async function typeInto(browser: Browser, page: Page, selectors: string[], rate: number, tab = false): Promise<Run> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  // No scrolling: the viewport holds the whole page.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1400, height: Math.min(height + 20, 16_000) });
  await page.waitForTimeout(300);
  const commits0 = await page.evaluate(() => (window as unknown as { __commits?: number }).__commits ?? 0);
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  if (tab) await page.locator(selectors[0]!).first().focus();
  for (let i = 0; i < KEYS; i++) {
    if (tab) {
      await page.keyboard.press(i % 2 ? 'Tab' : String((i % 9) + 1));
      continue;
    }
    await page.locator(selectors[i % selectors.length]!).first().focus();
    await page.keyboard.press(String((i % 9) + 1));
  }
  await page.waitForTimeout(200);
  type Data = { type?: string; duration?: number; processingStart?: number; processingEnd?: number };
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: { name: string; ph: string; args?: { data?: Data } }[] };
  const commits = (await page.evaluate(() => (window as unknown as { __commits?: number }).__commits ?? 0)) - commits0;
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  const timing = (type: string) => trace.traceEvents.filter((e) => e.name === 'EventTiming' && e.ph === 'b' && e.args?.data?.type === type).map((e) => e.args!.data!);
  const lat = timing('keydown').map((d) => d.duration!);
  const handler = timing('input').map((d) => d.processingEnd! - d.processingStart!);
  return { lat, handler, commits };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

const out = mkdtempSync(join(tmpdir(), 'nianbao-bench-dist-'));
await build({ logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
const js = initialJs(out);
console.log(`initial JavaScript: ${kib(js.gz)} gzip (${kib(js.raw)} minified) in ${js.chunks.length} file(s) (per chunk: npm run bench -- bundle); CSS ${kib(js.cssGz)} gzip; on demand only, yet in it: ${js.eager.join(', ') || 'nothing'}`);

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, build: { outDir: out }, logLevel: 'warn' });
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('no port');
const b = await launch();
const browser = b.browser!;
try {
  for (const rate of RATES) {
    const floorPage = await b.context.newPage();
    await floorPage.goto(`file://${fileURLToPath(new URL('floor.html', import.meta.url))}`);
    const floor = await typeInto(browser, floorPage, ['#app input:not([readonly])', '#a20 input', '#rev input:not([readonly])'], rate);
    await floorPage.close();

    const page = await b.context.newPage();
    await page.addInitScript(COMMIT_COUNTER);
    await page.goto(`http://127.0.0.1:${address.port}/`);
    await page.locator('input.cell-input').first().waitFor();
    const ids = await page.locator('input.cell-input').evaluateAll((els) => els.map((e) => e.id));
    // A different cell each key, spread over the three grids, as a clerk filling the tables.
    const grid = await typeInto(browser, page, ids.map((id) => `[id="${id}"]`), rate);
    const text = await typeInto(browser, page, ['#text-overview\\.active'], rate);
    // As a clerk types: a digit, Tab to the next cell, a digit… in 三 (Tab passes over the totals).
    const tabbed = await typeInto(browser, page, ['#grid-applications input.cell-input'], rate, true);
    await page.close();

    const ratio = (r: Run) => `${(median(r.lat) / median(floor.lat)).toFixed(2)}x / ${(p95(r.lat) / p95(floor.lat)).toFixed(2)}x`;
    console.log(`\nCPU ${rate}x — keydown → paint (EventTiming), ${KEYS} keys each`);
    const handler = (r: Run) => `input handlers median ${median(r.handler).toFixed(2)} ms`;
    console.log(`  floor (vanilla JS, 200 cells):            ${stats(floor.lat)}; ${handler(floor)}`);
    console.log(`  form grids (${ids.length} cells, R1–R15 per key): ${stats(grid.lat)}; ${handler(grid)}; vs floor (median/p95) ${ratio(grid)}; React commits per key ${(grid.commits / KEYS).toFixed(2)}`);
    console.log(`  form grid 三, digit/Tab alternating:      ${stats(tabbed.lat)}; ${handler(tabbed)}; vs floor (median/p95) ${ratio(tabbed)}; React commits per key ${(tabbed.commits / KEYS).toFixed(2)}`);
    console.log(`  form narrative field:                     ${stats(text.lat)}; ${handler(text)}; vs floor (median/p95) ${ratio(text)}; React commits per key ${(text.commits / KEYS).toFixed(2)}`);
  }
} finally {
  await b.close();
  await server.close();
  rmSync(out, { recursive: true, force: true });
}
