// Time to paginate a report for 预览 (the preview recomputes this after the clerk types): the
// pages alone from composed blocks, and composing plus paginating, for seed 002 (200 cells of 三
// and 四) and for a busy report with every cell filled with nine digits and a long narrative.
import { readFileSync } from 'node:fs';
import { composeDocument, parseReportText, type Report } from '../../src/core';
import { paginate } from '../../src/core/layout/paginate';
import { nodeRegistry } from '../../src/node/templates';
import { timeIt as run } from './stats';

const registry = nodeRegistry();
function read(name: string): Report {
  const parsed = parseReportText(readFileSync(new URL(`../../examples/${name}.report.json`, import.meta.url), 'utf8'), registry.get);
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.report;
}
const template = registry.get('gov-info-2021')!;
const seed = read('seed-002');
const busy = read('busy-subdistrict');
for (const c of template.inputCells) busy.values[c.id] = 123456789;
busy.narrative['overview.active'] = '本机关持续深化政务公开，围绕重点领域信息公开、政策解读和回应关切开展工作，做到应公开尽公开。'.repeat(60);

for (const [name, report] of [['seed-002', seed], ['busy, nine-digit cells, long text', busy]] as const) {
  const blocks = composeDocument(template, report);
  console.log(`${name}: ${paginate(blocks).length} pages, ${template.cells.size} cells`);
  run(`paginate ${name}`, () => paginate(blocks), 200);
  run(`compose + paginate ${name}`, () => paginate(composeDocument(template, report)), 200);
}
