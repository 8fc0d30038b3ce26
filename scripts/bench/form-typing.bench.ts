// Typing latency of the authoring form in real Chromium (production build), next to the floor:
// scripts/bench/floor.html, the same 200 cells in vanilla JS with the totals recomputed on every
// input. Measured in the page: from a key's keydown to the end of the frame that shows it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { Page } from 'playwright-core';
import { launch } from '../../test/helpers/browser';
import { stats } from './stats';

const KEYS = 200;

/** Record, for every keydown, the time until the next frame has been produced (once per page). */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __on?: boolean };
    w.__lat = [];
    if (w.__on) return;
    w.__on = true;
    document.addEventListener(
      'keydown',
      (e) => {
        const start = e.timeStamp;
        requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - start), 0));
      },
      true,
    );
  });
}

async function typeInto(page: Page, selectors: string[]): Promise<number[]> {
  await instrument(page);
  for (let i = 0; i < KEYS; i++) {
    const sel = selectors[i % selectors.length]!;
    await page.locator(sel).first().focus();
    await page.keyboard.press(String((i % 9) + 1));
  }
  await page.waitForTimeout(100);
  return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
}

const out = mkdtempSync(join(tmpdir(), 'nianbao-bench-dist-'));
await build({ logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, build: { outDir: out }, logLevel: 'warn' });
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('no port');
const browser = await launch();
try {
  const floor = await browser.context.newPage();
  await floor.goto(`file://${fileURLToPath(new URL('floor.html', import.meta.url))}`);
  const floorLat = await typeInto(floor, ['#app input:not([readonly])', '#a20 input', '#rev input:not([readonly])']);
  console.log(`floor (vanilla JS, 200 cells): keydown → frame ${stats(floorLat)}`);

  const page = await browser.context.newPage();
  await page.goto(`http://127.0.0.1:${address.port}/`);
  await page.locator('input.cell-input').first().waitFor();
  const ids = await page.locator('input.cell-input').evaluateAll((els) => els.map((e) => e.id));
  // Spread the keys over the grid, a different cell each time, as a clerk filling the tables.
  const sels = ids.map((id) => `[id="${id}"]`);
  const appLat = await typeInto(page, sels);
  console.log(`nianbao form (${ids.length} input cells, rules R1–R15 on every key): keydown → frame ${stats(appLat)}`);
  // A part of 一 (a textarea of a few lines), as a clerk writing the narrative.
  const text = page.locator('textarea').nth(2);
  await instrument(page);
  await text.focus();
  for (let i = 0; i < KEYS / 2; i++) await page.keyboard.press('a');
  await page.waitForTimeout(100);
  const textLat = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
  console.log(`nianbao form, typing in a narrative field: keydown → frame ${stats(textLat)}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(out, { recursive: true, force: true });
}
