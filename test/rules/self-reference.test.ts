// R33: the unit names itself by another kind of organ (我委 in a 局's report), a sentence carried
// over from another unit's report. On the corpus it finds exactly #10's 我委.
import { describe, expect, it } from 'vitest';
import { busy, findingsOf, published, real } from './helpers';

const withText = (organ: string, text: string) => {
  const r = busy();
  r.organ.name = organ;
  r.narrative['overview.request'] = text;
  return r;
};

describe('R33: the unit calls itself what it is', () => {
  it('names a 我委 in a 局’s report, with the place and the quote', () => {
    const text = real('10_', '我委在答复申请时，严格按照《中华人民共和国政府信息公开条例》规定出具告知书');
    for (const r of [withText('平潭综合实验区财政金融局', text), published(withText('平潭综合实验区财政金融局', text))]) {
      expect(findingsOf('R33', r).map((f) => [f.level, f.text, f.params.found, f.params.self])).toEqual([['warning', 'overview.request', '我委', '我局']]);
    }
    expect(findingsOf('R33', withText('某县某镇人民政府', '我局严格按照要求办理。'))[0]?.message).toMatch(/^一、总体情况 · .*：正文自称“我局”，而本机关是“某县某镇人民政府”，应为“我镇”/); // made up
  });

  it('passes the right word, words that only begin like one, and organs of kinds not listed', () => {
    const fine: [string, string][] = [
      ['三营镇人民政府', real('002_', '我镇未收到信息公开申请')],
      ['三营镇人民政府', '推进我乡镇政务公开，助力我乡村振兴。'], // made up
      ['平潭综合实验区财政金融局', '我局委托第三方开展评估，我委员会成员单位配合。'], // made up
      ['某县人民政府', '我委、我局、我镇分别办理。'], // made up: a 人民政府 is none of the kinds
      ['某县发展和改革委员会', '我委在答复申请时严格依法。'], // made up
      ['某县某乡人民政府', '我乡全年未收到申请。'], // made up
      ['某县卫生健康委员会直属局', '我委统一部署，我局具体办理。'], // made up: 委 is in the organ's own name
    ];
    for (const [organ, text] of fine) expect(findingsOf('R33', withText(organ, text)), text).toEqual([]);
  });
});
