// Input → IndexedDB committed, per keystroke, in real Chromium on the production build: how long
// after a key's input event the draft holding it is on disk (the `complete` event of the first
// save that started after the event). The page is instrumented from outside (an init script wraps
// IDBDatabase.prototype.transaction and Worker); the save worker's replies say when it committed.
// Keys are typed into a narrative field and into grid cells, at a clerk's pace and at full speed.
import type { Page } from 'playwright-core';
import { benchApp } from './browser-app';
import { stats } from './stats';

const KEYS = Number(process.env.NIANBAO_BENCH_KEYS ?? 200);

/**
 * Records input events' times and every save's start and commit, on one clock (ms since the
 * epoch): transactions of the page's own connection, and the save worker's, whose replies carry
 * the moment its transaction committed.
 */
const PROBE = `(() => {
  const inputs = [], txs = [], sent = new Map();
  const now = () => performance.timeOrigin + performance.now();
  window.__durability = { inputs, txs };
  document.addEventListener('input', (e) => inputs.push(performance.timeOrigin + e.timeStamp), true);
  const open = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (names, mode, options) {
    const t = open.call(this, names, mode, options);
    if (mode === 'readwrite') {
      const start = now();
      t.addEventListener('complete', () => txs.push([start, now(), 'page ' + t.durability]));
    }
    return t;
  };
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', (e) => {
        if (e.data && e.data.committedAt) txs.push([sent.get(e.data.seq), e.data.committedAt, 'worker']);
      });
    }
    postMessage(message, transfer) {
      if (message && typeof message.seq === 'number') sent.set(message.seq, now());
      return super.postMessage(message, transfer);
    }
  };
})();`;

interface Probe {
  inputs: number[];
  txs: [number, number, string][];
}

/** For each input: commit time of the first transaction started after it, minus the input's timestamp. */
function latencies(p: Probe): { ms: number[]; started: number[]; unsaved: number; durability: string } {
  const txs = [...p.txs].sort((a, b) => a[0] - b[0]);
  const ms: number[] = [];
  const started: number[] = [];
  let unsaved = 0;
  for (const t of p.inputs) {
    const tx = txs.find(([start]) => start >= t);
    if (!tx) {
      unsaved++;
      continue;
    }
    ms.push(tx[1] - t);
    started.push(tx[0] - t);
  }
  return { ms, started, unsaved, durability: [...new Set(txs.map((t) => t[2]))].join('/') };
}

async function measure(page: Page, selector: string, gap: number): Promise<string> {
  await page.evaluate(() => {
    const d = (window as unknown as { __durability: Probe }).__durability;
    d.inputs.length = 0;
    d.txs.length = 0;
  });
  const field = page.locator(selector).first();
  await field.focus();
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.type(String(i % 10));
    if (gap) await page.waitForTimeout(gap);
  }
  await page.waitForTimeout(1000);
  const probe = await page.evaluate(() => (window as unknown as { __durability: Probe }).__durability);
  const l = latencies(probe);
  return `${stats(l.ms)}; of which until the save starts ${stats(l.started)}${l.unsaved ? `, ${l.unsaved} keys with no save after them` : ''} [${l.durability}]`;
}

/** The same record written alone (no read, no app), every 100 ms: what the browser and machine allow. */
async function floor(page: Page, durability: 'relaxed' | 'strict'): Promise<string> {
  // A string, not a function: tsx would add helpers to a function that the page does not have.
  const ms = (await page.evaluate(`(async () => {
    const open = (name) => new Promise((r) => {
      const o = indexedDB.open(name, 1);
      o.onupgradeneeded = () => o.result.createObjectStore('s', { keyPath: 'id' });
      o.onsuccess = () => r(o.result);
    });
    const app = await open('nianbao');
    const record = await new Promise((r) => {
      const q = app.transaction('drafts').objectStore('drafts').getAll();
      q.onsuccess = () => r(q.result[0]);
    });
    app.close();
    const db = await open('nianbao-bench-floor');
    const times = [];
    for (let i = 0; i < ${Math.min(KEYS, 60)}; i++) {
      const t0 = performance.now();
      await new Promise((r) => {
        const t = db.transaction('s', 'readwrite', { durability: '${durability}' });
        t.objectStore('s').put({ ...record, id: 'x', i });
        t.oncomplete = () => r();
        t.commit();
      });
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 100));
    }
    db.close();
    return times;
  })()`)) as number[];
  return stats(ms);
}

const app = await benchApp();
const { context } = app;
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.addInitScript(PROBE);
  await page.goto(app.url);
  await page.locator('#text-overview\\.active').waitFor();
  console.log(`input → IndexedDB committed, ${KEYS} keys each (Chromium, production build, persistent profile on disk)`);
  console.log(`  narrative field, a key every 100 ms: ${await measure(page, '#text-overview\\.active', 100)}`);
  console.log(`  narrative field, keys back to back:  ${await measure(page, '#text-overview\\.active', 0)}`);
  console.log(`  grid cell, a key every 100 ms:       ${await measure(page, 'input.cell-input', 100)}`);
  console.log(`  floor: one put of the stored draft in a database of its own, relaxed / strict: ${await floor(page, 'relaxed')} / ${await floor(page, 'strict')}`);
} finally {
  await app.close();
}
