// R31: a bracket or quote without its partner. Over every corpus and seed report it finds exactly
// the three real slips (国办函〔2020〕109号）with its （ lost) and nothing in correct prose.
import { describe, expect, it } from 'vitest';
import { findUnpaired } from '../../src/core/rules/kinds/paired';
import { busy, findingsOf, published, real, realTexts, template } from './helpers';

const rule = template.rules.find((r) => r.kind === 'paired-punctuation') as Extract<(typeof template.rules)[number], { kind: 'paired-punctuation' }>;
const unpaired = (text: string) => findUnpaired(text, rule.pairs, rule.itemNumbers).map((h) => h.match);

describe('R31: brackets and quotes in pairs', () => {
  it('over all real prose, finds exactly the real lone brackets', () => {
    const hits = realTexts().flatMap(({ file, text }) =>
      findUnpaired(text, rule.pairs, rule.itemNumbers).map((h) => `${file.slice(0, 3)}${text.slice(h.index - 10, h.index + 1)}`),
    );
    expect(hits.sort()).toEqual(['04_〔2020〕109号）', '19_〔2020〕109号）', '20_〔2020〕109号）']);
  });

  it('names the text slot and quotes the lone mark, in a draft and in a published report', () => {
    const r = busy();
    r.narrative.other = `按照《国务院办公厅关于印发<政府信息公开信息处理费管理办法>的通知》${real('19_', '国办函〔2020〕109号）规定的按件、按量收费标准')}，本年度没有产生信息公开处理费。`;
    for (const report of [r, published(r)]) {
      expect(findingsOf('R31', report).map((f) => [f.text, f.level, f.params.count, f.message])).toEqual([
        ['other', 'warning', 1, '六、其他需要报告的事项：括号或引号缺少与之配对的另一半“0〕109号）规定的按件、”（共1处），请补全'],
      ]);
    }
  });

  it('finds a bracket, a title mark or a quote left open', () => {
    expect(unpaired('依据《政府信息公开条例，编制本报告。')).toEqual(['《']); // made up
    expect(unpaired('开展“政务公开日活动，（详见附件。')).toEqual(['“', '（']); // made up
  });

  it('pairs a full-width with a half-width bracket and passes item numbers and nesting', () => {
    const fine = [
      real('02_', '局办公室联系(地址：平潭综合实验区国昌路1号中原安置小区；邮编：350400；电话：0591-23107633；传真：0591-23100312）'),
      real('20_', '(三）政府信息管理'),
      real('21_', '（国办函〔2020〕109号）'),
      '一是完善制度：1）健全审核机制；2）规范发布流程。二）加强培训。a) 网站栏目（含“政策解读”专栏）更新及时。', // made up
    ];
    for (const t of fine) expect(unpaired(t), t).toEqual([]);
    const r = busy();
    r.narrative.other = fine.join('');
    expect(findingsOf('R31', r)).toEqual([]);
  });
});
