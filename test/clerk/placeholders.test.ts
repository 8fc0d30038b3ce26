// Nothing unfinished is published: the placeholders an empty contact fact leaves in the printed
// preface refuse a final export (R22, an error in final mode, unfinished in a draft), in the
// rules and in `nianbao render`; the contact facts carry over into next year's report.
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReport, composeDocument, nextYearReport, type Report } from '../../src/core';
import { runRender } from '../../src/cli/render';
import type { Io } from '../../src/cli/io';
import { busy, template } from '../core/fixtures';

const r22 = (r: Report, mode: 'final' | 'draft') => checkReport(template, r, { mode }).filter((f) => f.rule === 'R22');

/** The busy report with its own preface removed, so the template's default is printed. */
function defaultPreface(contact: Partial<Report['contact']>): Report {
  const r = busy();
  r.narrative.preface = '';
  r.contact = { office: '', phone: '', email: '', website: '', ...contact };
  return r;
}

describe('placeholders of the default preface', () => {
  it('each empty contact fact is an error in final mode and unfinished in a draft, naming the placeholder', () => {
    const r = defaultPreface({ office: '某镇党政办', phone: '0591-23107633', email: 'zwgk@example.gov.cn' });
    const [found] = r22(r, 'final');
    expect(found?.level).toBe('error');
    expect(found?.text).toBe('preface');
    expect(found?.params.found).toBe('（网址）');
    expect(r22(r, 'draft').map((f) => f.level)).toEqual(['incomplete']);
    for (const [fact, shown] of [['office', '（联系单位）'], ['phone', '（电话）'], ['email', '（电子邮箱）']] as const) {
      const one = defaultPreface({ website: 'https://www.example.gov.cn', office: '某镇党政办', phone: '0591-23107633', email: 'zwgk@example.gov.cn', [fact]: '' });
      expect(r22(one, 'final').map((f) => f.params.found), fact).toEqual([shown]);
    }
  });
  it('with every contact fact filled the printed preface has no placeholder and R22 says nothing', () => {
    const r = defaultPreface({ website: 'https://www.example.gov.cn', office: '某镇党政办', phone: '0591-23107633', email: 'zwgk@example.gov.cn' });
    expect(r22(r, 'final')).toEqual([]);
    const printed = JSON.stringify(composeDocument(template, r));
    expect(printed).toContain('请联系某镇党政办');
  });
  it('a preface the clerk wrote is checked as written, and a labelled phone number is not a placeholder', () => {
    const r = defaultPreface({});
    r.narrative.preface = '本报告电子版在本镇门户网站发布。联系方式（电话）：0591-23107633。'; // made up
    expect(r22(r, 'final')).toEqual([]);
    r.narrative.preface = '如有疑问，请联系（联系单位），联系电话：（电话）。'; // made up
    expect(r22(r, 'final').map((f) => f.params.found)).toEqual(['（联系单位）']);
  });
  it('nianbao render refuses the final document and writes the draft', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-clerk-'));
    const file = join(dir, 'r.report.json');
    writeFileSync(file, JSON.stringify(defaultPreface({ office: '某镇党政办', phone: '0591-23107633', email: 'zwgk@example.gov.cn' })));
    const err: string[] = [];
    const io: Io = { out: () => {}, err: (s) => void err.push(s) };
    const out = join(dir, 'r.docx');
    expect(await runRender([file, '-o', out, '--today', '2025-01-10'], io)).toBe(1);
    expect(err.join('\n')).toContain('R22');
    expect(err.join('\n')).toContain('（网址）');
    expect(existsSync(out)).toBe(false);
    expect(await runRender([file, '-o', out, '--draft', '--today', '2025-01-10'], io)).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
  it('next year keeps the contact facts, so its printed preface has no placeholder', () => {
    const contact = { website: 'https://www.example.gov.cn', office: '某镇党政办', phone: '0591-23107633', email: 'zwgk@example.gov.cn' };
    const next = nextYearReport(template, defaultPreface(contact));
    expect(next.contact).toEqual(contact);
    expect(r22(next, 'final')).toEqual([]);
  });
});
