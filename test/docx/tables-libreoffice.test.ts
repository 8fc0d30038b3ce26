// The .docx tables as LibreOffice lays them out (one soffice call for every document here):
// nine-digit numbers stay on one line in every value column of the three templates, no header or
// row label wraps into an orphan (商业企/业), and a page that holds rows of a merged group of 三
// also holds the group's label, wherever a narrative before it pushes the table, and when a
// group is taller than a page and has to be cut.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellText, computeValues, loadTemplate, type Report, type Template } from '../../src/core';
import { isOrphaned } from '../../src/core/layout/columns';
import { renderDocx } from '../../src/render/docx/render-docx';
import { nodeRegistry } from '../../src/node/templates';
import { busy, readReport, template } from '../core/fixtures';
import { convert, pdfPages } from '../helpers/libreoffice';
import { parts, tables } from './docx-parts';

const NINE = 123456789;

/**
 * Every input 0, except one input per value column of each grid (the first body row that has
 * one there) set to nine digits; the sums stay within nine digits.
 */
function _nineDigits(t: Template, report: Report): Report {
  const r = structuredClone(report);
  delete r.printed;
  r.values = Object.fromEntries(t.inputCells.map((c) => [c.id, 0]));
  for (const g of t.grids) {
    const seen = new Set<string>();
    for (const c of g.cells) {
      if (c.computed || seen.has(c.column)) continue;
      seen.add(c.column);
      r.values[c.id] = NINE;
    }
  }
  return r;
}

/** The 2021 template with the outcome rows of 三 given long labels: the group is taller than a page. */
function _tallTemplate(): Template {
  const spec = JSON.parse(readFileSync(new URL('../../templates/gov-info-2021.json', import.meta.url), 'utf8'));
  const grid = spec.grids.find((g: { id: string }) => g.id === 'applications');
  const outcome = grid.blocks[0].rows.find((r: { id: string }) => r.id === 'outcome');
  const lengthen = (row: { label: string; children?: unknown[] }) => {
    if (row.children) (row.children as (typeof row)[]).forEach(lengthen);
    else row.label += '（此处为测试用的较长说明文字，使本行在表格中折成多行，从而让整组办理结果高于一页）';
  };
  outcome.children.forEach(lengthen);
  return loadTemplate(spec);
}

interface Doc {
  name: string;
  template: Template;
  report: Report;
  docx: string;
  pdf: string;
}

const registry = nodeRegistry();
const docs: Doc[] = [];
let dir = '';
const LINE_OF_TEXT = '本机关持续深化政务公开围绕重点领域信息公开政策解读和回应关切开展工'; // 28 characters: one body line

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-tables-'));
  const t2019 = registry.get('gov-info-2019')!;
  const t2008 = registry.get('gov-info-2008')!;
  const add = (name: string, t: Template, report: Report) => docs.push({ name, template: t, report, docx: join(dir, `${name}.docx`), pdf: '' });
  add('nine-2021', template, _nineDigits(template, busy()));
  add('nine-2019', t2019, _nineDigits(t2019, readReport('examples/seed-003.report.json')));
  add('nine-2008', t2008, _nineDigits(t2008, readReport('examples/seed-000.report.json')));
  // A narrative before 三 from 0 to 21 body lines long: the table starts everywhere on a page.
  for (let lines = 0; lines <= 21; lines += 3) {
    const r = busy();
    r.narrative['applications'] = LINE_OF_TEXT.repeat(lines) + '做到应公开尽公开。';
    add(`pushed-${lines}`, template, r);
  }
  const tall = _tallTemplate();
  add('tall-group', tall, busy());
  for (const d of docs) writeFileSync(d.docx, await renderDocx(d.template, d.report));
  const { files } = convert(
    docs.map((d) => d.docx),
    'pdf',
    join(dir, 'pdf'),
  );
  files.forEach((f, i) => (docs[i]!.pdf = f));
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const doc = (name: string) => docs.find((d) => d.name === name)!;
const pageText = (pdf: string, page: number) => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
const words = (pdf: string) => [...execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => m[1]!);

interface Token {
  text: string;
  /** The text line of the page it is on. */
  line: number;
}

const _tokens = (text: string): Token[] =>
  text.split('\n').flatMap((l, line) => l.split(/\s+/).filter(Boolean).map((t) => ({ text: t, line })));

/**
 * The lines a label is printed in: pdftotext puts each line of a cell on a line of its own
 * (cells side by side share a text line, split by spaces; so is a digit from the characters
 * around it), so the label is a token, or pieces that follow each other within a few tokens,
 * pieces on the same text line being one line of the cell. Returns every way it was found.
 */
function _printedLines(tokens: Token[], label: string): string[][] {
  const found: string[][] = [];
  tokens.forEach((token, i) => {
    if (token.text === label) found.push([token.text]);
    else if (label.startsWith(token.text)) {
      const lines = [token.text];
      let line = token.line;
      let rest = label.slice(token.text.length);
      for (let k = i + 1; k < tokens.length && k <= i + 12 && rest; k++) {
        const t = tokens[k]!;
        if (!rest.startsWith(t.text)) continue;
        if (t.line === line) lines[lines.length - 1] += t.text;
        else lines.push(t.text);
        line = t.line;
        rest = rest.slice(t.text.length);
      }
      if (!rest) found.push(lines);
    }
  });
  return found;
}

