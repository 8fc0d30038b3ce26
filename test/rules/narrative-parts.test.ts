// R34: a total in the narrative whose 其中 parts add up to more (corpus #25: 2602条, parts 2603).
// Parts adding up to less may list the main kinds only and pass; a clause comparing with last
// year or telling another channel ends the list.
import { describe, expect, it } from 'vitest';
import { busy, findingsOf, real, realTexts } from './helpers';

const withText = (text: string) => {
  const r = busy();
  r.narrative['overview.active'] = text;
  return findingsOf('R34', r);
};

describe('R34: 其中 parts not above their total', () => {
  it('names #25, whose eleven kinds add up to one more than the 2602 it states', () => {
    const text = real('25_', '共公布政府信息2602条(其中机构职能类信息82条，政策、规范性文件类信息80条，规划计划类信息21条，行政许可类信息40条，重大建设项目信息390条，为民办实事类信息69条，民政扶贫救灾社会保障就业类信息143条，国土资源城乡建设环保能源类信息208条，科教文体卫生类信息246条，安全生产、应急管理类信息271条，其他应主动公开政府信息1053条)，对于主动公开的政府信息');
    expect(withText(text).map((f) => [f.level, f.text, f.params.total, f.params.sum, f.params.count])).toEqual([['warning', 'overview.active', 2602, 2603, 11]]);
  });

  it('passes parts equal to the total, a list of the main kinds only, and what follows the list', () => {
    const fine = [
      real('22_', '主动公开政府信息31条，其中机构职能类信息2条，政策、规范性文件信息2条，行政许可类信息6条，规划设计信息3条，为民办实事类信息1条，科教文体卫生类信息11条，其他应主动公开政府信息6条。'),
      real('01_', '160条，其中机关职能类信息13条，行政许可类信息4条，财政预决算类信息2条'),
      real('23_', '共发布政府信息（文件）687份，其中主动公开299份，依申请公开及不予公开388份，立案查处各类违法行为并作出行政处罚决定640起'),
      '主动公开信息50条，其中政策文件20条，较上年增长40条；通过微信发布信息80条。', // made up
      '主动公开信息50条（其中政策文件20条、其他30条），新媒体信息300条。', // made up
    ];
    for (const t of fine) expect(withText(t), t).toEqual([]);
  });

  it('over every corpus and seed text, finds #25 only', () => {
    const hits = realTexts().filter(({ text }) => withText(text).length > 0);
    expect(hits.map((h) => h.file.slice(0, 3))).toEqual(['25_']);
  });
});
