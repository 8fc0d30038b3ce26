// The pre-2019 reports as .docx, read back by LibreOffice: the 统计表 follows the signature on a
// page of its own, and every indicator prints with its unit and its number, row by row, in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellText, computeValues, type Report } from '../../src/core';
import { renderDocx } from '../../src/render/docx/render-docx';
import { convert, pdfText, pdfToPngs } from '../helpers/libreoffice';
import { expectDocxSpans } from '../core/template-checks';
import { SEEDS, template, transcription } from './seeds';

const OUT = 'test-output/templates-2008';
const squeeze = (s: string) => s.replace(/\s+/g, '');
let dir = '';
const docs: { id: string; report: Report; bytes: Uint8Array; text?: string }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-2008-'));
  for (const { id } of SEEDS) {
    const report = transcription(id);
    docs.push({ id, report, bytes: await renderDocx(template, report) });
  }
  const files = docs.map((d) => {
    const file = join(dir, `seed-${d.id}.docx`);
    writeFileSync(file, d.bytes);
    return file;
  });
  const pdfs = convert(files, 'pdf').files;
  mkdirSync(OUT, { recursive: true });
  docs.forEach((d, i) => {
    d.text = pdfText(pdfs[i]!);
    pdfToPngs(pdfs[i]!, join(OUT, `seed-${d.id}`));
  });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each(SEEDS.map((s) => s.id))('seed %s', (id) => {
  const doc = () => docs.find((d) => d.id === id)!;

  it('has the table cells, spans and numbers of the resolved grid in document.xml', () => {
    expectDocxSpans(template, doc().bytes, computeValues(template, doc().report));
  });

  it('LibreOffice reads every indicator back with exactly its unit and number, in order', () => {
    const text = squeeze(doc().text!);
    const values = computeValues(template, doc().report);
    const grid = template.grid('statistics');
    const start = text.indexOf(squeeze(template.spec.sections.at(-1)!.label));
    expect(start).toBeGreaterThan(text.indexOf(squeeze(doc().report.organ.name)));
    let at = start;
    const rows = grid.rows.filter((r) => r.role === 'body');
    const labelOf = (r: (typeof rows)[number]) => (r.items[0]!.type === 'header' ? r.items[0]!.label : '');
    rows.forEach((row, i) => {
      const label = squeeze(labelOf(row));
      const found = text.indexOf(label, at);
      expect(found, label).toBeGreaterThanOrEqual(at);
      const next = i + 1 < rows.length ? text.indexOf(squeeze(labelOf(rows[i + 1]!)), found + label.length) : text.length;
      const between = text.slice(found + label.length, next < 0 ? undefined : next);
      const unit = row.items.find((it) => it.type === 'header' && it.role === 'unit');
      const value = row.items.find((it) => it.type === 'value');
      const expected = unit && value?.type === 'value' ? `${unit.type === 'header' ? unit.label : ''}${cellText(values.get(value.id))}` : '';
      // What follows the label up to the next label: the unit and the number (a page number may sit between rows).
      expect(between.replace(/—\d+—(统计指标单位统计数)?$/, ''), label).toBe(expected);
      at = found + label.length;
    });
  });
});
