// The county reviewer's batch in the CLI: 1,000 published reports (real corpus reports of the
// 2021 grid, each renamed to a unit of its own, as text; every tenth as nianbao's .docx; a few
// PDFs) and 200 of last year's report files, through `nianbao review --previous --xlsx --docx`
// in-process. Prints wall time, time per report, and the process's peak memory (maxRSS).
// `REVIEW_BENCH_N=200 npm run bench review` for a shorter run.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { importBytes } from '../../src/cli/import';
import { renderDocx } from '../../src/render/docx/render-docx';

const N = Number(process.env.REVIEW_BENCH_N ?? 1000);
const corpus = new URL('../../test/fixtures/corpus/', import.meta.url).pathname;
const texts = ['01_pingtan-junshan-area-2023', '03_pingtan-haitan-area-2025', '06_pingtan-jinjing-area-2022', '08_pingtan-suping-area-2024', '09_pingtan-finance-2025', '13_pingtan-public-security-2024', '15_pingtan-market-regulation-2023', '17_pingtan-natural-resources-2023', '18_pingtan-social-affairs-2025', '19_pingtan-transport-construction-2024', '21_pingtan-admin-approval-2022', '22_pingtan-tourism-culture-2022', '23_pingtan-enforcement-emergency-2023'];
const organs = ['平潭综合实验区君山片区管理局', '平潭综合实验区海坛片区管理局', '平潭综合实验区金井片区管理局', '平潭综合实验区苏平片区管理局', '平潭综合实验区财政金融局', '平潭综合实验区公安局', '平潭综合实验区市场监督管理局', '平潭综合实验区自然资源与生态环境局', '平潭综合实验区社会事业局', '平潭综合实验区交通与建设局', '平潭综合实验区行政审批局', '平潭综合实验区旅游与文化体育局', '平潭综合实验区综合执法与应急管理局'];

const dir = mkdtempSync(join(tmpdir(), 'nianbao-review-bench-'));
const cur = join(dir, 'cur');
const prev = join(dir, 'prev');
mkdirSync(cur);
mkdirSync(prev);
const unit = (i: number) => `某县第${i + 1}号单位`;
let bytes = 0;
for (let i = 0; i < N; i++) {
  const k = i % texts.length;
  const text = readFileSync(`${corpus}${texts[k]}.txt`, 'utf8').replaceAll(organs[k]!, unit(i));
  if (i % 100 === 99) {
    copyFileSync(`${corpus}26_huaian-city-gov-2024.pdf`, join(cur, `${i}.pdf`));
  } else if (i % 10 === 0) {
    const imported = await importBytes(new TextEncoder().encode(text), `${i}.txt`);
    writeFileSync(join(cur, `${i}.docx`), await renderDocx(imported.template, imported.report));
  } else writeFileSync(join(cur, `${i}.txt`), text);
  if (i < 200) {
    // Last year's report file of the same unit (the year before the one it prints).
    const imported = await importBytes(new TextEncoder().encode(text), `${i}.txt`);
    const last = structuredClone(imported.report);
    delete last.source;
    last.year -= 1;
    last.dates.written = null;
    writeFileSync(join(prev, `${i}.report.json`), JSON.stringify(last));
  }
}
for (const f of [cur, prev]) for (const name of readdirSync(f)) bytes += statSync(join(f, name)).size;
console.log(`inputs: ${N} reports + ${Math.min(N, 200)} of last year, ${(bytes / 1048576).toFixed(1)} MB`);

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
