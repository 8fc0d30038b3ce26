// Chromium as a process this test owns: started by hand (not by playwright-core's launcher) so
// that its browser process can be killed with SIGKILL at a chosen moment, like a crash or the
// task manager, and started again on the same profile. Playwright drives it over CDP.
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/browser';


export interface OwnedBrowser {
  browser: Browser;
  page: Page;
  pid: number;
  /** SIGKILL the browser process (not its children: they die of losing it, as after a crash). */
  kill(): Promise<void>;
  /** Quit the ordinary way. */
  close(): Promise<void>;
}

function _exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Start Chromium on `profile` (kept between starts) and connect to its one page. */
export async function startChromium(profile: string): Promise<OwnedBrowser> {
  const child = spawn(CHROMIUM, [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', '--window-size=1400,1000', 'about:blank'], {
    detached: true, // its own process group, so the children can be cleaned up after the kill
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${seen}`)), 30_000);
    child.stderr!.on('data', (d: Buffer) => {
      seen += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', () => reject(new Error(`Chromium exited at start:\n${seen}`)));
  });
  child.stderr!.resume();
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  const pid = child.pid!;
  const reap = async () => {
    await _exited(child);
    try {
      process.kill(-pid, 'SIGKILL'); // whatever of the group outlived the browser process
    } catch {
      /* the group is gone already */
    }
  };
  return {
    browser,
    page,
    pid,
    async kill() {
      process.kill(pid, 'SIGKILL');
      await reap();
    },
    async close() {
      await browser.close().catch(() => undefined);
      process.kill(pid, 'SIGTERM');
      await reap();
    },
  };
}

/** Resolves after the next frame has been painted. */
export function afterPaint(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}
