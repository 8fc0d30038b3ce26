// HTML (a saved web page, or what a browser puts on the clipboard as text/html) → SourceDoc.
// Parsed with parse5 in Node and in the browser alike: it builds the tree the HTML standard
// prescribes (implied <tbody>, unclosed <td>, stray tags in old Word-exported pages), so both
// places read the same cells; nothing is executed or rendered. Tables keep their structure
// (rowspan/colspan → exact columns, covered cells marked); block elements become paragraphs;
// scripts, styles, forms, navigation and other site chrome are dropped.
import type { DefaultTreeAdapterMap } from 'parse5';
import { ImportError, LIMITS, type SourceBlock, type SourceCell, type SourceDoc } from './source';
import { fixRadicals } from './radicals';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'head', 'title', 'nav', 'header', 'footer', 'aside', 'form', 'select', 'option', 'button', 'input', 'textarea', 'img', 'video', 'audio', 'map']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'center', 'address', 'figure', 'figcaption', 'caption', 'hr', 'body', 'html']);
/** Class or id words of site chrome (navigation, breadcrumbs, share bars, page headers and footers). */
const CHROME = /(?:^|[\s_-])(?:nav|navbar|menu|submenu|breadcrumbs?|crumbs?|footer|header|topbar|sidebar|share|toolbar|search|login|friendlinks?|copyright|ewm|qrcode)(?:$|[\s_-])/i;
const ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary']);

const _attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value ?? '';
const _isElement = (n: Node): n is Element => 'tagName' in n;
const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
const CJK_GAP = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'g');

/** Whitespace as a browser shows it, less the spaces that source line breaks leave between Chinese characters. */
const _clean = (s: string) => fixRadicals(s).replace(/[\s\u00a0]+/g, ' ').replace(CJK_GAP, '').trim();

const _hiddenMemo = new WeakMap<Element, boolean>();

function _hidden(el: Element): boolean {
  let h = _hiddenMemo.get(el);
  if (h === undefined) _hiddenMemo.set(el, (h = _isHidden(el)));
  return h;
}

function _isHidden(el: Element): boolean {
  if (SKIP.has(el.tagName) || el.attrs.some((a) => a.name === 'hidden')) return true;
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(_attr(el, 'style'))) return true;
  if (ROLES.has(_attr(el, 'role'))) return true;
  // Page headers and footers of a word processor's HTML export (LibreOffice: <div title="footer">).
  if (el.tagName === 'div' && /^(?:header|footer)$/i.test(_attr(el, 'title'))) return true;
  return CHROME.test(`${_attr(el, 'class')} ${_attr(el, 'id')}`) && !_hasTable(el, 0);
}

function _hasTable(el: Element, depth: number): boolean {
  if (depth > 50) return false;
  return el.childNodes.some((c) => _isElement(c) && (c.tagName === 'table' || _hasTable(c, depth + 1)));
}

/** Text of a subtree (a table cell), its blocks run together as a cell's lines are. */
function _text(node: Node, depth: number): string {
  if (depth > LIMITS.xmlDepth) throw new ImportError(`网页的元素嵌套超过 ${LIMITS.xmlDepth} 层，无法导入`);
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (!_isElement(node) || _hidden(node)) return '';
  if (node.tagName === 'br') return '\n';
  return node.childNodes.map((c) => _text(c, depth + 1)).join('');
}

class Walker {
  blocks: SourceBlock[] = [];
  private buffer = '';
  private cells = 0;

  flush(): void {
    for (const line of this.buffer.split('\n')) {
      const text = _clean(line);
      if (text) this.blocks.push({ kind: 'paragraph', text });
    }
    this.buffer = '';
    if (this.blocks.length > LIMITS.blocks) throw new ImportError(`网页内容超过 ${LIMITS.blocks} 段，无法导入`);
  }

  walk(node: Node, depth: number): void {
    if (depth > LIMITS.xmlDepth) throw new ImportError(`网页的元素嵌套超过 ${LIMITS.xmlDepth} 层，无法导入`);
    if (node.nodeName === '#text') {
      this.buffer += (node as DefaultTreeAdapterMap['textNode']).value;
      return;
    }
    if (!_isElement(node) && !('childNodes' in node)) return;
    if (_isElement(node)) {
      if (_hidden(node)) return;
      if (node.tagName === 'br') {
        this.buffer += '\n';
        return;
      }
      if (node.tagName === 'table') {
        this.flush();
        this.table(node, depth);
        return;
      }
    }
    const block = !_isElement(node) || BLOCK.has(node.tagName);
    if (block) this.flush();
    for (const child of (node as Element).childNodes ?? []) this.walk(child, depth + 1);
    if (block) this.flush();
  }

