// Regenerates examples/busy-subdistrict.report.json (a fictional 街道 with many non-zero, consistent
// numbers) and test/fixtures/broken/*.json: one crafted report per rule, each breaking exactly that
// rule, with test/fixtures/broken/expected.json naming the rule and the cells it must report.
import { writeFileSync, mkdirSync } from 'node:fs';
import { computeValues, createReport, type Report, type Template } from '../src/core';
import { nodeRegistry } from '../src/node/templates';

const template: Template = nodeRegistry().get('gov-info-2021')!;
const out = (path: string, value: unknown) => writeFileSync(new URL(`../${path}`, import.meta.url), `${JSON.stringify(value, null, 2)}\n`);

/** A consistent report: applications balance (R1), totals printed equal to their sums. */
export function busyReport(): Report {
  const r = createReport(template, 2024);
  r.organ = { name: '示例市示例区和平街道办事处', titleName: '示例区和平街道', level: 'subdistrict' };
  r.dates = { written: '2025-01-20', deadline: null };
  r.contact = { office: '和平街道党政办公室', phone: '0951-1234567', email: 'heping@example.gov.cn', website: '示例区人民政府门户网站政府信息公开专栏' };
  let seed = 7;
  const rnd = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
  for (const c of template.inputCells) {
    if (c.grid === 'applications') r.values[c.id] = ['new', 'carried-over', 'carry-forward'].includes(c.row) ? 0 : rnd(4);
    else if (c.kind === 'amount') r.values[c.id] = 12.3456;
    else r.values[c.id] = c.row === 'regulations' ? 0 : 1 + rnd(30);
  }
  // Balance every applicant column: new + carried = outcomes + carry-forward.
  for (const col of template.grid('applications').columnIds) {
    const id = (row: string) => `applications:${row}:${col}`;
    if (template.cells.get(id('new'))?.computed) continue;
    const v = computeValues(template, r);
    const outcomes = v.get(id('outcome-total')) ?? 0;
    r.values[id('carry-forward')] = 1 + rnd(3);
    r.values[id('carried-over')] = rnd(3);
    r.values[id('new')] = outcomes + (r.values[id('carry-forward')] as number) - (r.values[id('carried-over')] as number);
  }
  r.values['article-20:normative-documents:in-force'] = 40;
  const v = computeValues(template, r);
  r.printed = Object.fromEntries([...template.cells.values()].filter((c) => c.computed).map((c) => [c.id, v.get(c.id) ?? null]));
  const apps = v.get('applications:new:total');
  r.narrative = {
    preface: '',
    overview: '2024年，和平街道认真贯彻落实《中华人民共和国政府信息公开条例》，政府信息公开工作情况如下。',
    'overview.active': `2024年，本街道通过门户网站和政务新媒体主动公开政府信息312条，制发行政规范性文件${r.values['article-20:normative-documents:issued']}件。`,
    'overview.request': `全年新收到政府信息公开申请${apps}件，上年结转${v.get('applications:carried-over:total')}件，均在法定期限内答复。`,
    'overview.management': '严格执行公开前保密审查和个人信息去标识化处理制度，全年未发生泄密事件。',
    'overview.platforms': '持续维护街道政务公开专栏和“和平发布”公众号，按时更新办事指南。',
    'overview.oversight': '1.落实工作责任。街道党工委每季度听取政务公开工作汇报。\n2.开展考核评议。将政务公开纳入社区年度考核，全年未发生责任追究情况。',
    problems: '一是政策解读形式较为单一。二是公开栏更新不够及时。针对上述问题，街道将丰富图解、视频等解读形式，并建立公开栏月度更新台账。上年度报告所列问题已全部整改。',
    other: '本街道2024年办理人大代表建议2件、政协提案1件，办理结果均已公开。',
  };
  r.fee = { status: 'collected', notices: 2, amount: 150, collectedAmount: 100 };
  return r;
}

