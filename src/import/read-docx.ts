// .docx → SourceDoc without a DOM, so it runs in Node and in the browser. The zip directory is
// read here with bounds on every number; word/document.xml is inflated by fflate in small
// chunks and abandoned as soon as it passes LIMITS.xmlBytes (zip bombs declare small sizes).
// A small hand-written reader then walks w:p, w:tbl, w:tr, w:tc, w:gridSpan, w:vMerge,
// w:gridBefore, w:t, w:br, w:tab; everything else is skipped.
import { Inflate } from 'fflate';
import { ImportError, LIMITS, type SourceBlock, type SourceCell, type SourceDoc } from './source';

const NOT_DOCX = '不是有效的 .docx 文件（无法按 zip 格式读取）';

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

/** The inflated bytes of one zip entry, bounded by `cap`. */
export function readZipEntry(zip: Uint8Array, name: string, cap: number = LIMITS.xmlBytes): Uint8Array {
  if (zip.length > LIMITS.fileBytes) throw new ImportError(`文件有 ${(zip.length / 1048576).toFixed(1)} MB，超过上限 ${LIMITS.fileBytes / 1048576} MB`);
  if (zip.length < 22 || u32(zip, 0) !== 0x04034b50) throw new ImportError(NOT_DOCX);
  let eocd = -1;
  for (let e = zip.length - 22; e >= Math.max(0, zip.length - 65557); e--) {
    if (u32(zip, e) === 0x06054b50) {
      eocd = e;
      break;
    }
  }
  if (eocd < 0) throw new ImportError(NOT_DOCX);
  const count = u16(zip, eocd + 10);
  let o = u32(zip, eocd + 16);
  if (count === 0xffff || o === 0xffffffff) throw new ImportError('不支持 ZIP64 格式的 .docx 文件');
  if (count > LIMITS.zipEntries) throw new ImportError(`.docx 内含 ${count} 个部件，超过上限 ${LIMITS.zipEntries}`);
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (o + 46 > zip.length || u32(zip, o) !== 0x02014b50) throw new ImportError(`${NOT_DOCX}：目录损坏`);
    const method = u16(zip, o + 10);
    const compressed = u32(zip, o + 20);
    const declared = u32(zip, o + 24);
    const nameLen = u16(zip, o + 28);
    const next = o + 46 + nameLen + u16(zip, o + 30) + u16(zip, o + 32);
    const entryName = decoder.decode(zip.subarray(o + 46, o + 46 + nameLen));
    const local = u32(zip, o + 42);
    o = next;
    if (entryName !== name) continue;
    if (declared > cap) throw new ImportError(`.docx 的正文部件声明大小 ${(declared / 1048576).toFixed(1)} MB，超过上限 ${cap / 1048576} MB`);
    if (local + 30 > zip.length || u32(zip, local) !== 0x04034b50) throw new ImportError(`${NOT_DOCX}：部件 ${name} 损坏`);
    const start = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
    const end = start + compressed;
    if (end > zip.length) throw new ImportError(`${NOT_DOCX}：部件 ${name} 被截断`);
    const data = zip.subarray(start, end);
    // A stored entry is its own size: its declared size may lie, so the cap applies to the bytes.
    if (method === 0 && data.length > cap) throw new ImportError(`.docx 的正文部件有 ${(data.length / 1048576).toFixed(1)} MB，超过上限 ${cap / 1048576} MB`);
    if (method === 0) return data;
    if (method !== 8) throw new ImportError(`.docx 部件 ${name} 使用了不支持的压缩方式（${method}）`);
    return _inflateBounded(data, cap, name);
  }
  throw new ImportError('不是 Word 文档（.docx 中没有 word/document.xml）');
}

function _inflateBounded(data: Uint8Array, cap: number, name: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > cap) over = true;
    else chunks.push(chunk);
  });
  const STEP = 4096; // at most ~4 MB of output per step, whatever the compression ratio
  try {
    for (let p = 0; p < data.length && !over; p += STEP) inflate.push(data.subarray(p, p + STEP), p + STEP >= data.length);
  } catch {
    throw new ImportError(`.docx 部件 ${name} 解压失败（文件损坏）`);
  }
  if (over) throw new ImportError(`.docx 的正文解压后超过 ${cap / 1048576} MB，疑似压缩炸弹，已停止读取`);
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function _decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] !== '#') return ENTITIES[e]!;
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const _attr = (attrs: string, name: string): string | undefined => {
  const m = new RegExp(`${name}="([^"]*)"`).exec(attrs);
  return m ? m[1] : undefined;
};

interface CellBuild {
  cell: SourceCell;
  paragraphs: string[];
}
interface TableBuild {
  rows: SourceCell[][];
  row: SourceCell[] | null;
  col: number;
  cell: CellBuild | null;
}

