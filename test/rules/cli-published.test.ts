// nianbao check --published: a report file checked as published (what the importer marks with
// source.kind does not need the flag). Runs the real CLI entry on a report file written here.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

async function run(...argv: string[]) {
  const out: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => out.push(l) });
  return { code, out: out.join('\n') };
}

describe('nianbao check --published', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-published-'));
  const seed = JSON.parse(readFileSync('examples/seed-002.report.json', 'utf8'));

  it('judges the 成文日期 the source lacks as a warning and never compares with today', async () => {
    const file = join(dir, 'seed.json');
    writeFileSync(file, JSON.stringify(seed));
    const draft = await run('check', file, '--final', '--today', '2026-12-01');
    expect(draft.out).toContain('错误 R16');
    expect(draft.out).toContain('警告 R15 今天');
    const published = await run('check', file, '--published', '--today', '2026-12-01');
    expect(published.out).toContain('警告 R16 报告基本信息：来源报告未印成文日期');
    expect(published.out).not.toContain('R15');
    // The seed's real placeholder 网民留言x件 is an error of a published report.
    expect(published.out).toContain('错误 R22');
    expect(published.code).toBe(1);
  });

  it('a file that carries source.kind = published is checked as published without the flag', async () => {
    const file = join(dir, 'imported.json');
    writeFileSync(file, JSON.stringify({ ...seed, source: { kind: 'published', form: 'text' } }));
    const r = await run('check', file, '--today', '2026-12-01');
    expect(r.out).toContain('警告 R16 报告基本信息：来源报告未印成文日期');
    expect(r.out).not.toContain('未完成 R16');
  });
});
