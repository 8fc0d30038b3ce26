// Reading back a rendered .docx for structural tests: its parts, xmllint, and the tables of
// word/document.xml as spans (gridSpan, vMerge) in document order.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

export function parts(bytes: Uint8Array): Map<string, string> {
  return new Map(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/** xmllint --noout on every XML part; returns the problems (empty when all parse). */
export function xmllintAll(files: Map<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-xml-'));
  const problems: string[] = [];
  let i = 0;
  for (const [name, text] of files) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const path = join(dir, `${i++}.xml`);
    writeFileSync(path, text);
    try {
      execFileSync('xmllint', ['--noout', path], { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      problems.push(`${name}: ${String((e as { stderr?: Buffer }).stderr ?? e)}`);
    }
  }
  return problems;
}

export interface XmlCell {
  gridSpan: number;
  vMerge: 'restart' | 'continue' | null;
  text: string;
}
export interface XmlRow {
  header: boolean;
  cantSplit: boolean;
  cells: XmlCell[];
}

/** Tables of document.xml (not nested), rows and cells with their merge properties and text. */
export function tables(documentXml: string): { gridCols: number[]; layout: string | null; rows: XmlRow[] }[] {
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => {
    const body = m[1]!;
    const gridCols = [...body.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((g) => Number(g[1]));
    const layout = /<w:tblLayout w:type="(\w+)"/.exec(body)?.[1] ?? null;
    const rows = [...body.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => {
      const row = r[1]!;
      const trPr = /<w:trPr>([\s\S]*?)<\/w:trPr>/.exec(row)?.[1] ?? '';
      const cells = [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => {
        const tc = c[1]!;
        const merge = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(tc);
        return {
          gridSpan: Number(/<w:gridSpan w:val="(\d+)"/.exec(tc)?.[1] ?? 1),
          vMerge: merge ? ((merge[1] ?? 'continue') as 'restart' | 'continue') : null,
          text: [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
        };
      });
      return { header: /<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/.test(trPr), cantSplit: /<w:cantSplit\/>|<w:cantSplit w:val="(true|1|on)"\/>/.test(trPr), cells };
    });
    return { gridCols, layout, rows };
  });
}

/** XML entities back to text, for comparing <w:t> content with labels. */
export const unescapeXml = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
