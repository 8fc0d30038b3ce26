// Page furniture around a published report, removed before anything is read: a crawler's header
// lines (标题: / 发布时间: / 原文链接: …, whose title and date are kept as facts of the source),
// breadcrumbs (当前位置：首页>政务公开>…), share buttons, page numbers (Page8-, - 3 -), Markdown
// heading marks and bold, Word's style sheet leaked into a web page, and 附件下载 at the end.
import type { SourceDoc } from './source';
import type { Item } from './sections';

export interface PageFacts {
  /** 标题 of the crawler's header or the page. */
  title?: string;
  /** 发布时间 / 发布日期 as YYYY-MM-DD. */
  published?: string;
  /** Kinds of furniture removed (for the import's notes). */
  removed: string[];
}

const HEADER = /^(标题|题目|发布时间|发布日期|发文日期|时间|日期|文号|发文字号|发布机构|发文机关|来源|信息来源|栏目|所属栏目|原文链接|链接|网址|本地目录|索引号|主题分类|公开方式|公开范围|生效日期|有效性|信息类别|主题词|浏览次数|点击数)\s*[:：]\s*(.*)$/;
const CRUMB = /^(当前位置|您现在的位置|您的位置|位置)\s*[:：]|首页\s*[>＞»›/]/;
const NOISE = /^(页面链接与图片详见.*|=+\s*正文\s*=+|附件下载|打印本页|关闭窗口|【打印】|【关闭】|分享到[:：]?.*|扫一扫.*|#+|Page\s*\d+\s*-?|-\s*\d+\s*-|第\s*\d+\s*页(\s*[/，,]?\s*共\s*\d+\s*页)?|（此件主动公开）|\(此件主动公开\))$/i;
// Word's style sheet pasted into a page: "Normal 0 7.8 磅 0 2 false … /* Style Definitions */ table.MsoNormalTable {…}".
const WORD_STYLES = /Normal\s+0\s+[\d.]+\s*磅[\s\S]*?X-NONE|\/\*\s*Style Definitions\s*\*\/\s*[\w.]*\s*\{[^{}]*\}/g;
const INLINE_CRUMB = /当前位置\s*[:：][^。]{0,300}?(-->(\s|微信|微博|QQ空间|全真版|文字版|文件下载|相关链接\s*[:：])*|相关链接\s*[:：])/g;
const SHARE = /-->\s*(微信|微博|QQ空间|全真版|文字版|文件下载|相关链接\s*[:：]|\s)+/g;

const HAN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, Ｏ: 0, O: 0, '○': 0, '◯': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二〇二四年一月十二日 → 2024年1月12日; full-width digits → ASCII. Other text unchanged. */
export function plainDigits(s: string): string {
  const han = (t: string) => {
    if (!/十/.test(t)) return [...t].map((c) => HAN_DIGITS[c] ?? '').join('');
    const [tens, ones] = t.split('十');
    return String((tens ? HAN_DIGITS[tens]! : 1) * 10 + (ones ? HAN_DIGITS[ones]! : 0));
  };
  return s
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/([〇零一二三四五六七八九ＯO○◯]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/g, (_, y: string, m: string, d: string) => `${han(y)}年${han(m)}月${han(d)}日`)
    .replace(/([〇零][一二三四五六七八九〇零]{2}|二[〇零][一二三四五六七八九〇零]{2})年/g, (y: string) => `${han(y.slice(0, -1))}年`);
}

export function dateOf(raw: string): string | undefined {
  const s = plainDigits(raw);
  const m = /(20\d{2}|19\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function removeFurniture(doc: SourceDoc): { items: Item[]; facts: PageFacts } {
  const facts: PageFacts = { removed: [] };
  const items: Item[] = [];
  const removed = (kind: string) => facts.removed.includes(kind) || facts.removed.push(kind);
  let body = false; // header lines only count before the report's own text
  for (const b of doc.blocks) {
    if (b.kind === 'table') {
      items.push(b.exactColumns === undefined ? { kind: 'table', rows: b.rows } : { kind: 'table', rows: b.rows, exactColumns: b.exactColumns });
      body = true;
      continue;
    }
    let text = b.text;
    const h = !body ? HEADER.exec(text.trim()) : null;
    if (h) {
      const [, key, value] = h;
      if (/标题|题目/.test(key!) && value!.trim()) facts.title = value!.trim();
      else if (/发布|时间|日期/.test(key!) && !facts.published) facts.published = dateOf(value!);
      removed('header');
      continue;
    }
    if (CRUMB.test(text.trim()) && text.length < 200 && !/。/.test(text)) {
      removed('breadcrumb');
      // The crumb's last step is often the page's title: kept for the title pass.
      const last = text.split(/[>＞»›]/).pop()!.trim();
      if (!body && /(19|20)\d{2}\s*年.*报告/.test(last)) items.push({ kind: 'text', text: last });
      continue;
    }
    if (NOISE.test(text.trim())) {
      removed('page');
      continue;
    }
    const before = text;
    text = text.replace(WORD_STYLES, ' ').replace(INLINE_CRUMB, ' ').replace(SHARE, ' ');
    // A style sheet that runs to the end of the line.
    text = text.replace(/\s*Normal\s+0\s+[\d.]+\s*磅[\s\S]*$/, '').replace(/mso-[\s\S]*?\}\s*/g, '');
    text = text.replace(/\s*附件下载\s*$/, '').replace(/\s*[（(]此件主动公开[）)]\s*$/, '');
    text = text.replace(/^#{1,6}\s+/, '').replace(/\*\*/g, '');
    if (text !== before) removed('page');
    if (!text.trim()) continue;
    body = true;
    items.push({ kind: 'text', text });
  }
  return { items, facts };
}
