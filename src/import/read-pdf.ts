// PDF → SourceDoc from the text layer, with pdfjs-dist (loaded only when a PDF is read).
// Published reports are Word/WPS exports: their tables are drawn with ruling lines, so a table
// is rebuilt from the lines themselves (the "lattice": every cell a rectangle of the grid the
// lines make, merged across a missing line into row/column spans), then each text item goes to
// the cell holding its centre. A page without ruled tables falls back to columns found by gaps
// between text items (approximate columns). Page numbers and running heads are left out.
import { ImportError, LIMITS, type SourceBlock, type SourceCell, type SourceDoc } from './source';
import { layoutTables, type Rule } from './pdf-lattice';
import { fixRadicals } from './radicals';
import { PAGE_NUMBER, linesOf, paragraphsOf, gapRows, type Glyph } from './pdf-text';

export interface PdfOptions {
  /** Where pdfjs finds its worker in a browser (a same-origin asset); Node needs none. */
  workerSrc?: string;
  /**
   * The bytes of one of pdfjs's packed CMaps by file name ("UniGB-UCS2-H.bcmap"), for PDFs whose
   * Chinese fonts are not embedded: read from disk in Node, from this origin in the browser.
   */
  loadCMap?: (file: string) => Promise<Uint8Array>;
}

/** Hands pdfjs the CMaps it asks for (pdfjs's BinaryDataFactory interface), from the caller's loader. */
function _cMapFactory(load: (file: string) => Promise<Uint8Array>) {
  return class {
    async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
      if (kind !== 'cMapUrl') throw new Error(`not provided: ${kind} ${filename}`);
      return load(filename);
    }
  };
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type Matrix = [number, number, number, number, number, number];

const MAX_PAGES = 200;

const _mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const _apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

let _pdfjs: Promise<Pdfjs> | null = null;
const _load = (): Promise<Pdfjs> => (_pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** The text of the PDF cannot be read (password, damage): a Chinese message naming why. */
function _openError(e: unknown): ImportError {
  const name = (e as { name?: string })?.name;
  if (name === 'PasswordException') return new ImportError('这个 PDF 设有密码保护，无法读取；请先在 PDF 阅读器中去掉密码，或改用 Word 版');
  return new ImportError(`无法读取这个 PDF（文件损坏或不是有效的 PDF：${e instanceof Error ? e.message : String(e)}）`);
}

/** Ruling lines drawn on a page, in viewport coordinates (y down): stroked segments and thin filled rectangles. */
function _rules(pdfjs: Pdfjs, ops: { fnArray: number[]; argsArray: unknown[] }, viewport: Matrix): Rule[] {
  const { OPS } = pdfjs;
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = _mul(ctm, args as Matrix);
    else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      const stroke = paint === OPS.stroke || paint === OPS.closeStroke || paint === OPS.fillStroke || paint === OPS.eoFillStroke || paint === OPS.closeFillStroke || paint === OPS.closeEOFillStroke;
      const fill = paint === OPS.fill || paint === OPS.eoFill || paint === OPS.fillStroke || paint === OPS.eoFillStroke;
      if (!stroke && !fill) continue; // clipping paths and invisible paths draw nothing
      const m = _mul(viewport, ctm);
      for (const data of (args[1] as ArrayLike<number>[] | null) ?? []) _segments(data, m, stroke, fill, rules);
    }
  }
  return rules;
}

/** Straight axis-parallel pieces of one path: its segments if stroked, its thin rectangles if filled. */
function _segments(d: ArrayLike<number>, m: Matrix, stroke: boolean, fill: boolean, out: Rule[]): void {
  const pts: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let k = 0; k < d.length; ) {
    const op = d[k++];
    if (op === 0) {
      if (cur.length) pts.push(cur);
      cur = [_apply(m, d[k++]!, d[k++]!)];
    } else if (op === 1) cur.push(_apply(m, d[k++]!, d[k++]!));
    else if (op === 2) {
      k += 4;
      cur.push(_apply(m, d[k++]!, d[k++]!));
    } else if (op === 3) {
      k += 2;
      cur.push(_apply(m, d[k++]!, d[k++]!));
    } else if (op === 4) {
      if (cur.length) cur.push(cur[0]!);
    } else break;
  }
  if (cur.length) pts.push(cur);
  for (const poly of pts) {
    if (stroke) {
      for (let j = 1; j < poly.length; j++) _push(out, poly[j - 1]!, poly[j]!);
    }
    if (fill && poly.length >= 4) {
      const xs = poly.map((p) => p[0]);
      const ys = poly.map((p) => p[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      // A filled bar at most 3 pt thick is a drawn line (Word draws some borders this way).
      if (y1 - y0 <= 3 && x1 - x0 > 3) out.push({ dir: 'h', at: (y0 + y1) / 2, from: x0, to: x1 });
      else if (x1 - x0 <= 3 && y1 - y0 > 3) out.push({ dir: 'v', at: (x0 + x1) / 2, from: y0, to: y1 });
    }
  }
}

function _push(out: Rule[], a: [number, number], b: [number, number]): void {
  if (Math.abs(a[1] - b[1]) < 0.8 && Math.abs(a[0] - b[0]) > 2) out.push({ dir: 'h', at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) });
  else if (Math.abs(a[0] - b[0]) < 0.8 && Math.abs(a[1] - b[1]) > 2) out.push({ dir: 'v', at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) });
}

