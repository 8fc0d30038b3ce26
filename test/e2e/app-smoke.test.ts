import { expect, it } from 'vitest';
import { guardPage, appInBrowser } from '../helpers/browser';

const app = appInBrowser();

it('serves the app under a strict CSP and makes no outside request', async () => {
  const page = await app.context.newPage();
  const errors = guardPage(page);
  const response = await page.goto(app.url);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("default-src 'self'");
  expect(meta).not.toContain('unsafe-inline');
  expect(meta).not.toContain('unsafe-eval');
  await expect.poll(() => page.locator('h1').textContent()).toContain('政府信息公开工作年度报告');
  expect(errors).toEqual([]);
});
