#!/usr/bin/env node
// `npm test`: type check, lint, and every vitest suite (core, CLI, form, browser, docx through
// LibreOffice), then one plain closing line "N passed, N failed" over all of them.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync, rmSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;
let passed = 0;
let failed = 0;
const step = (name, ok) => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? '✓' : '✗'} ${name}`);
};

step('typecheck (tsc --noEmit)', run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) === 0);
step('lint (eslint)', run('npx', ['eslint', '.', '--max-warnings', '0']) === 0);

mkdirSync('test-output', { recursive: true });
const extra = process.argv.slice(2);

// The kill test (test/durability/crash.test.ts) measures how soon a painted key is committed, in
// a browser it SIGKILLs: it runs alone after the rest, so the other suites (LibreOffice, browsers)
// do not starve the browser it kills and make the product's timing the machine's.
const ALONE = 'test/durability/crash.test.ts';
const phases = extra.length ? [{ report: 'test-output/vitest.json', args: extra }] : [
  { report: 'test-output/vitest.json', args: ['--exclude', ALONE] },
  { report: 'test-output/vitest-alone.json', args: [ALONE] },
];
let counted = true;
let status = 0;
for (const phase of phases) {
  rmSync(phase.report, { force: true });
  status |= run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${phase.report}`, ...phase.args]);
  try {
    const r = JSON.parse(readFileSync(phase.report, 'utf8'));
    passed += r.numPassedTests;
    // A suite that fails outside its tests (setup, import) counts once, even if its tests show as skipped.
    const brokenSuites = r.testResults.filter((t) => t.status === 'failed' && !t.assertionResults.some((a) => a.status === 'failed'));
    failed += r.numFailedTests + brokenSuites.length;
    for (const t of brokenSuites) console.log(`✗ suite failed outside its tests: ${t.name}\n${t.message ?? ''}`);
  } catch {
    counted = false;
    failed++;
    console.log(`✗ vitest produced no report (${phase.report})`);
  }
}
if (counted && status !== 0 && failed === 0) failed++; // a crash outside any test still fails
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
