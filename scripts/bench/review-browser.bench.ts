// The 审查 view with 1,000 reports in real Chromium (production build): the folder chosen, import
// and check in the Web Worker until the table shows every unit. Prints the wall time, the peak
// memory of the browser's processes (RSS of the browser and all its children, sampled every
// 250 ms; Linux /proc), the page's longest main-thread task while the batch ran (Long Tasks API),
// and frame intervals while the table is scrolled from top to bottom.
// `REVIEW_BENCH_N=200 npm run bench review-browser` for a shorter run.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { benchApp } from './browser-app';
import { makeReviewInputs } from './review-inputs';

const N = Number(process.env.REVIEW_BENCH_N ?? 1000);
const inputs = await makeReviewInputs(N);
console.log(`inputs: ${N} reports + ${inputs.previous} of last year, ${inputs.megabytes.toFixed(1)} MB`);

const app = await benchApp();
const { context, profile } = app;

/** RSS (bytes) of the browser whose command line names our profile, and of all its descendants. */
function browserRss(): number {
  const procs = readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return { pid: Number(pid), ppid, rss, cmd };
    } catch {
      return null;
    }
  }).filter((p) => p !== null);
  const roots = procs.filter((p) => p.cmd.includes(profile) && !procs.some((q) => q.pid === p.ppid && q.cmd.includes(profile)));
  const tree = new Set(roots.map((r) => r.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) {
      if (tree.has(p.pid) || !tree.has(p.ppid)) continue;
      tree.add(p.pid);
      grew = true;
    }
  }
  return procs.filter((p) => tree.has(p.pid)).reduce((s, p) => s + p.rss, 0);
}

try {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.goto(app.url);
  await page.locator('.drafts-status').filter({ hasText: /^已保存/ }).waitFor();
  await page.getByRole('button', { name: '审查下级报告' }).click();
  await page.getByLabel('选择本年度报告文件夹').setInputFiles(inputs.cur);
  await page.getByLabel('选择上年度报告文件夹').setInputFiles(inputs.prev);
  await page.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0));
  let peak = browserRss();
  const idle = peak;
  const sampler = setInterval(() => (peak = Math.max(peak, browserRss())), 250);
  const t0 = performance.now();
  await page.getByRole('button', { name: '开始审查' }).click();
  await page.locator('.review-summary').waitFor({ timeout: 600_000 });
  const ms = performance.now() - t0;
  clearInterval(sampler);
  const rows = Number(/共 (\d+) 份报告/.exec((await page.locator('.review-summary').textContent()) ?? '')?.[1]);
  const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  console.log(`审查 view: ${rows} units in ${(ms / 1000).toFixed(1)} s (${(ms / N).toFixed(1)} ms each)`);
  console.log(`memory: browser processes ${(idle / 1048576).toFixed(0)} MB before, peak ${(peak / 1048576).toFixed(0)} MB`);
  console.log(`page main thread during the batch: longest task ${longest.toFixed(0)} ms`);

  // Scroll the whole table in steps, one step per frame, and time the frames.
  const frames = await page.evaluate(async () => {
    const times: number[] = [];
    const box = document.querySelector('.review-units-scroll')!;
    const height = box.scrollHeight;
    let last = performance.now();
    for (let y = 0; y < height; y += 200) {
      box.scrollTop = y;
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times.sort((a, b) => a - b);
  });
  const at = (q: number) => frames[Math.min(frames.length - 1, Math.floor(frames.length * q))]!;
  console.log(`scrolling the table: ${frames.length} frames, median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, worst ${frames.at(-1)!.toFixed(1)} ms`);
} finally {
  await app.close();
  rmSync(inputs.dir, { recursive: true, force: true });
}
