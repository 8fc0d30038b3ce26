// This year's texts a clerk writes over last year's in the clerk's path (test/clerk/clerk-path-full.test.ts):
// 原州区三营镇, 2024, nothing of 2023 named as this year's work, no placeholder.
export const THIS_YEAR_TEXTS: Record<string, string> = {
  overview: '2024年，三营镇人民政府认真贯彻落实《中华人民共和国政府信息公开条例》，围绕全镇中心工作推进政务公开，现将本年度政府信息公开工作情况报告如下。',
  'overview.active': '本年度，镇党政办公室统筹主动公开工作，重点公开乡村振兴项目、惠民惠农资金发放、防汛抗旱等群众关心的信息，做到应公开尽公开。',
  'overview.request': '本年度，镇党政办公室设专人受理政府信息公开申请，按照法定时限答复，答复书均经合法性审查后送达申请人。',
  'overview.management': '本年度修订了政府信息公开保密审查办法，坚持先审查后公开，全年未发生泄露工作秘密和个人信息的情况。',
  'overview.platforms': '本年度完成“三营发布”公众号改版，新增办事指南栏目，并指导各村在村务公开栏按季度更新公开内容。',
  'overview.oversight': '本年度将政务公开纳入各站所年度考核，镇纪委每半年开展一次督查，全年未发生政府信息公开责任追究情况。',
  problems: '上一年度指出的公开质量不高、政策解读不足两个问题已整改：本年度建立信息发布前复核制度，对出台的政策均配发图文解读。本年度仍存在的问题是村级公开内容更新不够及时，下一步将建立月度提醒和抽查机制。',
  other: '本年度按照《政府信息公开信息处理费管理办法》收取信息处理费，收费情况见第六部分。本年度办理政民互动渠道群众留言均按时回复。',
};
