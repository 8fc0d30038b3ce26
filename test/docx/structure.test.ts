// The .docx as XML: every part parses, page and type are GB/T 9704-2012, the tables carry
// exactly the spans of the resolved grids, and the same input gives the same bytes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { cellText, composeDocument, computeValues, type ResolvedGrid } from '../../src/core';
import { renderDocx } from '../../src/render/docx/render-docx';
import { anchorColumns, gridFontSize } from '../../src/core/layout/layout';
import { columnWidths, titleLines } from '../../src/core/layout/layout';
import { LINE, MARGIN, PAGE, TEXT_HEIGHT, TEXT_WIDTH, LINES_PER_PAGE, FONT, TABLE, SIZE } from '../../src/core/layout/gbt9704';
import { exportFileName } from '../../src/render/docx/file-name';
import { busy, seed002, template } from '../core/fixtures';
import { parts, tables, unescapeXml, xmllintAll } from './docx-parts';

const LABELS = readFileSync(new URL('../fixtures/labels-2021.txt', import.meta.url), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);

const seedBytes = await renderDocx(template, seed002());
const busyReport = busy();
const busyBytes = await renderDocx(template, busyReport);
const draftBytes = await renderDocx(template, seed002(), { draft: true });
const seed = parts(seedBytes);
const doc = seed.get('word/document.xml')!;

const anchors = (g: ResolvedGrid) => g.rows.flatMap((r) => r.items);

