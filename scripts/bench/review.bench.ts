// The county reviewer's batch in the CLI: 1,000 published reports (real corpus reports of the
// 2021 grid, each renamed to a unit of its own, as text; every tenth as nianbao's .docx; a few
// PDFs) and 200 of last year's report files, through `nianbao review --previous --xlsx --docx`
// in-process. Prints wall time, time per report, and the process's peak memory (maxRSS).
// `REVIEW_BENCH_N=200 npm run bench review` for a shorter run.
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { makeReviewInputs } from './review-inputs';

const N = Number(process.env.REVIEW_BENCH_N ?? 1000);
const { dir, cur, prev, megabytes, previous } = await makeReviewInputs(N);
console.log(`inputs: ${N} reports + ${previous} of last year, ${megabytes.toFixed(1)} MB`);

const quiet = { out: () => {}, err: () => {} };
const before = process.memoryUsage().rss;
const t0 = performance.now();
const code = await main(['review', cur, '--previous', prev, '--xlsx', join(dir, 'review.xlsx'), '--docx', join(dir, 'review.docx')], quiet);
const ms = performance.now() - t0;
const peak = process.resourceUsage().maxRSS * 1024;
console.log(`nianbao review: ${N} reports in ${(ms / 1000).toFixed(1)} s (${(ms / N).toFixed(1)} ms each), exit ${code}`);
console.log(`memory: RSS before ${(before / 1048576).toFixed(0)} MB, peak ${(peak / 1048576).toFixed(0)} MB`);
console.log(`outputs: .xlsx ${(statSync(join(dir, 'review.xlsx')).size / 1024).toFixed(0)} kB, .docx ${(statSync(join(dir, 'review.docx')).size / 1024).toFixed(0)} kB`);
rmSync(dir, { recursive: true, force: true });
