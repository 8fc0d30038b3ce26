// Imports every report of test/fixtures/corpus with the current importer and checks it as a
// published report, printing every error and warning per report and a count per rule. For the
// lead's note and for calibrating rules: run `npx tsx scripts/check-corpus.ts` (add --json for
// machine-readable output, --all to include what is merely unfinished).
import { readFileSync } from 'node:fs';
import { checkReport, type Finding } from '../src/core';
import { importAny, readAnySource } from '../src/import';
import { nodeRegistry } from '../src/node/templates';

const DIR = new URL('../test/fixtures/corpus/', import.meta.url);
const LEVEL: Record<Finding['level'], string> = { error: '错误', warning: '警告', incomplete: '未完成' };

export interface CorpusResult {
  id: string;
  file: string;
  template?: string;
  year?: number;
  failed?: string;
  findings: Finding[];
}

/** The corpus index: one row per report, its files (the first readable one is imported). */
function _rows(): { id: string; files: string[] }[] {
  const [, ...lines] = readFileSync(new URL('index.tsv', DIR), 'utf8').trim().split('\n');
  return lines.map((l) => {
    const [id, files] = l.split('\t');
    return { id: id!, files: files!.split(';') };
  });
}

export async function checkCorpus(): Promise<CorpusResult[]> {
  const registry = nodeRegistry();
  const out: CorpusResult[] = [];
  for (const row of _rows()) {
    let result: CorpusResult | null = null;
    for (const file of row.files) {
      try {
        const bytes = new Uint8Array(readFileSync(new URL(file, DIR)));
        const read = await readAnySource(bytes, file);
        const imported = importAny(read.doc, registry, { form: read.form, file });
        const findings = checkReport(imported.template, imported.report, { published: true });
        result = { id: row.id, file, template: imported.template.id, year: imported.report.year, findings };
        break;
      } catch (e) {
        result = { id: row.id, file, failed: e instanceof Error ? e.message : String(e), findings: [] };
      }
    }
    out.push(result!);
  }
  return out;
}

function _print(results: CorpusResult[], all: boolean): void {
  const perRule = new Map<string, { error: number; warning: number }>();
  for (const r of results) {
    if (r.failed) {
      console.log(`#${r.id} ${r.file}：无法导入：${r.failed}`);
      continue;
    }
    const shown = r.findings.filter((f) => all || f.level !== 'incomplete');
    const errors = shown.filter((f) => f.level === 'error').length;
    console.log(`#${r.id} ${r.file}（${r.template}，${r.year}年）：${errors} 个错误，${shown.length - errors} 个警告`);
    for (const f of shown) {
      console.log(`  ${LEVEL[f.level]} ${f.rule} ${f.message}`);
      const c = perRule.get(f.rule) ?? { error: 0, warning: 0 };
      if (f.level === 'error') c.error++;
      else c.warning++;
      perRule.set(f.rule, c);
    }
  }
  console.log('\n每条规则：');
  for (const [rule, c] of [...perRule].sort((a, b) => Number(a[0].slice(1)) - Number(b[0].slice(1)))) console.log(`  ${rule}：${c.error} 个错误，${c.warning} 个警告`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const results = await checkCorpus();
  if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else _print(results, process.argv.includes('--all'));
}
