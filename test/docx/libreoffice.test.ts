// Real readers of the .docx: LibreOffice (to PDF, then pdftotext and pdftoppm) and pandoc.
// All documents of this file go through ONE soffice call (start-up is most of its cost):
// seed 002 as a draft, the busy example as a final export, a report with a long narrative for
// the 22-lines-a-page check, and a few random reports (fast-check) for the numbers round trip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { cellText, computeValues, type Report } from '../../src/core';
import { renderDocx } from '../../src/render/docx/render-docx';
import { busy, seed002, template } from '../core/fixtures';
import { convert, pdfPages, pdfText, pdfToPngs } from '../helpers/libreoffice';

const LABELS = readFileSync(new URL('../fixtures/labels-2021.txt', import.meta.url), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
const OUT = 'test-output/docx';
const RANDOM_RUNS = 3;
const SEED = Number(process.env.NIANBAO_FC_SEED ?? Date.now() % 1_000_000);

/** Random values for every input cell: counts up to 5 digits, amounts with up to 4 decimals, some blanks. */
const valuesArb = fc.tuple(
  ...template.inputCells.map((c) =>
    c.kind === 'amount'
      ? fc.option(fc.integer({ min: 0, max: 99_999_999 }).map((n) => n / 10_000), { freq: 8 })
      : fc.option(fc.nat({ max: 99_999 }), { freq: 8 }),
  ),
);

function _withValues(values: (number | null)[]): Report {
  const r = seed002();
  r.values = Object.fromEntries(template.inputCells.map((c, i) => [c.id, values[i] ?? null]));
  return r;
}

function _longReport(): Report {
  const r = busy();
  const sentence = '本机关持续深化政务公开，围绕重点领域信息公开、政策解读和回应关切开展工作，做到应公开尽公开。';
  // One long paragraph: page 2 lies inside it, so widow control cannot move lines.
  r.narrative['overview.active'] = sentence.repeat(60);
  return r;
}

interface Doc {
  name: string;
  report: Report;
  draft?: boolean;
  docx: string;
  pdf?: string;
}

const docs: Doc[] = [];
let dir = '';

/** Words of one page with their boxes (pdftotext -bbox). */
function _words(pdf: string, page: number): { x: number; y: number; text: string }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    text: m[3]!,
  }));
}

const _strip = (s: string) => s.replace(/\s+/g, '');

/** The characters of a label in order, with at most 300 characters of other cells (or a page break) between them. */
const _interleaved = (label: string) =>
  new RegExp([...label].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]{0,300}?'));

/** Values of every grid cell as printed, in reading order (blanks left out). */
function _expectedNumbers(report: Report): string[] {
  const values = computeValues(template, report);
  return template.grids.flatMap((g) => g.cells.map((c) => cellText(values.get(c.id)))).filter(Boolean);
}

