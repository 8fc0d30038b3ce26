// Pagination of the finished report as the exported .docx breaks it. GB/T 9704 fixes the line
// pitch (22 lines a page) and the characters per line, so every page break Word or LibreOffice
// makes can be computed from composeDocument's blocks: paragraphs break between any two lines,
// headings stay with what follows them, table rows never split, a table's header rows come back
// at the top of every page it continues on, rows kept together (a merged group, see groups.ts)
// move as one, and an attachment starts a page of its own. The preview draws these pages and prints them one per sheet.
import type { DocBlock } from '../report/document';
import { LINE, SIZE, TEXT_HEIGHT, TEXT_WIDTH, TITLE_LINE, TITLE_SPACE_AFTER } from './gbt9704';
import { titleLines } from './layout';
import { bodyLines, breakLines, type LineRuns } from './paginate-lines';
import { ROW_RULE, gridPlan } from './paginate-grid';

/** What one page holds of one block. */
export type PagePart =
  | { kind: 'title'; block: number }
  | { kind: 'signature'; block: number }
  /**
   * Lines `from`..`from + lines.length - 1` of a heading or paragraph; line 0 carries the
   * first-line indent, and every line but the paragraph's last is justified (`ends`: it is here).
   */
  | { kind: 'lines'; block: number; from: number; lines: LineRuns[]; ends: boolean }
  /** Rows of a grid: `head` are the header rows repeated at the top of a continued table. */
  | { kind: 'rows'; block: number; head: number[]; rows: number[] };

export interface Page {
  /** Page number as the footer prints it, from 1. */
  number: number;
  parts: PagePart[];
}

/** The title's lines on the page: broken where the meaning allows (titleLines), then at the margin if still too long. */
export function titleBreaks(title: string): string[] {
  const room = Math.floor((TEXT_WIDTH * 10) / (SIZE.hao2 * 10)); // tenths of a 二号 character
  return titleLines(title).flatMap((line) => breakLines([{ text: line }], room).map((l) => l.map((r) => r.text).join('')));
}

/** The smallest piece the flow places: a line, a table row, a whole title or signature. */
interface Unit {
  block: number;
  height: number;
  /** Stays on the page of the next unit. */
  keep: boolean;
  /** Starts a new page (an attachment). */
  breakBefore?: boolean;
  line?: { index: number; runs: LineRuns; last: boolean };
  row?: number;
  /** For a row: the grid's repeated header rows and their height. */
  head?: { rows: number[]; height: number };
}

function _units(blocks: readonly DocBlock[]): Unit[] {
  const units: Unit[] = [];
  blocks.forEach((block, b) => {
    switch (block.kind) {
      case 'title':
        units.push({ block: b, height: titleBreaks(block.text).length * TITLE_LINE + TITLE_SPACE_AFTER, keep: false });
        break;
      case 'heading':
      case 'paragraph': {
        const runs = block.kind === 'heading' ? [{ text: block.text }] : block.runs;
        const lines = bodyLines(runs);
        // A heading keeps with what follows; a paragraph never leaves its first or last line
        // alone on a page (LibreOffice applies widow and orphan control of two lines).
        const keep = (index: number) => block.kind === 'heading' || (index < lines.length - 1 && (index === 0 || index === lines.length - 2));
        lines.forEach((line, index) =>
          units.push({ block: b, height: LINE, keep: keep(index), line: { index, runs: line, last: index === lines.length - 1 }, ...(index === 0 && block.kind === 'heading' && block.pageBreak ? { breakBefore: true } : {}) }),
        );
        break;
      }
      case 'grid': {
        const { rows, rowHeights, keep } = gridPlan(block.grid, block.values);
        const headRows = rows.flatMap((r, i) => (r.repeat ? [i] : []));
        const head = { rows: headRows, height: headRows.reduce((s, r) => s + rowHeights[r]!, 0) };
        rows.forEach((_, r) => units.push({ block: b, height: rowHeights[r]!, keep: keep[r]!, row: r, head }));
        break;
      }
      case 'signature':
        // 正文下空一行: the organ line has one line of space before it; both lines keep with what follows.
        units.push({ block: b, height: (block.date ? 3 : 2) * LINE, keep: true });
        break;
    }
  });
  return units;
}

/** The units from `i` that must share a page: each one that keeps with the next, and that next. */
function _chainEnd(units: Unit[], i: number): number {
  let j = i;
  while (j < units.length - 1 && units[j]!.keep && !units[j + 1]!.breakBefore) j++;
  return j;
}

/**
 * Height a table row adds when it is the first of its table on a page: the rule above it, and on
 * a page the table continues on, the header rows repeated above it.
 */
function _opening(u: Unit): number {
  if (u.row === undefined) return 0;
  return ROW_RULE + (u.head && !u.head.rows.includes(u.row) ? u.head.height : 0);
}

export function paginate(blocks: readonly DocBlock[]): Page[] {
  const units = _units(blocks);
  const pages: Page[] = [];
  let page: Page = { number: 1, parts: [] };
  let used = 0;
  let chainEnd = -1;
  const opens = (u: Unit) => {
    const last = page.parts.at(-1);
    return !(u.row !== undefined && last?.kind === 'rows' && last.block === u.block);
  };
  const need = (u: Unit) => u.height + (opens(u) ? _opening(u) : 0);
  const newPage = () => {
    pages.push(page);
    page = { number: page.number + 1, parts: [] };
    used = 0;
  };
  units.forEach((u, i) => {
    if (u.breakBefore && page.parts.length > 0) newPage();
    if (i > chainEnd) {
      // A chain that does not fit here but would on a fresh page moves there whole.
      chainEnd = _chainEnd(units, i);
      const rest = units.slice(i + 1, chainEnd + 1).reduce((s, c) => s + c.height + (c.row === 0 ? ROW_RULE : 0), 0);
      if (page.parts.length > 0 && used + need(u) + rest > TEXT_HEIGHT && _opening(u) + u.height + rest <= TEXT_HEIGHT) newPage();
    }
    if (page.parts.length > 0 && used + need(u) > TEXT_HEIGHT) newPage();
    used += need(u);
    _place(page, u, blocks);
  });
  pages.push(page);
  return pages;
}

function _place(page: Page, u: Unit, blocks: readonly DocBlock[]): void {
  const last = page.parts.at(-1);
  const kind = blocks[u.block]!.kind;
  if (u.line) {
    if (last?.kind === 'lines' && last.block === u.block) {
      last.lines.push(u.line.runs);
      last.ends = u.line.last;
    } else page.parts.push({ kind: 'lines', block: u.block, from: u.line.index, lines: [u.line.runs], ends: u.line.last });
  } else if (u.row !== undefined) {
    if (last?.kind === 'rows' && last.block === u.block) last.rows.push(u.row);
    else page.parts.push({ kind: 'rows', block: u.block, head: u.head!.rows.includes(u.row) ? [] : u.head!.rows, rows: [u.row] });
  } else if (kind === 'title' || kind === 'signature') {
    page.parts.push({ kind, block: u.block });
  }
}