/** word/document.xml → blocks. Nested tables are flattened into the text of their cell. */
export function parseDocumentXml(xml: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  const tables: TableBuild[] = [];
  let para: string[] | null = null;
  let inText = false;
  let depth = 0;
  let totalCells = 0;
  let pos = 0;
  const endParagraph = () => {
    if (para === null) return;
    const text = para.join('');
    const table = tables[tables.length - 1];
    if (table?.cell) table.cell.paragraphs.push(text);
    else if (text.trim()) {
      if (blocks.length >= LIMITS.blocks) throw new ImportError(`文档段落超过 ${LIMITS.blocks} 个，无法导入`);
      blocks.push({ kind: 'paragraph', text: text.trim() });
    }
    para = null;
  };
  // A linear scan: each "<" is paired with the next ">" (Word escapes ">" in attribute values).
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) break;
    if (inText && para !== null && lt > pos) para.push(_decode(xml.slice(pos, lt)));
    if (xml.startsWith('<!--', lt) || xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(xml[lt + 2] === '-' ? '-->' : ']]>', lt);
      if (end < 0) break;
      pos = end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) break;
    pos = gt + 1;
    const inner = xml.slice(lt + 1, gt);
    if (inner[0] === '?' || inner[0] === '!') continue;
    const close = inner[0] === '/';
    const selfClose = !close && inner.endsWith('/');
    const body = close ? inner.slice(1) : inner;
    const nameEnd = body.search(/[\s/]/);
    const name = nameEnd < 0 ? body : body.slice(0, nameEnd);
    const attrs = close ? '' : body.slice(name.length);
    if (!close && !selfClose && ++depth > LIMITS.xmlDepth) throw new ImportError(`文档结构嵌套超过 ${LIMITS.xmlDepth} 层，无法导入`);
    if (close) depth--;
    const table = tables[tables.length - 1];
    switch (name) {
      case 'w:t':
        inText = !close && !selfClose;
        break;
      case 'w:tab':
        if (!close && para !== null) para.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (!close && para !== null) para.push('\n');
        break;
      case 'w:p':
        if (close) endParagraph();
        else {
          endParagraph();
          para = [];
          if (selfClose) endParagraph();
        }
        break;
      case 'w:tbl':
        if (!close) {
          if (tables.length >= 10) throw new ImportError('表格嵌套过深，无法导入');
          tables.push({ rows: [], row: null, col: 0, cell: null });
        } else if (table) {
          tables.pop();
          const outer = tables[tables.length - 1];
          if (outer?.cell) {
            // A nested table: its text joins the enclosing cell.
            outer.cell.paragraphs.push(...table.rows.map((r) => r.map((c) => c.text).join(' ')));
          } else blocks.push({ kind: 'table', rows: table.rows });
        }
        break;
      case 'w:tr':
        if (!table) break;
        if (!close) {
          if (table.rows.length >= LIMITS.tableRows) throw new ImportError(`表格超过 ${LIMITS.tableRows} 行，无法导入`);
          table.row = [];
          table.col = 0;
          table.rows.push(table.row);
        } else table.row = null;
        break;
      case 'w:gridBefore':
        if (table?.row && !close) table.col += Math.min(64, Number(_attr(attrs, 'w:val') ?? 0) || 0);
        break;
      case 'w:tc':
        if (!table?.row) break;
        if (!close) {
          if (table.row.length >= LIMITS.rowCells) throw new ImportError(`表格的一行超过 ${LIMITS.rowCells} 格，无法导入`);
          if (++totalCells > LIMITS.totalCells) throw new ImportError(`表格单元格总数超过 ${LIMITS.totalCells}，无法导入`);
          table.cell = { cell: { text: '', col: table.col, span: 1 }, paragraphs: [] };
          if (selfClose) {
            table.row.push(table.cell.cell);
            table.col += 1;
            table.cell = null;
          }
        } else if (table.cell) {
          endParagraph();
          const c = table.cell;
          c.cell.text = c.paragraphs.join('\n').trim();
          table.row.push(c.cell);
          table.col += c.cell.span;
          table.cell = null;
        }
        break;
      case 'w:gridSpan':
        if (table?.cell && !close) table.cell.cell.span = Math.max(1, Math.min(64, Number(_attr(attrs, 'w:val') ?? 1) || 1));
        break;
      case 'w:vMerge':
        if (table?.cell && !close) {
          const v = _attr(attrs, 'w:val');
          if (v === undefined || v === 'continue') table.cell.cell.covered = true;
        }
        break;
      case 'w:delText':
      case 'w:instrText':
        inText = false;
        break;
      default:
        break;
    }
  }
  endParagraph();
  return blocks;
}

export function readDocx(bytes: Uint8Array): SourceDoc {
  const xmlBytes = readZipEntry(bytes, 'word/document.xml');
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(xmlBytes);
  } catch {
    throw new ImportError('.docx 的正文不是有效的 UTF-8 文本（文件损坏）');
  }
  if (!/<w:document[\s>]/.test(xml.slice(0, 4096))) throw new ImportError('.docx 的正文不是 Word 文档格式（缺少 w:document）');
  return { kind: 'docx', exactColumns: true, blocks: parseDocumentXml(xml) };
}
