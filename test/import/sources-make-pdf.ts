// Small PDFs written by hand for the forms real readers meet but nianbao's own export never
// makes: a scan (an image, no text), a table set without lines, Chinese in a font that is not
// embedded (a predefined CMap). Object offsets are computed, so each file is a valid PDF.

/** A PDF from its objects (numbered from 1; the first is the catalog). */
export function makePdf(objects: string[]): Uint8Array {
  const parts = ['%PDF-1.4\n'];
  const offsets: number[] = [];
  for (const body of objects) {
    offsets.push(parts.join('').length);
    parts.push(`${offsets.length} 0 obj\n${body}\nendobj\n`);
  }
  const xref = parts.join('').length;
  parts.push(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  parts.push(`trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new TextEncoder().encode(parts.join(''));
}

const stream = (content: string) => `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
const page = (resources: string) => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents 4 0 R >>`;
const CATALOG = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'];

/** One page whose only content is an image, as a scanner makes it. */
export const scannedPdf = (): Uint8Array =>
  makePdf([
    ...CATALOG,
    page('<< /XObject << /Im1 5 0 R >> >>'),
    stream('q 500 0 0 700 40 70 cm /Im1 Do Q'),
    '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length 25 >>\nstream\nffffff000000000000ffffff>\nendstream',
  ]);

/** Rows of Latin text placed in columns 90 pt apart, with no line drawn; rows 16 pt apart unless `ys` places them. */
export const unruledPdf = (rows: string[][], ys?: number[]): Uint8Array =>
  makePdf([
    ...CATALOG,
    page('<< /Font << /F1 5 0 R >> >>'),
    stream(rows.flatMap((row, r) => row.map((t, c) => `BT /F1 10 Tf ${60 + c * 90} ${ys?.[r] ?? 760 - r * 16} Td (${t}) Tj ET`)).join('\n')),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);

/** Lines of Chinese in STSong-Light, not embedded, encoded UniGB-UCS2-H (needs pdfjs's CMaps to decode). */
export const unembeddedChinesePdf = (lines: string[]): Uint8Array =>
  makePdf([
    ...CATALOG,
    page('<< /Font << /F1 5 0 R >> >>'),
    stream(lines.map((text, i) => `BT /F1 16 Tf 80 ${760 - i * 28} Td <${[...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}> Tj ET`).join('\n')),
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  ]);

/**
 * A ruled table of Latin text: `cells` are [row, col, rowSpan, colSpan, text] on a grid `cols`
 * wide (110 × 20 pt cells); lines are drawn round every cell, except the table's left and
 * right sides when `openSides`.
 */
export function ruledPdf(cols: number, cells: [number, number, number, number, string][], openSides = false): Uint8Array {
  const [x0, y0, w, h] = [50, 780, 110, 20];
  const ops: string[] = ['0.5 w'];
  const line = (ax: number, ay: number, bx: number, by: number) => ops.push(`${ax} ${ay} m ${bx} ${by} l S`);
  for (const [r, c, rs, cs, text] of cells) {
    const [left, right, top, bottom] = [x0 + c * w, x0 + (c + cs) * w, y0 - r * h, y0 - (r + rs) * h];
    line(left, top, right, top);
    line(left, bottom, right, bottom);
    if (!openSides || c > 0) line(left, top, left, bottom);
    if (!openSides || c + cs < cols) line(right, top, right, bottom);
    if (text) ops.push(`BT /F1 9 Tf ${left + 4} ${top - 14} Td (${text}) Tj ET`);
  }
  return makePdf([...CATALOG, page('<< /Font << /F1 5 0 R >> >>'), stream(ops.join('\n')), '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']);
}
