// The signature of real reports as printed: older documents write the 成文日期 in Chinese numerals
// with a circle for 〇 (二○一○年四月十日), and a page's text runs the 附表 on after it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAny, readText } from '../../src/import';
import { nodeRegistry } from '../../src/node/templates';

const registry = nodeRegistry();
const corpus12 = readFileSync(new URL('../fixtures/corpus/12_pingtan-county-finance-2009.txt', import.meta.url), 'utf8');
const read = (text: string) => importAny(readText(text), registry, { form: 'text' });

describe('a signature dated in Chinese numerals with ○, the 附表 run on after it (corpus #12)', () => {
  it('is read: 平潭县财政局, 2010-04-10; the 附表 is neither the signature nor the text of 六', () => {
    const r = read(corpus12);
    expect(r.report.source?.shownDate).toBe('2010-04-10');
    expect(r.report.source?.shownDateKind).toBe('signature');
    expect(r.report.narrative.problems).toMatch(/融入日常业务工作。$/);
    expect(r.report.narrative.problems).not.toContain('指标名称');
    // The 附表's numbers are still read as the 统计表.
    expect(r.report.values['statistics:active.total:value']).toBe(6);
  });
  it('a date inside the last sentence, with no 附件 or 附表 after it, is not cut', () => {
    const r = read(corpus12.replace(/平潭县财政局 二○一○年四月十日 附表：[\s\S]*$/, '平潭县财政局 二○一○年四月十日'));
    expect(r.report.source?.shownDate).toBe('2010-04-10');
    const s = read(corpus12.replace(/ 平潭县财政局 二○一○年四月十日 附表：[\s\S]*$/, '于二○一○年四月十日附上说明。'));
    expect(s.report.source?.shownDateKind).not.toBe('signature');
    expect(s.report.narrative.problems).toMatch(/于二○一○年四月十日附上说明。$/);
  });
});