  /** One <table> → rows of cells with grid columns, as the HTML table model places them. */
  table(table: Element, depth: number): void {
    const trs: Element[] = [];
    const collect = (el: Element, d: number) => {
      for (const c of el.childNodes) {
        if (!_isElement(c)) continue;
        if (c.tagName === 'tr') trs.push(c);
        else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') collect(c, d + 1);
      }
    };
    collect(table, depth);
    if (trs.length > LIMITS.tableRows) throw new ImportError(`网页中的表格超过 ${LIMITS.tableRows} 行，无法导入`);
    const caption = table.childNodes.find((c) => _isElement(c) && c.tagName === 'caption');
    if (caption) this.blocks.push({ kind: 'paragraph', text: _clean(_text(caption, depth)) });
    // Columns still held by a rowspan from a row above: col → rows left and span.
    const held = new Map<number, { left: number; span: number }>();
    const rows: SourceCell[][] = [];
    for (const tr of trs) {
      const row: SourceCell[] = [];
      let col = 0;
      const place = () => {
        while (held.has(col)) {
          const h = held.get(col)!;
          row.push({ text: '', col, span: h.span, covered: true });
          col += h.span;
        }
      };
      for (const td of tr.childNodes) {
        if (!_isElement(td) || (td.tagName !== 'td' && td.tagName !== 'th') || _attr(td, 'style').match(/display\s*:\s*none/i)) continue;
        place();
        const span = Math.min(Math.max(1, Number.parseInt(_attr(td, 'colspan'), 10) || 1), 1000);
        const down = Math.min(Math.max(1, Number.parseInt(_attr(td, 'rowspan'), 10) || 1), LIMITS.tableRows);
        row.push({ text: _clean(_text(td, depth + 1).replace(/\n/g, '')), col, span });
        if (down > 1) held.set(col, { left: down - 1, span });
        col += span;
        if (row.length > LIMITS.rowCells) throw new ImportError(`网页表格的一行超过 ${LIMITS.rowCells} 格，无法导入`);
      }
      // Rowspans reaching past the last cell of this row still cover their columns.
      for (const [c, h] of [...held.entries()].sort((a, b) => a[0] - b[0])) {
        if (c >= col && !row.some((x) => x.col === c)) row.push({ text: '', col: c, span: h.span, covered: true });
      }
      row.sort((a, b) => a.col - b.col);
      for (const cell of row) {
        if (!cell.covered) continue;
        const h = held.get(cell.col)!;
        if (--h.left <= 0) held.delete(cell.col);
      }
      this.cells += row.length;
      if (this.cells > LIMITS.totalCells) throw new ImportError(`网页表格的单元格总数超过 ${LIMITS.totalCells}，无法导入`);
      rows.push(row);
    }
    // A layout table (old site designs put the page, or its columns, in table cells) is read as blocks.
    if (_isLayout(table, rows)) {
      for (const tr of trs) for (const td of tr.childNodes) if (_isElement(td)) this.walk(td, depth + 1);
      this.flush();
      return;
    }
    if (rows.length) this.blocks.push({ kind: 'table', rows });
  }
}

/** A table used for page layout: one column only, a table inside a cell, or a cell holding prose. */
function _isLayout(table: Element, rows: SourceCell[][]): boolean {
  if (rows.every((r) => r.filter((c) => !c.covered).length <= 1)) return true;
  if (rows.some((r) => r.some((c) => c.text.length > 300))) return true;
  const nested = (el: Element, d: number): boolean => d < 60 && el.childNodes.some((c) => _isElement(c) && (c.tagName === 'table' || nested(c, d + 1)));
  return table.childNodes.some((c) => _isElement(c) && nested(c, 0));
}

const DATA_TABLE = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th']);

/** The first `limit` visible characters of a subtree (whitespace removed), without reading the rest. */
function _prefix(node: Node, limit: number): string {
  let out = '';
  const visit = (n: Node, depth: number): boolean => {
    if (depth > LIMITS.xmlDepth) return false;
    if (n.nodeName === '#text') {
      out += (n as DefaultTreeAdapterMap['textNode']).value.replace(/\s/g, '');
      return out.length >= limit;
    }
    if (!_isElement(n) || _hidden(n)) return false;
    for (const c of n.childNodes) if (visit(c, depth + 1)) return true;
    return false;
  };
  visit(node, 0);
  return out.slice(0, limit);
}