/** Is `want` a subsequence of `have`? Returns the first element that could not be matched. */
function _subsequence(have: string[], want: string[]): string | null {
  let i = 0;
  for (const w of want) {
    while (i < have.length && have[i] !== w) i++;
    if (i >= have.length) return w;
    i++;
  }
  return null;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-docx-'));
  docs.push({ name: 'seed-002-draft', report: seed002(), draft: true, docx: '' });
  docs.push({ name: 'busy-final', report: busy(), docx: '' });
  docs.push({ name: 'long-narrative', report: _longReport(), docx: '' });
  fc.sample(valuesArb, { seed: SEED, numRuns: RANDOM_RUNS }).forEach((values, i) => {
    docs.push({ name: `random-${i}`, report: _withValues(values), docx: '' });
  });
  for (const d of docs) {
    d.docx = join(dir, `${d.name}.docx`);
    writeFileSync(d.docx, await renderDocx(template, d.report, { draft: d.draft }));
  }
  const { files } = convert(docs.map((d) => d.docx), 'pdf', join(dir, 'pdf'));
  files.forEach((f, i) => (docs[i]!.pdf = f));
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  for (const d of docs.slice(0, 3)) pdfToPngs(d.pdf!, join(OUT, d.name), 60);
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const doc = (name: string) => docs.find((d) => d.name === name)!;

describe('LibreOffice reads the .docx', () => {
  it('converts every document to a PDF with pages', () => {
    for (const d of docs) expect(pdfPages(d.pdf!), d.name).toBeGreaterThan(1);
  });

  it('every official label appears; the grid labels in the order of the resolved grids', () => {
    for (const name of ['seed-002-draft', 'busy-final']) {
      const text = _strip(pdfText(doc(name).pdf!));
      // A tall merged label wraps beside several rows, so its lines interleave with theirs.
      for (const label of LABELS) expect(_interleaved(_strip(label)).test(text), `${name}: ${label}`).toBe(true);
      // Labels that span one row keep their row's place; taller ones are centred vertically.
      const ordered = template.grids.flatMap((g) => g.rows.flatMap((r) => r.items)).flatMap((i) => (i.type === 'header' && i.rowSpan === 1 && i.label ? [_strip(i.label)] : []));
      let at = 0;
      for (const label of ordered) {
        const found = text.indexOf(label, at);
        expect(found, `${name}: ${label} after position ${at}`).toBeGreaterThanOrEqual(0);
        at = found + label.length;
      }
    }
  });

  it('every number of the grids appears, in order (busy example and random reports)', () => {
    for (const d of docs.filter((x) => x.name === 'busy-final' || x.name.startsWith('random-'))) {
      const tokens = pdfText(d.pdf!).match(/\d+(?:\.\d+)?/g) ?? [];
      const want = _expectedNumbers(d.report);
      expect(want.length).toBeGreaterThan(100);
      expect(_subsequence(tokens, want), `${d.name} (fast-check seed ${SEED})`).toBeNull();
    }
  });

  it('the draft says 草稿 on every page; the final export nowhere', () => {
    const draft = doc('seed-002-draft').pdf!;
    const pages = pdfPages(draft);
    expect(pdfText(draft).split('草稿').length - 1).toBe(pages);
    expect(pdfText(doc('busy-final').pdf!)).not.toContain('草稿');
  });

  it('page numbers "— N —": odd pages at the right, even pages at the left', () => {
    const pdf = doc('busy-final').pdf!;
    const pages = pdfPages(pdf);
    const text = pdfText(pdf);
    for (let n = 1; n <= pages; n++) expect(text).toContain(`— ${n} —`);
    for (const n of [1, 2]) {
      const words = _words(pdf, n);
      const number = words.filter((w) => w.text === String(n)).sort((a, b) => b.y - a.y)[0]!;
      // A4 is 595 pt wide
      if (n % 2) expect(number.x).toBeGreaterThan(595 / 2);
      else expect(number.x).toBeLessThan(595 / 2);
    }
  });

  it('a page of body text holds 22 lines (GB/T 9704: 每面排22行)', () => {
    const pdf = doc('long-narrative').pdf!;
    const words = _words(pdf, 2);
    const bottomOfText = 842 - 35 * (72 / 25.4); // page height minus the bottom margin, in pt
    const lines = new Set(words.filter((w) => w.y < bottomOfText).map((w) => Math.round(w.y)));
    expect(lines.size).toBe(22);
  });

  it('pandoc reads the same row and column spans as the resolved grids', () => {
    const json = JSON.parse(execFileSync('pandoc', [doc('busy-final').docx, '-t', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
    const found: number[][][] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') {
        const node = x as { t?: string; c?: unknown[] };
        if (node.t === 'Table' && node.c) {
          const [, , , head, bodies, foot] = node.c as [unknown, unknown, unknown, [unknown, Row[]], [unknown, unknown, Row[], Row[]][], [unknown, Row[]]];
          type Row = [unknown, [unknown, unknown, number, number, unknown][]];
          const rows: Row[] = [...head[1], ...bodies.flatMap((b) => [...b[2], ...b[3]]), ...foot[1]];
          found.push(rows.flatMap((r) => r[1].map((c) => [c[2], c[3]])));
        } else Object.values(node).forEach(walk);
      }
    };
    walk(json);
    expect(found).toHaveLength(template.grids.length);
    template.grids.forEach((g, i) => {
      expect(found[i], g.id).toEqual(g.rows.flatMap((r) => r.items.map((item) => [item.rowSpan, item.colSpan])));
    });
  });
});
