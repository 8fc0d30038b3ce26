// Pasted web text → SourceDoc. Lines holding a tab (or a "|" table row) are table rows; tables
// run on across empty lines (web copies break tables with them), and a line of prose ends them.
import { ImportError, LIMITS, type SourceBlock, type SourceCell, type SourceDoc } from './source';

const _isPipeRow = (line: string) => (line.match(/\|/g)?.length ?? 0) >= 2;
/** The line under a Markdown table's header: layout, not a row of dashes meaning blanks. */
const _isRule = (line: string) => /^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*(:?-{3,}:?\s*)?\|?\s*$/.test(line);

function _cells(line: string): SourceCell[] {
  const parts = line.includes('\t') ? line.split('\t') : line.replace(/^\s*\|/, '').replace(/\|\s*$/, '').split('|');
  if (parts.length > LIMITS.rowCells) throw new ImportError(`表格的一行有 ${parts.length} 格，超过上限 ${LIMITS.rowCells}，无法导入`);
  return parts.map((text, col) => ({ text: text.trim(), col, span: 1 }));
}

export function readText(text: string): SourceDoc {
  if (text.length > LIMITS.textChars) {
    throw new ImportError(`粘贴的文字有 ${text.length} 个字符，超过上限 ${LIMITS.textChars}，无法导入`);
  }
  // Binary noise: NUL and other control characters besides tab and line breaks.
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Tab, line breaks and the form feed a PDF tool puts between pages are layout.
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) controls++;
  }
  if (controls > 0 && controls > text.length / 1000) {
    throw new ImportError('内容含有大量不可显示的字符，不像是报告文字（是否选错了文件？）');
  }
  const lines = text.replace(/\r\n?|\f/g, '\n').split('\n');
  if (lines.length > LIMITS.blocks) throw new ImportError(`文字有 ${lines.length} 行，超过上限 ${LIMITS.blocks}，无法导入`);
  const blocks: SourceBlock[] = [];
  let table: SourceCell[][] | null = null;
  let cells = 0;
  for (const raw of lines) {
    const line = raw.replace(/\u00a0/g, ' ');
    if (table && _isRule(line)) continue;
    if (line.includes('\t') || _isPipeRow(line)) {
      if (!table) {
        table = [];
        // Pipes mark every cell, empty ones included: a Markdown table's columns are exact.
        blocks.push(line.includes('\t') ? { kind: 'table', rows: table } : { kind: 'table', rows: table, exactColumns: true });
      }
      const row = _cells(line);
      cells += row.length;
      if (table.length >= LIMITS.tableRows) throw new ImportError(`表格超过 ${LIMITS.tableRows} 行，无法导入`);
      if (cells > LIMITS.totalCells) throw new ImportError(`表格单元格总数超过 ${LIMITS.totalCells}，无法导入`);
      table.push(row);
      continue;
    }
    const t = line.trim();
    if (!t) continue; // an empty line neither ends a table nor makes a paragraph
    table = null;
    blocks.push({ kind: 'paragraph', text: t });
  }
  return { kind: 'text', exactColumns: false, blocks };
}
