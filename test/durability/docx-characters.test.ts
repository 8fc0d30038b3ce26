// Every character XML 1.0 forbids, and the bidi controls, against the real .docx writer and two
// real readers (xmllint on every part, LibreOffice converting the file), and in CLI output.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseReport, type Report } from '../../src/core';
import { documentText, safeFileName, terminalText, xmlSafeText } from '../../src/core/report/sanitize';
import { nodeRegistry } from '../../src/node/templates';
import { renderDocx } from '../../src/render/docx/render-docx';
import { exportFileName } from '../../src/render/docx/file-name';
import { convert, pdfText } from '../helpers/libreoffice';

/** The Char production of XML 1.0 (§2.2), over whole code points. */
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** One of each kind: C0 controls, U+FFFE, U+FFFF, a lone low and a lone high surrogate, bidi overrides and isolates. */
const HOSTILE = '\u0000\u0001\u0008\u000B\u000C\u000E\u001B\u001F\uFFFE\uFFFF\uDFFF\uD800\u202E\u202A\u2066\u200F';

function loadExample(): { report: Report; template: ReturnType<typeof nodeRegistry>['all'][number] } {
  const parsed = parseReport(JSON.parse(readFileSync('examples/seed-002.report.json', 'utf8')), nodeRegistry().get);
  if (!parsed.ok) throw new Error('example does not parse');
  return parsed;
}

describe('text bound for a .docx', () => {
  it('keeps only what XML 1.0 allows, whatever the string (lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)) }), (a, b) => {
        const clean = documentText(a + b);
        expect(clean).toMatch(XML_CHAR);
        expect(clean).not.toMatch(BIDI);
      }),
      { seed: 14, numRuns: 2000 },
    );
  });

  it('keeps tab, newline, Chinese and characters beyond the BMP', () => {
    expect(xmlSafeText('甲\t乙\r\n丙\r丁𠀀😀')).toBe('甲\t乙\n丙\n丁𠀀😀');
    expect(terminalText('a\u001B[31mb\u009Bc\u202Ed')).toBe('a[31mbcd');
  });
});

describe('a report full of forbidden characters', () => {
  it('renders a .docx whose every part is well-formed XML, that LibreOffice opens, without bidi controls', async () => {
    const { report, template } = loadExample();
    const organ = `原州区${HOSTILE}三营镇`;
    const hostile: Report = {
      ...report,
      organ: { ...report.organ, name: organ, titleName: organ },
      contact: { ...report.contact, office: `党政办${HOSTILE}` },
      narrative: { ...report.narrative, preface: `${report.narrative.preface ?? ''}${HOSTILE}结尾`, problems: `问题${HOSTILE}\u0007改进` },
    };
    const bytes = await renderDocx(template, hostile, { draft: true });
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-chars-'));
    const parts = unzipSync(bytes);
    for (const [name, data] of Object.entries(parts).filter(([n]) => /\.(xml|rels)$/.test(n))) {
      const file = join(dir, name.replace(/[/[\]]/g, '_'));
      writeFileSync(file, data);
      execFileSync('xmllint', ['--noout', file]); // throws on a forbidden character
      expect(strFromU8(data)).toMatch(XML_CHAR);
      expect(strFromU8(data)).not.toMatch(BIDI);
    }
    expect(strFromU8(parts['word/document.xml']!)).toContain('原州区三营镇');
    const docx = join(dir, 'hostile.docx');
    writeFileSync(docx, bytes);
    const text = pdfText(convert([docx], 'pdf').files[0]!).replace(/\s+/g, '');
    expect(text).toContain('原州区三营镇2023年政府信息公开工作年度报告');
    expect(text).toContain('问题改进');
  });

  it('keeps bidi controls and escapes out of the file name', () => {
    const { report, template } = loadExample();
    const evil: Report = { ...report, organ: { ...report.organ, name: `三营镇\u202Excod.exe\u001B[2J`, titleName: `三营镇\u202Excod.exe` } };
    const name = exportFileName(template, evil);
    expect(name).toBe('三营镇xcod.exe2023年政府信息公开工作年度报告.docx');
    expect(safeFileName('con', '.docx')).toBe('con_.docx');
    expect(safeFileName(' . ', '.docx')).toBe('报告.docx');

  });
});