/** Paragraph text of the content area, for choosing it. */
function _weight(node: Node, depth: number, memo: Map<Node, number>): number {
  if (depth > LIMITS.xmlDepth) return 0;
  let w = 0;
  if (node.nodeName === '#text') w = (node as DefaultTreeAdapterMap['textNode']).value.replace(/\s/g, '').length;
  else if (_isElement(node) && _hidden(node)) w = 0;
  else if ('childNodes' in node) for (const c of node.childNodes) w += _weight(c, depth + 1, memo);
  memo.set(node, w);
  return w;
}

/**
 * The element holding the report: the deepest one with at least 85% of the page's visible text
 * (site chrome that escaped the filters stays outside it). Climbs back up while the title, which
 * sites often set in a header block just above the article, is left out.
 */
function _content(body: Element): Element {
  const memo = new Map<Node, number>();
  const total = _weight(body, 0, memo);
  let el = body;
  const path: Element[] = [body];
  for (;;) {
    if (path.length > LIMITS.xmlDepth) throw new ImportError(`网页的元素嵌套超过 ${LIMITS.xmlDepth} 层，无法导入`);
    if (total === 0) break;
    const next = el.childNodes.filter(_isElement).find((c) => (memo.get(c) ?? 0) >= total * 0.85);
    // Never into a table: a data table is read whole, and a layout table's cells are walked in order.
    if (!next || DATA_TABLE.has(next.tagName)) break;
    el = next;
    path.push(el);
  }
  const titled = (e: Element) => /报告/.test(_prefix(e, 400));
  for (let i = path.length - 1; i > 0 && !titled(path[i]!); i--) el = path[i - 1]!;
  return titled(el) ? el : path[path.length - 1]!;
}

function _find(node: Node, tag: string, depth = 0): Element | null {
  if (depth > LIMITS.xmlDepth) return null;
  if (_isElement(node) && node.tagName === tag) return node;
  for (const c of ('childNodes' in node ? node.childNodes : []) as Node[]) {
    const f = _find(c, tag, depth + 1);
    if (f) return f;
  }
  return null;
}

/** Read HTML markup (a whole page or a clipboard fragment) into paragraphs and tables. */
export async function readHtml(html: string): Promise<SourceDoc> {
  if (html.length > LIMITS.textChars * 4) throw new ImportError(`网页有 ${html.length} 个字符，超过上限 ${LIMITS.textChars * 4}，无法导入`);
  const { parse } = await import('parse5');
  const doc = parse(html);
  const body = _find(doc, 'body') ?? (doc as unknown as Element);
  const walker = new Walker();
  walker.walk(_content(body), 0);
  walker.flush();
  const blocks = walker.blocks;
  // The page's own title when the content area prints none (a site that sets it in a header).
  const head = _find(doc, 'title');
  const title = head ? _clean(head.childNodes.map((c) => (c.nodeName === '#text' ? (c as DefaultTreeAdapterMap['textNode']).value : '')).join('')).split(/[_|｜]|\s-\s/)[0]! : '';
  const firstTable = blocks.findIndex((b) => b.kind === 'table');
  const lead = blocks.slice(0, firstTable < 0 ? blocks.length : firstTable);
  if (title && /报告/.test(title) && !lead.some((b) => b.kind === 'paragraph' && b.text.includes('报告'))) blocks.unshift({ kind: 'paragraph', text: title });
  // The publication date government sites set in <meta name="PubDate">, as a crawler's header line
  // says it: the page's 发布时间, whatever chrome around the text showed it.
  const published = _pubDate(_find(doc, 'head'));
  if (published) blocks.unshift({ kind: 'paragraph', text: `发布时间：${published}` });
  return { kind: 'html', exactColumns: true, blocks };
}

/** Meta names of a page's publication date (政府网站 meta tags: PubDate; others: publishdate, article:published_time). */
const PUB_DATE_META = /^(?:pubdate|publishdate|publish_date|firstpublishedtime|article:published_time)$/i;

/** The content of the page's publication-date meta tag, when it holds a date. */
function _pubDate(head: Element | null): string | null {
  for (const c of (head?.childNodes ?? []) as Node[]) {
    if (!_isElement(c) || c.tagName !== 'meta' || !PUB_DATE_META.test(_attr(c, 'name') || _attr(c, 'property'))) continue;
    const content = _attr(c, 'content').trim();
    if (/^(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}/.test(content)) return content.slice(0, 40);
  }
  return null;
}
