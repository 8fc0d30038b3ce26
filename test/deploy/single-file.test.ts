// The single-file build (npm run build:single → nianbao.html) as a clerk opens it: double-clicked
// from a folder, so Chromium loads it from file:// with no server. Everything must run from the one
// file under its own CSP (inline script and style allowed by hash only): type, reload with the
// draft kept (IndexedDB), export a .docx, import a PDF (pdf.js in the page: no worker on file://).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch } from '../helpers/browser';
import { expectRestoredAndWorking, ready, typeReport, watch } from './journey';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-usb-'));
const file = join(dir, '年报编制器', 'nianbao.html');
let browser: Awaited<ReturnType<typeof launch>>;

beforeAll(async () => {
  const built = spawnSync('node', ['scripts/build-single.mjs', file], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build:single failed\n${built.stdout}\n${built.stderr}`);
  browser = await launch();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('is one file whose policy allows only its own inline script and style, by hash', () => {
  const html = readFileSync(file, 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
  expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  // The page around the code (the code itself may hold such strings).
  const page = html.replace(/(<script type="module">)[\s\S]*<\/script>/, '$1</script>').replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  expect([...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script type="module">']);
  expect(page).not.toMatch(/<link[^>]+(stylesheet|modulepreload)|src="/);
});

it('opens from file://, keeps the draft across a reload, exports, opens a 2019 report and imports a PDF', { timeout: 180_000 }, async () => {
  const page = await browser.context.newPage();
  const errors = watch(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await ready(page);
  await typeReport(page);
  await page.reload();
  await expectRestoredAndWorking(page);
  // Nothing but the file itself (and data:/blob: URLs it makes) was ever asked for.
  expect(requests.filter((u) => !/^(data|blob):/.test(u) && u.split('#')[0] !== pathToFileURL(file).href)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