interface PageContent {
  height: number;
  glyphs: Glyph[];
  rules: Rule[];
  /** Text-showing operators drawn: text there may be, even when none could be decoded. */
  textOps: number;
}

async function _page(pdfjs: Pdfjs, doc: import('pdfjs-dist/legacy/build/pdf.mjs').PDFDocumentProxy, n: number): Promise<PageContent> {
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as Matrix;
  const content = await page.getTextContent();
  const glyphs: Glyph[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str.trim()) continue;
    const t = _mul(vt, item.transform as Matrix);
    const size = Math.hypot(t[2], t[3]) || item.height || 10;
    const vertical = Math.abs(t[1]) > Math.abs(t[0]); // rotated text: keep it, ordered by position
    glyphs.push({ text: fixRadicals(item.str), x: t[4], y: t[5], w: vertical ? size : Math.abs(item.width), size });
  }
  const ops = await page.getOperatorList();
  const rules = _rules(pdfjs, ops, vt);
  const shows = new Set<number>([pdfjs.OPS.showText, pdfjs.OPS.showSpacedText, pdfjs.OPS.nextLineShowText, pdfjs.OPS.nextLineSetSpacingShowText]);
  const textOps = ops.fnArray.reduce((n, fn) => n + (shows.has(fn) ? 1 : 0), 0);
  page.cleanup();
  return { height: viewport.height, glyphs, rules, textOps };
}


const DASHED_PAGE_NUMBER = /^[-—–－]\s*\d{1,4}\s*[-—–－]$/;

/** Page numbers and running heads: short furniture in the top or bottom 9% of a page. */
function _dropFurniture(pages: PageContent[]): void {
  const margin = (p: PageContent, g: Glyph) => g.y < p.height * 0.09 || g.y > p.height * 0.91;
  // Running heads: the same text at the same height on at least half of the pages (3 or more).
  const seen = new Map<string, number>();
  for (const p of pages) {
    const keys = new Set(p.glyphs.filter((g) => margin(p, g)).map((g) => `${Math.round(g.y / 4)}|${g.text.trim()}`));
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const running = (k: string) => pages.length >= 3 && (seen.get(k) ?? 0) >= pages.length / 2;
  for (const p of pages) {
    const drop = new Set<Glyph>();
    for (const line of linesOf(p.glyphs)) {
      const text = line.map((g) => g.text).join('').trim();
      const inMargin = line.every((g) => margin(p, g));
      // A number between dashes alone on a line is a page number wherever it stands (a page
      // printed from a web page carries the source's footer in its body).
      const furniture = DASHED_PAGE_NUMBER.test(text) || (inMargin && (PAGE_NUMBER.test(text) || line.every((g) => running(`${Math.round(g.y / 4)}|${g.text.trim()}`))));
      if (furniture) line.forEach((g) => drop.add(g));
    }
    p.glyphs = p.glyphs.filter((g) => !drop.has(g));
  }
}

/** Blocks of one page in reading order: ruled tables where lines are drawn, paragraphs and gap-tables elsewhere. */
interface PageBlock {
  top: number;
  block: SourceBlock;
  columns?: number[];
  /** Paragraphs: first line at the left margin; last line to the right margin. */
  flush?: boolean;
  open?: boolean;
}

function _blocks(p: PageContent): { blocks: PageBlock[]; gaps: boolean } {
  const { tables, rest } = layoutTables(p.rules, p.glyphs);
  const out: PageBlock[] = tables.map((t) => ({ top: t.top, block: { kind: 'table', rows: t.rows }, columns: t.columns }));
  const lines = linesOf(rest);
  for (const part of gapRows(lines)) {
    if (part.kind === 'rows') out.push({ top: part.top, block: { kind: 'table', rows: part.rows } });
    else for (const para of paragraphsOf(part.lines)) out.push({ top: para.top, block: { kind: 'paragraph', text: para.text }, flush: para.flush, open: para.open });
  }
  out.sort((a, b) => a.top - b.top);
  return { blocks: out, gaps: out.some((b) => b.block.kind === 'table' && !b.columns) };
}

const NUMBER = /^[-−]?\d[\d,，.]*$/;
const ENUMERATED = /^[（(]?[一二三四五六七八九十\d]+[)）、.．]/;

/**
 * A merged label cell cut by a page break goes on at the top of the next page ("（四）无" then
 * "法提供"): its rest joins the cell above, and the cell becomes covered. Only label text that
 * does not open a new numbered item is carried; numbers never are.
 */
function _carry(above: SourceCell[][], below: SourceCell[][]): void {
  const last = above[above.length - 1];
  const first = below[0];
  if (!last || !first) return;
  for (const cell of first) {
    const over = last.find((c) => c.col === cell.col && c.span === cell.span);
    if (!over) continue;
    // An empty piece of a vertical merge that was already going on above the break.
    if (!cell.text && over.covered && below[1]?.some((c) => c.col === cell.col && c.covered)) cell.covered = true;
    if (!cell.text || NUMBER.test(cell.text) || ENUMERATED.test(cell.text)) continue;
    let start: SourceCell | undefined = over;
    for (let r = above.length - 1; start?.covered && r > 0; r--) start = above[r - 1]!.find((c) => c.col === cell.col && c.span === cell.span);
    if (!start || start.covered || !start.text || NUMBER.test(start.text)) continue;
    start.text += cell.text;
    cell.text = '';
    cell.covered = true;
  }
}

/** A paragraph cut by a page break: the page ended mid-sentence on a full line, and the next page does not open a heading. */
const _runsOn = (before: string, after: string) => !/[。！？!?；;：:”」）)]$/.test(before) && !ENUMERATED.test(after) && !/^第[一二三四五六七八九十]+/.test(after);

