// Never lose a keystroke: in real Chromium on one profile, type into the report, wait until the
// page has painted the last key, wait a random 0–300 ms more, then kill the browser process with
// SIGKILL (as a crash or the task manager does); start it again and count the keys that did not
// come back. Every tenth trial quits the ordinary way instead. Seeded: the same trials every run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDistCopy, type App } from '../helpers/browser';
import { afterPaint, startChromium, type OwnedBrowser } from './chromium';
import { seeded } from './seeded';

const TRIALS = Number(process.env.NIANBAO_CRASH_TRIALS ?? 50);
const SEED = Number(process.env.NIANBAO_CRASH_SEED ?? 20261201);
const FIELD = '#text-overview\\.active';
const ALPHABET = [...'abcdefghijklmnopqrstuvwxyz0123456789本机关年度主动公开政府信息申请办理结果'];

let app: App;
let profile: string;
beforeAll(async () => {
  app = await serveDistCopy();
  profile = mkdtempSync(join(tmpdir(), 'nianbao-crash-profile-'));
});
afterAll(async () => {
  await app?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function openField(b: OwnedBrowser) {
  await b.page.goto(app.url);
  const field = b.page.locator(FIELD);
  await field.waitFor({ timeout: 30_000 });
  return field;
}

/** Keys of `expected` missing from `actual` (a prefix of it, when nothing but the end was lost). */
function lostKeys(expected: string, actual: string): number {
  let same = 0;
  while (same < expected.length && expected[same] === actual[same]) same++;
  return expected.length - same;
}

describe('keystrokes survive the browser being killed', () => {
  it(`loses no painted key in ${TRIALS} kills at random moments after typing`, async () => {
    const random = seeded(SEED);
    let expected: string | undefined;
    const lost: string[] = [];
    let keys = 0;
    let kills = 0;
    let quits = 0;
    for (let trial = 0; trial <= TRIALS; trial++) {
      const b = await startChromium(profile);
      try {
        const field = await openField(b);
        const actual = await field.inputValue();
        if (expected !== undefined && actual !== expected) {
          lost.push(`trial ${trial}: ${lostKeys(expected, actual)} of the last keys lost (expected …${expected.slice(-12)}, found …${actual.slice(-12)})`);
        }
        if (trial === TRIALS) {
          await b.close();
          break;
        }
        await field.focus();
        await b.page.keyboard.press('Control+End');
        const n = 3 + Math.floor(random() * 20);
        const text = Array.from({ length: n }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]!).join('');
        await b.page.keyboard.type(text, { delay: Math.floor(random() * 30) });
        expected = actual + text;
        keys += n;
        const quit = trial % 10 === 9;
        const wait = random() < 0.2 ? 0 : Math.floor(random() * 300);
        await afterPaint(b.page);
        await new Promise((r) => setTimeout(r, wait));
        if (quit) {
          await b.close();
          quits++;
        } else {
          await b.kill();
          kills++;
        }
      } catch (e) {
        await b.kill().catch(() => undefined);
        throw e;
      }
    }
    console.log(`crash test: ${kills} kills (SIGKILL) + ${quits} ordinary quits, ${keys} keys typed, ${lost.length ? lost.join('; ') : '0 keys lost'}`);
    expect(kills + quits).toBe(TRIALS);
    expect(lost).toEqual([]);
  }, 900_000);
});
