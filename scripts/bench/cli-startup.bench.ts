// Start-up of the nianbao command: a whole `node bin/nianbao.mjs …` process, wall time, beside a
// bare `node -e 0` (the floor no CLI can beat). Builds the CLI from the current source first.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stats } from './stats';

const root = fileURLToPath(new URL('../..', import.meta.url));
const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });

const build = node(['scripts/build-cli.mjs']);
if (build.status !== 0) throw new Error(`build-cli failed: ${build.stderr}`);

function timeProcess(label: string, args: string[], n: number): void {
  node(args); // warm the file cache
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = node(args);
    times.push(performance.now() - t);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${label}: exit ${r.status}: ${r.stderr}`);
  }
  console.log(`${label}: ${stats(times)}`);
}

timeProcess('node -e 0 (floor)', ['-e', '0'], 20);
timeProcess('nianbao --version', ['bin/nianbao.mjs', '--version'], 20);
timeProcess('nianbao check seed-002', ['bin/nianbao.mjs', 'check', 'examples/seed-002.report.json'], 20);