const _sameColumns = (a?: number[], b?: number[]) => !!a && !!b && a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) < 2);

/** Read a PDF's text layer into paragraphs and tables. Refuses a PDF with no text (a scan). */
export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<SourceDoc> {
  if (bytes.length > LIMITS.fileBytes) throw new ImportError(`文件有 ${(bytes.length / 1048576).toFixed(1)} MB，超过上限 ${LIMITS.fileBytes / 1048576} MB`);
  const pdfjs = await _load();
  if (options.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = options.workerSrc;
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: bytes.slice(), // pdfjs takes ownership of the buffer it is given
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
      ...(options.loadCMap ? { cMapPacked: true, useWorkerFetch: false, BinaryDataFactory: _cMapFactory(options.loadCMap) } : {}),
    }).promise;
  } catch (e) {
    throw _openError(e);
  }
  try {
    if (doc.numPages > MAX_PAGES) throw new ImportError(`PDF 有 ${doc.numPages} 页，超过上限 ${MAX_PAGES} 页，不像是一份年度报告`);
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        pages.push(await _page(pdfjs, doc, n));
      } catch (e) {
        throw new ImportError(`无法读取这个 PDF 的第 ${n} 页（文件损坏：${e instanceof Error ? e.message : String(e)}）`);
      }
    }
    const chars = pages.reduce((s, p) => s + p.glyphs.reduce((t, g) => t + g.text.replace(/\s/g, '').length, 0), 0);
    if (chars < 10 && pages.some((p) => p.textOps > 0)) {
      throw new ImportError('这个 PDF 中有文字，但它的字体编码无法解读（字体未嵌入），读不出其中的文字和数字；请改用 Word 版或网页上的文字');
    }
    if (chars < 10) {
      throw new ImportError('这个 PDF 没有文字层（可能是扫描件或图片），无法读取其中的文字和数字；请改用 Word 版、可复制文字的 PDF，或网页上的文字');
    }
    _dropFurniture(pages);
    const blocks: SourceBlock[] = [];
    let lastColumns: number[] | undefined;
    let lastOpen = false;
    // Columns are exact unless some table was found by the gaps between its columns.
    let exact = true;
    for (const p of pages) {
      const page = _blocks(p);
      exact &&= !page.gaps;
      page.blocks.forEach((b, i) => {
        const prev = blocks[blocks.length - 1];
        // A ruled table broken by a page boundary goes on as one table when its columns match.
        if (i === 0 && b.block.kind === 'table' && prev?.kind === 'table' && _sameColumns(lastColumns, b.columns)) {
          _carry(prev.rows, b.block.rows);
          prev.rows.push(...b.block.rows);
        } else if (i === 0 && b.block.kind === 'paragraph' && prev?.kind === 'paragraph' && lastOpen && b.flush && _runsOn(prev.text, b.block.text)) {
          prev.text += b.block.text;
        } else blocks.push(b.block);
        lastColumns = b.block.kind === 'table' ? b.columns : undefined;
        lastOpen = !!b.open;
      });
      if (blocks.length > LIMITS.blocks) throw new ImportError(`PDF 内容超过 ${LIMITS.blocks} 段，无法导入`);
    }
    return { kind: 'pdf', exactColumns: exact, blocks };
  } finally {
    await doc.destroy();
  }
}

