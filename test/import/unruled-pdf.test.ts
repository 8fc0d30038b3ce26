// nianbao's own export with every table border removed, converted to PDF by LibreOffice: a table
// printed without lines, whose long labels wrap over three lines beside pieces of the merged group
// cells (（六）其 / 他处理), some set in a smaller size than their numbers. Read by the gaps between
// columns (pdf-text.ts): no value may be wrong, and those rows must be found and read.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { computeValues } from '../../src/core';
import { importAny } from '../../src/import/import-any';
import { readAnySource } from '../../src/import/sniff';
import { nodeRegistry } from '../../src/node/templates';
import { renderDocx } from '../../src/render/docx/render-docx';
import { convert } from '../helpers/libreoffice';
import { readReport } from '../core/fixtures';

function withoutBorders(docx: Uint8Array): Uint8Array {
  const parts = unzipSync(docx);
  parts['word/document.xml'] = strToU8(
    strFromU8(parts['word/document.xml']!)
      .replace(/<w:tcBorders>[\s\S]*?<\/w:tcBorders>/g, '')
      .replace(/<w:tblBorders>[\s\S]*?<\/w:tblBorders>/g, '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'),
  );
  return zipSync(parts);
}

describe('a table printed without lines: nianbao\'s export of the busy example', async () => {
  const registry = nodeRegistry();
  const want = readReport('examples/busy-subdistrict.report.json');
  const template = registry.get(want.template)!;
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-unruled-'));
  const docx = join(dir, 'busy.docx');
  writeFileSync(docx, withoutBorders(await renderDocx(template, want)));
  const [pdf] = convert([docx], 'pdf', dir).files;
  const { doc } = await readAnySource(new Uint8Array(readFileSync(pdf!)));
  const got = importAny(doc, registry);


  it('reads no value unlike the print, and names every cell it leaves blank', () => {
    expect(Object.entries(got.report.values).filter(([id, v]) => v !== null && v !== want.values[id])).toEqual([]);
    const named = new Set([...got.flagged, ...(got.report.source?.unread ?? []), ...(got.report.source?.uncertain ?? [])]);
    expect(Object.keys(want.values).filter((id) => got.report.values[id] == null && !named.has(id))).toEqual([]);
  });
  it('reads the rows whose labels wrap over three lines beside pieces of the group cells (（六）其 / 他处理)', () => {
    // The header's columns depend on how the export sets its header words; the total column is always found.
    expect(got.notes.filter((n) => n.message.includes('未识别的行'))).toEqual([]);
    for (const row of ['other.fee-unpaid', 'other.no-correction', 'unable.still-unclear']) {
      const id = `applications:${row}:total`;
      expect(got.report.values[id] ?? got.report.printed?.[id], row).toBe(computeValues(template, want).get(id));
    }
  });
  it('keeps a piece of a merged group cell out of the row label: 2.申请人逾期未按收费通知… is found as printed', () => {
    const table = doc.blocks.find((b) => b.kind === 'table' && b.rows.some((r) => r.some((c) => c.text.includes('逾期未按收费通知'))));
    const row = table?.kind === 'table' ? table.rows.find((r) => r.some((c) => c.text.includes('逾期未按收费通知'))) : undefined;
    expect(row?.find((c) => c.text.includes('逾期未按收费通知'))?.text).toBe('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请');
  });
});
