// Page and type of a published 公文, after GB/T 9704-2012《党政机关公文格式》. Every number the
// .docx renderer uses for layout lives here, with the clause it comes from. Units: twips
// (1/20 pt, 1440 per inch) for lengths, half-points for font sizes, as OOXML stores them.
// No docx import here: the app reads the file-name helper without loading the docx package.

/** Millimetres to twips, rounded (the docx package's helper floors: 210 mm would give 11905). */
export const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);

/** 5.2.1 幅面尺寸: A4, 210 mm × 297 mm, as Word writes it. */
export const PAGE = { width: 11906, height: 16838 } as const;

/** 5.2.2 页边与版心尺寸: 天头（上白边）37 mm, 订口（左白边）28 mm; 版心 156 mm × 225 mm. */
export const MARGIN = {
  top: mm(37), // 2098
  bottom: mm(35), // 1984
  left: mm(28), // 1587
  right: mm(26), // 1474
  /** 7.5 页码: 一字线上距版心下边缘约 7 mm; the footer's baseline sits about 23 mm above the page edge. */
  footer: mm(23),
  header: mm(15),
} as const;

/** Width and height of the 版心 (text area). */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right; // 8845 ≈ 156 mm
export const TEXT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom; // 12756 ≈ 225 mm

/** 5.2.3 字体和字号 / 7.1: 一般每面排 22 行，每行排 28 个字. Exact line pitch giving 22 lines. */
export const LINES_PER_PAGE = 22;
export const LINE = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE); // 579 twips = 28.95 pt

/** Chinese type sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt, 小五 9 pt. */
export const SIZE = { hao2: 44, hao3: 32, hao4: 28, hao5: 21, xiao5: 18 } as const;

/**
 * The official faces, named as Windows/WPS users have them installed. 7.3.1 标题: 2号小标宋体;
 * 5.2.3 正文: 3号仿宋体; 7.3.3 结构层次序数: 第一层 黑体, 第二层 楷体, 第三层 仿宋 (bold lead);
 * 7.5 页码: 4号半角宋体阿拉伯数字.
 */
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  level1: '黑体',
  level2: '楷体_GB2312',
  level3: '仿宋_GB2312',
  pageNumber: '宋体',
  table: '仿宋_GB2312',
} as const;

/** One character of 三号 type: paragraphs indent their first line by two (5.2.3, 7.3.3). */
export const CHAR = 320; // 16 pt in twips
export const FIRST_LINE_INDENT = 2 * CHAR;

/** The title: 2号, centred; 标题下空一行 (7.3.1 / 7.3.3 practice), so spacing after = one body line. */
export const TITLE_LINE = 700; // exact 35 pt for a 22 pt face, the usual setting for 2号 titles
export const TITLE_SPACE_AFTER = LINE;

/** 7.5 页码: 单页码居右空一字，双页码居左空一字 (one 四号 character = 14 pt). */
export const PAGE_NUMBER_INDENT = 280;
/** 一字线 on both sides of the page number. */
export const PAGE_NUMBER_DASH = '\u2014';

/** 7.3.5.2 署名: 正文下空一行, 发文机关署名右空二字, 成文日期首字比署名首字右移二字. */
export const SIGNATURE_RIGHT = 2; // characters

/**
 * Tables (GB/T 9704 10 表格 leaves size to the writer): 五号 type at most, single line spacing,
 * cells with 1 mm side padding, fixed layout over the whole 版心 width.
 */
export const TABLE = {
  maxSize: SIZE.hao5,
  minSize: 14, // 7 pt: the floor when a number is very long
  cellMarginX: mm(1), // 57
  cellMarginY: mm(0.5), // 28
  /** Share of the width the label columns get when there are value columns beside them. */
  labelShare: 0.45,
  /** Grids wider than this many columns (三: 10, 四: 15) set their labels in 小五. */
  denseColumns: 6,
  denseLabelSize: SIZE.xiao5,
  /** A value column is never wider than this (第二十条 grid, three value columns). */
  maxValueWidth: 2000,
  /** Merged row groups up to this many rows are kept on one page. */
  keepGroupRows: 8,
} as const;

/** Width of a text in characters of its own size: CJK and full-width forms count 1, ASCII ½. */
export function ems(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) < 0x2e80 && ch !== '\u2014' ? 0.5 : 1;
  return n;
}