describe('renderDocx: the package', () => {
  it('every XML part is well-formed (xmllint --noout)', () => {
    for (const bytes of [seedBytes, busyBytes, draftBytes]) {
      const p = parts(bytes);
      expect(p.has('word/document.xml')).toBe(true);
      expect(xmllintAll(p)).toEqual([]);
    }
  });

  it('gives the same bytes for the same input, with fixed or no timestamps', async () => {
    const again = await renderDocx(template, busyReport);
    expect(Buffer.from(again).equals(Buffer.from(busyBytes))).toBe(true);
    expect(Buffer.from(await renderDocx(template, seed002(), { draft: true })).equals(Buffer.from(draftBytes))).toBe(true);
    // seed 002 has no 成文日期: no creation date at all; the busy report's is its 成文日期.
    expect(seed.get('docProps/core.xml')).not.toMatch(/dcterms:created/);
    expect(parts(busyBytes).get('docProps/core.xml')).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${busyReport.dates.written}T00:00:00Z</dcterms:created>`);
    // and a changed value changes the bytes
    const changed = busy();
    changed.values['applications:new:natural-person'] = (changed.values['applications:new:natural-person'] ?? 0) + 1;
    expect(Buffer.from(await renderDocx(template, changed)).equals(Buffer.from(busyBytes))).toBe(false);
  });
});

describe('renderDocx: page and type (GB/T 9704-2012)', () => {
  it('A4 with 37/35/28/26 mm margins, read back from document.xml', () => {
    // GB/T 9704-2012 5.2.1 and 5.2.2, in millimetres; a twip is 1/1440 inch = 25.4/1440 mm.
    const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
    const attrs = (tag: string) => {
      const m = new RegExp(`<w:${tag}\\b([^>]*)/>`).exec(doc);
      expect(m, `<w:${tag}>`).not.toBeNull();
      return Object.fromEntries([...m![1]!.matchAll(/w:(\w+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
    };
    const size = attrs('pgSz');
    const margin = attrs('pgMar');
    expect([Number(size.w), Number(size.h)]).toEqual([twips(210), twips(297)]);
    expect([Number(size.w), Number(size.h)]).toEqual([11906, 16838]);
    expect(size.orient ?? 'portrait').toBe('portrait');
    const read = { top: Number(margin.top), bottom: Number(margin.bottom), left: Number(margin.left), right: Number(margin.right) };
    expect(read).toEqual({ top: twips(37), bottom: twips(35), left: twips(28), right: twips(26) });
    expect(read).toEqual({ top: 2098, bottom: 1984, left: 1587, right: 1474 });
    // 版心 156 mm × 225 mm (5.2.2), within a millimetre of what the page and margins leave.
    const mmOf = (t: number) => (t * 25.4) / 1440;
    expect(mmOf(Number(size.w) - read.left - read.right)).toBeCloseTo(156, 0);
    expect(mmOf(Number(size.h) - read.top - read.bottom)).toBeCloseTo(225, 0);
    // The constants the preview draws with are the ones the document carries.
    expect(PAGE).toEqual({ width: Number(size.w), height: Number(size.h) });
    expect([MARGIN.top, MARGIN.bottom, MARGIN.left, MARGIN.right]).toEqual([read.top, read.bottom, read.left, read.right]);
  });

  it('body: 三号 仿宋_GB2312, exact line pitch giving 22 lines, first line indented two characters', () => {
    expect(LINE * LINES_PER_PAGE).toBeLessThanOrEqual(TEXT_HEIGHT);
    expect(LINE * (LINES_PER_PAGE + 1)).toBeGreaterThan(TEXT_HEIGHT);
    const body = [...doc.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?仿宋_GB2312(?:(?!<\/w:p>)[\s\S])*?<\/w:p>/g)].map((m) => m[0]).filter((p) => p.includes('w:val="32"') && !p.includes('<w:jc w:val="right"/>'));
    expect(body.length).toBeGreaterThan(10);
    for (const p of body) {
      expect(p).toContain(`<w:spacing w:after="0" w:before="0" w:line="${LINE}" w:lineRule="exact"/>`);
    }
    expect(body.filter((p) => p.includes('<w:ind w:firstLine="640"/>')).length).toBe(body.length);
  });

  it('every run names ascii, hAnsi and eastAsia fonts; the faces are the official ones', () => {
    for (const [name, xml] of seed) {
      if (!/^word\/(document|header\d|footer\d)\.xml$/.test(name)) continue;
      const runs = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]!);
      for (const r of runs) expect(r, name).toMatch(/<w:rFonts w:ascii="([^"]+)" w:eastAsia="\1" w:hAnsi="\1"\/>/);
    }
    // defaults: the body face, 三号, Chinese (zh-CN) for punctuation and glyph choice
    expect(seed.get('word/styles.xml')).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"\/><w:sz w:val="32"\/><w:szCs w:val="32"\/><w:lang w:val="zh-CN" w:eastAsia="zh-CN"\/>/);
    const title = composeDocument(template, seed002())[0]!;
    expect(title.kind).toBe('title');
    // title 2号 小标宋, centred
    expect(doc).toMatch(new RegExp(`<w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="${FONT.title}"[^>]*/><w:sz w:val="44"/>`));
    for (const heading of ['一、总体情况', '六、其他需要报告的事项']) {
      expect(doc).toMatch(new RegExp(`w:ascii="黑体"[^<]*/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr><w:t xml:space="preserve">${heading}</w:t>`));
    }
    expect(doc).toMatch(/w:ascii="楷体_GB2312"[^<]*\/><w:sz w:val="32"\/><w:szCs w:val="32"\/><\/w:rPr><w:t xml:space="preserve">（一）主动公开<\/w:t>/);
    // level-3 lead: 仿宋 bold
    expect(doc).toMatch(/w:ascii="仿宋_GB2312"[^<]*\/><w:b\/><w:bCs\/><w:sz w:val="32"\/><w:szCs w:val="32"\/><\/w:rPr><w:t xml:space="preserve">1\.落实工作责任。<\/w:t>/);
  });

  it('a title too long for one 2号 line breaks after the year (梯形), with a line break in one paragraph', () => {
    expect(titleLines('原州区三营镇2023年政府信息公开工作年度报告')).toEqual(['原州区三营镇2023年', '政府信息公开工作年度报告']);
    expect(titleLines('某镇2023年政府信息公开年报')).toEqual(['某镇2023年政府信息公开年报']);
    expect(doc).toMatch(/<w:t xml:space="preserve">原州区三营镇2023年<\/w:t><\/w:r><w:r><w:rPr>[^]*?<\/w:rPr><w:br\/><w:t xml:space="preserve">政府信息公开工作年度报告<\/w:t>/);
  });

  it('page numbers "— N —" in 4号 宋体, odd on the right and even on the left', () => {
    expect(seed.get('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footers = [...seed.entries()].filter(([n]) => /footer\d\.xml$/.test(n)).map(([, x]) => x);
    expect(footers).toHaveLength(2);
    const odd = footers.find((f) => f.includes('<w:jc w:val="right"/>'))!;
    const even = footers.find((f) => f.includes('<w:jc w:val="left"/>'))!;
    expect(odd).toContain('<w:ind w:right="280"/>');
    expect(even).toContain('<w:ind w:left="280"/>');
    for (const f of [odd, even]) {
      expect(f).toMatch(/<w:rFonts w:ascii="宋体" w:eastAsia="宋体" w:hAnsi="宋体"\/><w:sz w:val="28"\/>/);
      expect(f).toContain('<w:t xml:space="preserve">— </w:t>');
      expect(f).toMatch(/<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
      expect(f).toContain('<w:t xml:space="preserve"> —</w:t>');
    }
    const rels = seed.get('word/_rels/document.xml.rels')!;
    expect(doc).toMatch(/<w:footerReference w:type="default"/);
    expect(doc).toMatch(/<w:footerReference w:type="even"/);
    expect(rels).toContain('footer');
  });

  it('a draft carries 草稿 in the header of odd and even pages; a final export has no header', () => {
    const d = parts(draftBytes);
    const headers = [...d.entries()].filter(([n]) => /header\d\.xml$/.test(n));
    expect(headers).toHaveLength(2);
    for (const [, x] of headers) expect(x).toContain('>草稿</w:t>');
    expect(d.get('word/document.xml')).toMatch(/<w:headerReference w:type="even"/);
    expect([...seed.keys()].some((n) => /header\d\.xml$/.test(n))).toBe(false);
    expect(doc).not.toContain('草稿');
  });

  it('signature: organ and 成文日期 right-aligned at the end, the date two characters right of the organ', () => {
    const xml = parts(busyBytes).get('word/document.xml')!;
    const organ = busyReport.organ.name;
    const tail = xml.slice(xml.lastIndexOf('<w:tbl>'));
    const paras = [...tail.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!);
    const last = paras.slice(-2);
    expect(last[0]).toContain(`>${organ}</w:t>`);
    expect(last[1]).toMatch(/>\d{4}年\d{1,2}月\d{1,2}日<\/w:t>/);
    for (const p of last) expect(p).toContain('<w:jc w:val="right"/>');
    const right = (p: string) => Number(/<w:ind w:right="(\d+)"\/>/.exec(p)![1]);
    // date right indent ≥ 2 characters; the organ's first character sits 2 characters left of the date's
    expect(right(last[1]!)).toBeGreaterThanOrEqual(640);
    expect(last[0]).toMatch(new RegExp(`<w:spacing w:after="0" w:before="${LINE}"`));
  });
});

describe('renderDocx: tables from the resolved grids', () => {
  const xmlTables = tables(doc);

  it('one table per grid, fixed layout, column widths over the whole text width', () => {
    expect(xmlTables).toHaveLength(template.grids.length);
    template.grids.forEach((g, i) => {
      const t = xmlTables[i]!;
      expect(t.layout).toBe('fixed');
      expect(t.gridCols).toEqual(columnWidths(g));
      expect(t.gridCols.reduce((s, w) => s + w, 0)).toBe(TEXT_WIDTH);
      expect(t.gridCols).toHaveLength(g.columnCount);
    });
  });

  it('gridSpan and vMerge restart/continue counts equal the grid spans; never a rowSpan 1 merge', () => {
    template.grids.forEach((g, i) => {
      const cells = xmlTables[i]!.rows.flatMap((r) => r.cells);
      const items = anchors(g);
      const restarts = items.filter((c) => c.rowSpan > 1).length;
      const continues = items.reduce((s, c) => s + c.rowSpan - 1, 0);
      expect(cells.filter((c) => c.vMerge === 'restart').length, g.id).toBe(restarts);
      expect(cells.filter((c) => c.vMerge === 'continue').length, g.id).toBe(continues);
      // every anchor with colSpan > 1 gives a gridSpan on itself and on each continuation cell
      const spanned = items.filter((c) => c.colSpan > 1).reduce((s, c) => s + c.rowSpan, 0);
      expect(cells.filter((c) => c.gridSpan > 1).length, g.id).toBe(spanned);
      // rows are full width in the XML: every row's gridSpans add up to the column count
      for (const row of xmlTables[i]!.rows) expect(row.cells.reduce((s, c) => s + c.gridSpan, 0)).toBe(g.columnCount);
    });
  });

  it('each anchor sits at its grid column with its span and its text, row by row', () => {
    const values = composeDocument(template, busyReport).flatMap((b) => (b.kind === 'grid' ? [b] : []));
    const busyTables = tables(parts(busyBytes).get('word/document.xml')!);
    template.grids.forEach((g, i) => {
      const starts = anchorColumns(g);
      const block = values[i]!;
      g.rows.forEach((row, r) => {
        const xmlRow = busyTables[i]!.rows[r]!;
        // position of each non-continue cell
        let col = 0;
        const placed = xmlRow.cells.flatMap((c) => {
          const at = col;
          col += c.gridSpan;
          return c.vMerge === 'continue' ? [] : [{ at, c }];
        });
        expect(placed.map((p) => p.at)).toEqual(starts[r]);
        row.items.forEach((item, k) => {
          const { c } = placed[k]!;
          expect(c.gridSpan).toBe(item.colSpan);
          expect(c.vMerge).toBe(item.rowSpan > 1 ? 'restart' : null);
          const v = item.type === 'value' ? block.values.get(item.id) : undefined;
          expect(unescapeXml(c.text)).toBe(item.type === 'value' ? (v == null ? '' : String(v)) : item.label);
        });
      });
    });
  });

  it('header rows repeat on a new page and no row splits', () => {
    template.grids.forEach((g, i) => {
      const rows = xmlTables[i]!.rows;
      expect(rows.map((r) => r.header), g.id).toEqual(g.rows.map((r) => r.repeat));
      expect(rows.every((r) => r.cantSplit)).toBe(true);
    });
    expect(xmlTables.some((t) => t.rows.some((r) => r.header))).toBe(true);
  });

  it('every official label is in the document as plain text; the six headings in order', () => {
    const text = unescapeXml([...doc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n'));
    const lines = new Set(text.split('\n'));
    for (const label of LABELS) expect(lines.has(label), label).toBe(true);
    const headings = template.spec.sections.map((s) => s.label);
    const at = headings.map((h) => text.indexOf(`\n${h}\n`));
    expect(at.every((a) => a > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('numbers get 五号 unless the longest would not fit its column on one line', () => {
    const g = template.grid('applications');
    const w = columnWidths(g);
    const narrowest = Math.min(...w.slice(g.labelColumns));
    const values = new Map(g.cells.map((c) => [c.id, 12 as number | null]));
    expect(gridFontSize(g, values, w)).toBe(SIZE.hao5);
    values.set(g.cells[0]!.id, 1234567);
    const size = gridFontSize(g, values, w);
    expect(size).toBeLessThan(SIZE.hao5);
    expect(size).toBeGreaterThanOrEqual(TABLE.minSize);
    // seven digits of half a character each, at `size` half-points, fit inside the cell margins
    expect(7 * 0.5 * size * 10).toBeLessThanOrEqual(narrowest - 2 * TABLE.cellMarginX);
  });

  it('blank cells stay blank (seed 002 has blanks in 四), numbers are centred', () => {
    const appeals = xmlTables[template.grids.findIndex((g) => g.id === 'appeals')]!;
    const body = appeals.rows.at(-1)!.cells;
    expect(body.filter((c) => c.text === '').length).toBe(5);
    expect(doc).toMatch(/<w:jc w:val="center"\/><\/w:pPr><w:r><w:rPr><w:rFonts[^>]*\/><w:sz w:val="\d+"\/><w:szCs w:val="\d+"\/><\/w:rPr><w:t xml:space="preserve">179<\/w:t>/);
  });
});

describe('renderDocx: property', () => {
  it('for random values (blanks included), the value cells of document.xml hold exactly the computed values', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(...template.inputCells.map((c) => (c.kind === 'amount' ? fc.option(fc.integer({ min: 0, max: 10 ** 8 }).map((n) => n / 10_000)) : fc.option(fc.nat({ max: 10 ** 6 }))))),
        async (vals) => {
          const r = seed002();
          r.values = Object.fromEntries(template.inputCells.map((c, i) => [c.id, vals[i] ?? null]));
          const computed = computeValues(template, r);
          const xml = tables(parts(await renderDocx(template, r)).get('word/document.xml')!);
          template.grids.forEach((g, i) => {
            const starts = anchorColumns(g);
            g.rows.forEach((row, k) => {
              const cells = xml[i]!.rows[k]!.cells.filter((c) => c.vMerge !== 'continue');
              row.items.forEach((item, j) => {
                if (item.type === 'value') expect(cells[j]!.text).toBe(cellText(computed.get(item.id)));
              });
              expect(starts[k]).toHaveLength(row.items.length);
            });
          });
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('exportFileName', () => {
  it('is <机关><年度>年政府信息公开工作年度报告.docx, without characters Windows forbids', () => {
    expect(exportFileName(template, seed002())).toBe('原州区三营镇2023年政府信息公开工作年度报告.docx');
    expect(exportFileName(template, seed002(), true)).toBe('原州区三营镇2023年政府信息公开工作年度报告（草稿）.docx');
    const r = seed002();
    r.organ.titleName = 'A/B:镇';
    expect(exportFileName(template, r)).toBe('AB镇2023年政府信息公开工作年度报告.docx');
  });
});
