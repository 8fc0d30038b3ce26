import { afterAll, beforeAll, expect, it } from 'vitest';
import { guardPage, launch, serveApp, type App } from '../helpers/browser';

let app: App;
let browser: Awaited<ReturnType<typeof launch>>;
beforeAll(async () => {
  app = await serveApp();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

it('serves the app under a strict CSP and makes no outside request', async () => {
  const page = await browser.context.newPage();
  const errors = guardPage(page);
  const response = await page.goto(app.url);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("default-src 'self'");
  await expect.poll(() => page.locator('h1').textContent()).toContain('政府信息公开工作年度报告');
  expect(errors).toEqual([]);
});
