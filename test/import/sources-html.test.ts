// HTML sources: the real saved page of the corpus (a full site page with navigation, search,
// share bar and footer around a Word-exported report), and clipboard HTML as a browser copy
// carries it (row and column spans, unclosed cells, scripts that must never run).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/import/read-html';
import { readPaste } from '../../src/import/sniff';
import { ImportError, type SourceBlock } from '../../src/import/source';
import { importAny } from '../../src/import';
import { nodeRegistry } from '../../src/node/templates';

const page = readFileSync(new URL('../fixtures/corpus/24_pingtan-county-gov-2013.html', import.meta.url), 'utf8');
const tables = (blocks: SourceBlock[]) => blocks.filter((b): b is Extract<SourceBlock, { kind: 'table' }> => b.kind === 'table');
const paragraphs = (blocks: SourceBlock[]) => blocks.filter((b): b is Extract<SourceBlock, { kind: 'paragraph' }> => b.kind === 'paragraph').map((b) => b.text);
const show = (rows: { text: string; col: number; span: number; covered?: boolean }[][]) =>
  rows.map((r) => r.map((c) => `${c.covered ? '^' : ''}${c.col}${c.span > 1 ? `+${c.span}` : ''}:${c.text}`));

describe('HTML: the real saved page of 平潭县人民政府 2013', async () => {
  const doc = await readHtml(page);

  it('reads the report and leaves the site around it out', () => {
    const text = paragraphs(doc.blocks);
    expect(text.slice(1, 3)).toEqual(['平潭县人民政府', '2013年政府信息公开工作年度报告']);
    expect(text).toContain('二、主动公开政府信息情况');
    expect(text).toContain('四、政府信息公开工作存在的主要问题及改进情况');
    const all = text.join('\n');
    for (const chrome of ['网站地图', '无障碍', '当前位置', '扫一扫', '分享到', '版权所有', 'var ', 'function(']) expect(all).not.toContain(chrome);
    // Chinese text broken over source lines comes back without stray spaces.
    expect(all).toContain('本报告主要根据《中华人民共和国政府信息公开条例》（以下简称《条例》）');
  });

  it('gives the date the site published it (<meta name="PubDate">) as the page’s 发布时间, not the text’s', async () => {
    expect(paragraphs(doc.blocks)[0]).toBe('发布时间：2014-01-22 00:00');
    const r = importAny(doc, nodeRegistry(), { form: 'html' });
    expect(r.report.source?.publishedDate).toBe('2014-01-22');
    expect(r.report.source?.shownDateKind).toBe('published');
    expect(r.report.narrative.preface ?? '').not.toContain('发布时间');
    // A page without the tag (a clipboard copy), or with no date in it, has none.
    const bare = await readHtml(page.replace(/<meta name="PubDate"[^>]*>/, ''));
    expect(paragraphs(bare.blocks)[0]).toBe('平潭县人民政府');
    const odd = await readHtml(page.replace(/<meta name="PubDate" content="[^"]*"/, '<meta name="PubDate" content="待定"'));
    expect(paragraphs(odd.blocks).some((t) => t.startsWith('发布时间'))).toBe(false);
  });

  it('reads the 统计表 cell by cell with exact columns', () => {
    expect(doc.exactColumns).toBe(true);
    const [t] = tables(doc.blocks);
    expect(show(t!.rows).slice(0, 3)).toEqual([
      ['0:指标名称', '1:计量单位', '2:2013年度', '3:历年累计'],
      ['0:主动公开信息数', '1:条', '2:1853', '3:5395'],
      ['0:其中：1.网站公开', '1:条', '2:1713', '3:5017'],
    ]);
    expect(t!.rows).toHaveLength(18);
  });
});

const clipboard = (body: string) =>
  `<html><head><meta charset="utf-8"><style>td{border:1px solid}</style></head><body><!--StartFragment-->${body}<!--EndFragment--></body></html>`;

describe('HTML: a browser copy on the clipboard', () => {
  it('places cells by rowspan and colspan, covered cells marked, unclosed <td> as the standard parses them', async () => {
    const { doc, form } = await readPaste({
      text: 'ignored when HTML is there',
      html: clipboard(`<table>
        <tr><td colspan=3 rowspan=3>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）<td colspan=7>申请人情况
        <tr><td rowspan=2>自然人<td colspan=5>法人或其他组织<td rowspan=2>总计
        <tr><td>商业企业<td>科研机构<td>社会公益组织<td>法律服务机构<td>其他
        <tr><td colspan=3>一、本年新收政府信息公开申请数量<td>12<td>0<td>0<td>1<td>0<td>0<td>13
      </table>`),
    });
    expect(form).toBe('html');
    const [t] = tables(doc.blocks);
    expect(show(t!.rows)).toEqual([
      ['0+3:（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '3+7:申请人情况'],
      ['^0+3:', '3:自然人', '4+5:法人或其他组织', '9:总计'],
      ['^0+3:', '^3:', '4:商业企业', '5:科研机构', '6:社会公益组织', '7:法律服务机构', '8:其他', '^9:'],
      ['0+3:一、本年新收政府信息公开申请数量', '3:12', '4:0', '5:0', '6:1', '7:0', '8:0', '9:13'],
    ]);
  });

  it('keeps paragraphs of block elements and line breaks, and drops scripts, styles and hidden parts', async () => {
    const { doc } = await readPaste({
      html: clipboard(`<h1>某某镇人民政府2023年政府信息公开工作年度报告</h1><script>document.title='x';alert(1)</script>
        <p>一、总体情况<br>2023年，本镇……</p><div style="display:none">隐藏的文字</div><img src=x onerror="alert(2)"><p>  二、主动公开政府信息情况 </p>`),
    });
    expect(paragraphs(doc.blocks)).toEqual(['某某镇人民政府2023年政府信息公开工作年度报告', '一、总体情况', '2023年，本镇……', '二、主动公开政府信息情况']);
  });

  it('a paste without HTML is read as text; a paste of page source as text is read as HTML', async () => {
    expect((await readPaste({ text: '一、总体情况\n二、主动公开政府信息情况' })).form).toBe('text');
    const source = await readPaste({ text: '<table><tr><td>规章</td><td>1</td></tr><tr><td>行政规范性文件</td><td>8</td></tr></table>' });
    expect(source.form).toBe('html');
    expect(show(tables(source.doc.blocks)[0]!.rows)).toEqual([
      ['0:规章', '1:1'],
      ['0:行政规范性文件', '1:8'],
    ]);
  });

  it('a layout table holding the whole page in one column is read as paragraphs, not as a grid', async () => {
    const { doc } = await readPaste({ html: clipboard('<table><tr><td><p>标题</p><p>正文一</p></td></tr><tr><td><p>正文二</p></td></tr></table>') });
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: '标题' },
      { kind: 'paragraph', text: '正文一' },
      { kind: 'paragraph', text: '正文二' },
    ]);
  });

  it('refuses hostile nesting with a Chinese message instead of overflowing the stack', async () => {
    await expect(readHtml(`${'<div>'.repeat(5000)}x`)).rejects.toThrow(ImportError);
    await expect(readHtml(`${'<div>'.repeat(5000)}x`)).rejects.toThrow(/嵌套超过/);
  });
});
