// The review benchmarks' inputs: N published reports of N different units (real corpus reports
// of the 2021 grid with the organ renamed; every tenth as nianbao's .docx, every hundredth the
// real PDF) and up to 200 of last year's report files, written into a temporary folder.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importBytes } from '../../src/cli/import';
import { renderDocx } from '../../src/render/docx/render-docx';

const corpus = new URL('../../test/fixtures/corpus/', import.meta.url).pathname;
const SOURCES: [string, string][] = [
  ['01_pingtan-junshan-area-2023', '平潭综合实验区君山片区管理局'],
  ['03_pingtan-haitan-area-2025', '平潭综合实验区海坛片区管理局'],
  ['06_pingtan-jinjing-area-2022', '平潭综合实验区金井片区管理局'],
  ['08_pingtan-suping-area-2024', '平潭综合实验区苏平片区管理局'],
  ['09_pingtan-finance-2025', '平潭综合实验区财政金融局'],
  ['13_pingtan-public-security-2024', '平潭综合实验区公安局'],
  ['15_pingtan-market-regulation-2023', '平潭综合实验区市场监督管理局'],
  ['17_pingtan-natural-resources-2023', '平潭综合实验区自然资源与生态环境局'],
  ['18_pingtan-social-affairs-2025', '平潭综合实验区社会事业局'],
  ['19_pingtan-transport-construction-2024', '平潭综合实验区交通与建设局'],
  ['21_pingtan-admin-approval-2022', '平潭综合实验区行政审批局'],
  ['22_pingtan-tourism-culture-2022', '平潭综合实验区旅游与文化体育局'],
  ['23_pingtan-enforcement-emergency-2023', '平潭综合实验区综合执法与应急管理局'],
];

export interface ReviewInputs {
  dir: string;
  cur: string;
  prev: string;
  megabytes: number;
  previous: number;
}

export async function makeReviewInputs(n: number): Promise<ReviewInputs> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-review-bench-'));
  const cur = join(dir, 'cur');
  const prev = join(dir, 'prev');
  mkdirSync(cur);
  mkdirSync(prev);
  const texts = SOURCES.map(([file]) => readFileSync(`${corpus}${file}.txt`, 'utf8'));
  for (let i = 0; i < n; i++) {
    const k = i % SOURCES.length;
    const text = texts[k]!.replaceAll(SOURCES[k]![1], `某县第${i + 1}号单位`);
    if (i % 100 === 99) copyFileSync(`${corpus}26_huaian-city-gov-2024.pdf`, join(cur, `${i}.pdf`));
    else if (i % 10 === 0) {
      const imported = await importBytes(new TextEncoder().encode(text), `${i}.txt`);
      writeFileSync(join(cur, `${i}.docx`), await renderDocx(imported.template, imported.report));
    } else writeFileSync(join(cur, `${i}.txt`), text);
    if (i < 200) {
      // Last year's report file of the same unit: the year before the one it prints.
      const { report } = await importBytes(new TextEncoder().encode(text), `${i}.txt`);
      delete report.source;
      report.year -= 1;
      report.dates.written = null;
      writeFileSync(join(prev, `${i}.report.json`), JSON.stringify(report));
    }
  }
  let bytes = 0;
  for (const f of [cur, prev]) for (const name of readdirSync(f)) bytes += statSync(join(f, name)).size;
  return { dir, cur, prev, megabytes: bytes / 1048576, previous: Math.min(n, 200) };
}