describe('LibreOffice lays out the tables', () => {
  it('a nine-digit number stays on one line in every value column (2021, 2019 and 2008 templates)', () => {
    for (const name of ['nine-2021', 'nine-2019', 'nine-2008']) {
      const d = doc(name);
      const values = computeValues(d.template, d.report);
      const texts = d.template.grids.flatMap((g) => g.cells.map((c) => cellText(values.get(c.id))));
      const long = texts.filter((t) => t.replace(/\D/g, '').length === 9);
      // every value column of every grid has one
      const columns = d.template.grids.flatMap((g) => [...new Set(g.cells.map((c) => `${g.id}:${c.column}`))]);
      expect(long.length, name).toBeGreaterThanOrEqual(columns.length);
      expect(texts.every((t) => t.replace(/\D/g, '').length <= 9), name).toBe(true);
      // A number cut at the margin would print as two words; each prints whole, as often as the cells hold it.
      const printed = words(d.pdf);
      for (const text of new Set(long)) {
        expect(printed.filter((w) => w === text).length, `${name}: ${text}`).toBe(long.filter((t) => t === text).length);
      }
    }
  });

  it('no column header or row label wraps into an orphan (a last line of one or two characters)', () => {
    for (const name of ['nine-2021', 'pushed-0', 'nine-2019', 'nine-2008']) {
      const d = doc(name);
      const tokens = _tokens(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', d.pdf, '-'], { encoding: 'utf8' }));
      const labels = [...new Set(d.template.grids.flatMap((g) => g.rows.flatMap((r) => r.items)).flatMap((i) => (i.type === 'header' && i.label.length > 2 ? [i.label] : [])))];
      for (const label of labels) {
        const found = _printedLines(tokens, label);
        expect(found.length, `${name}: ${label} not found`).toBeGreaterThan(0);
        for (const lines of found) expect(isOrphaned(lines), `${name}: ${lines.join(' / ')}`).toBe(false);
      }
    }
  });

  it('every page holding rows of a merged group of 三 holds its label, wherever the table starts', () => {
    const groups = template.grid('applications').rows.flatMap((row, r, rows) =>
      row.items.flatMap((item) => {
        if (item.type !== 'header' || item.role !== 'row' || item.rowSpan < 2) return [];
        // the labels of the group's own rows (one row high)
        const members = rows.slice(r, r + item.rowSpan).flatMap((x) => x.items.flatMap((i) => (i.type === 'header' && i.role === 'row' && i.rowSpan === 1 ? [i.label] : [])));
        return [{ label: item.label, members }];
      }),
    );
    expect(groups.map((g) => g.label)).toContain('三、本年度办理结果');
    const strip = (s: string) => s.replace(/\s+/g, '');
    let pagesWithGroups = 0;
    for (const d of docs.filter((x) => x.name.startsWith('pushed-'))) {
      for (let p = 1; p <= pdfPages(d.pdf); p++) {
        const text = strip(pageText(d.pdf, p));
        for (const g of groups) {
          const here = g.members.filter((m) => text.includes(strip(m)));
          if (here.length === 0) continue;
          pagesWithGroups++;
          // a wrapped label prints in pieces between its neighbours' lines
          const pieces = new RegExp([...g.label].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^]{0,400}?'));
          expect(pieces.test(text), `${d.name} page ${p}: ${here[0]} without ${g.label}`).toBe(true);
        }
      }
    }
    expect(pagesWithGroups).toBeGreaterThan(0);
  });

  it('a group taller than a page is cut, and the page that continues it starts with its label again', () => {
    const d = doc('tall-group');
    const grid = d.template.grid('applications');
    const xml = tables(parts(readFileSync(d.docx)).get('word/document.xml')!)[d.template.grids.indexOf(grid)]!;
    const restarts = (label: string) => xml.rows.flatMap((r) => r.cells).filter((c) => c.vMerge === 'restart' && c.text === label).length;
    expect(restarts('三、本年度办理结果')).toBeGreaterThan(1);
    // In the PDF: every page after the first that holds outcome rows begins its body with the label.
    const outcomeRows = grid.rows.flatMap((r) => r.items).flatMap((i) => (i.type === 'header' && i.rowSpan === 1 && i.label.includes('测试用') ? [i.label.slice(0, 6)] : []));
    const pages = Array.from({ length: pdfPages(d.pdf) }, (_, i) => pageText(d.pdf, i + 1).replace(/\s+/g, ''));
    const holding = pages.map((t, i) => ({ t, i })).filter(({ t }) => outcomeRows.some((r) => t.includes(r)));
    expect(holding.length).toBeGreaterThan(1);
    for (const { t, i } of holding) {
      const label = /三[^]{0,40}?、[^]{0,40}?本[^]{0,40}?年[^]{0,40}?度/.exec(t);
      expect(label, `page ${i + 1} holds outcome rows without 三、本年度办理结果`).not.toBeNull();
      // the label comes before the first outcome row on the page (after the repeated header rows)
      const first = Math.min(...outcomeRows.map((r) => t.indexOf(r)).filter((at) => at >= 0));
      expect(label!.index, `page ${i + 1}`).toBeLessThan(first);
    }
  });
});