type Case = { file: string; rule: string; mode?: 'final'; cells: string[]; change: (r: Report) => void };
const cases: Case[] = [
  { file: 'R1-carry-forward', rule: 'R1', cells: ['applications:carry-forward:natural-person'], change: (r) => { r.values['applications:carry-forward:natural-person']! += 1; r.printed!['applications:carry-forward:total']! += 1; } },
  { file: 'R2-row-total', rule: 'R2', cells: ['applications:disclosed:total'], change: (r) => { r.printed!['applications:disclosed:total']! += 2; } },
  { file: 'R3-outcome-total', rule: 'R3', cells: ['applications:outcome-total:research'], change: (r) => { r.printed!['applications:outcome-total:research']! += 1; r.printed!['applications:outcome-total:total']! += 1; } },
  { file: 'R4-review-total', rule: 'R4', cells: ['appeals:cases:review.total', 'appeals:cases:review.upheld'], change: (r) => { r.values['appeals:cases:review.upheld'] = 10; r.values['appeals:cases:review.corrected'] = 1; r.values['appeals:cases:review.other'] = 0; r.values['appeals:cases:review.pending'] = 0; r.printed!['appeals:cases:review.total'] = 0; } },
  { file: 'R5-decimal-count', rule: 'R5', cells: ['article-20:licensing:decisions'], change: (r) => { r.values['article-20:licensing:decisions'] = 2.5; } },
  { file: 'R6-blank-cell', rule: 'R6', mode: 'final', cells: ['article-20:penalty:decisions'], change: (r) => { r.values['article-20:penalty:decisions'] = null; } },
  { file: 'R7-carry-over', rule: 'R7', cells: ['applications:carried-over:commercial'], change: (r) => { r.lastYear = { year: 2023, values: { 'applications:carry-forward:commercial': (r.values['applications:carried-over:commercial'] ?? 0) + 3 }, narrative: {} }; } },
  { file: 'R8-in-force', rule: 'R8', cells: ['article-20:normative-documents:in-force'], change: (r) => { r.lastYear = { year: 2023, values: { 'article-20:normative-documents:in-force': 100 }, narrative: {} }; } },
  { file: 'R9-township-regulation', rule: 'R9', cells: ['article-20:regulations:issued'], change: (r) => { r.organ.level = 'township'; r.values['article-20:regulations:issued'] = 1; r.values['article-20:regulations:in-force'] = 1; } },
  { file: 'R10-narrative-number', rule: 'R10', cells: ['applications:new:total'], change: (r) => { r.narrative['overview.request'] = '全年新收到政府信息公开申请2件，均在法定期限内答复。'; } },
  { file: 'R11-no-fee', rule: 'R11', mode: 'final', cells: [], change: (r) => { r.fee = { status: null, notices: null, amount: null, collectedAmount: null }; } },
  { file: 'R12-no-rectification', rule: 'R12', cells: [], change: (r) => { r.lastYear = { year: 2023, values: {}, narrative: { problems: '一是政策解读形式较为单一。二是公开栏更新不够及时。' } }; r.narrative.problems = '一是办事指南与实际办理流程不符。二是网站栏目设置不够合理。对上年问题已进行整改。'; } },
  { file: 'R13-personal-data', rule: 'R13', cells: [], change: (r) => { r.narrative['overview.request'] += '申请人张某（身份证号11010519491231002X，电话13912345678）'; } },
  { file: 'R14-copied-text', rule: 'R14', cells: [], change: (r) => { r.lastYear = { year: 2023, values: {}, narrative: { ...r.narrative, problems: r.narrative.problems!.replace('针对', '对于') } }; r.narrative.problems += '（2023年问题已整改）'; } },
  { file: 'R15-late', rule: 'R15', cells: [], change: (r) => { r.dates.written = '2025-02-20'; } },
];

mkdirSync(new URL('../test/fixtures/broken/', import.meta.url), { recursive: true });
const base = busyReport();
out('examples/busy-subdistrict.report.json', { $schema: '../schema/report-gov-info-2021.schema.json', ...base });
const expected: Record<string, { rule: string; mode: string; cells: string[] }> = {};
for (const c of cases) {
  const r = structuredClone(base);
  c.change(r);
  out(`test/fixtures/broken/${c.file}.json`, { $schema: '../../../schema/report-gov-info-2021.schema.json', ...r });
  expected[c.file] = { rule: c.rule, mode: c.mode ?? 'draft', cells: c.cells };
}
out('test/fixtures/broken/expected.json', expected);
console.log(`examples/busy-subdistrict.report.json and ${cases.length} broken fixtures written`);
