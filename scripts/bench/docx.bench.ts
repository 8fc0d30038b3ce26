// Time to render a full report to .docx bytes in Node (composeDocument, the body joined from the
// fragments docx made, the document properties, deflating), and the size of the file. Prints
// numbers; never fails on speed.
import { readFileSync } from 'node:fs';
import { parseReportText } from '../../src/core';
import { nodeRegistry } from '../../src/node/templates';
import { renderDocx } from '../../src/render/docx/render-docx';
import { stats } from './stats';

const read = (path: string) => {
  const parsed = parseReportText(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'), nodeRegistry().get);
  if (!parsed.ok) throw new Error(`${path} does not parse`);
  return parsed;
};

for (const path of ['examples/busy-subdistrict.report.json', 'examples/seed-002.report.json']) {
  const { template, report } = read(path);
  for (let i = 0; i < 5; i++) await renderDocx(template, report);
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 40; i++) {
    const t = performance.now();
    size = (await renderDocx(template, report)).length;
    times.push(performance.now() - t);
  }
  console.log(`render ${path} to .docx: ${stats(times)}; file ${(size / 1024).toFixed(1)} KiB`);
}
