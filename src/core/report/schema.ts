// The report document: a versioned JSON format whose zod schema is derived from a template.
// A blank cell is a missing key or null, never 0. Totals a published source printed are kept in
// `printed`, apart from typed values, so the rules can show where the published report was wrong.
import { z } from 'zod';
import type { Template } from '../template/load';
import { MAX_VALUE } from './values';

export const REPORT_FORMAT = 'nianbao-report';
export const REPORT_FORMAT_VERSION = 1;

const date = z.iso.date();
const text = z.string().max(200_000);
const cellValue = z.number().nullable();
// The 信息处理费 facts take the ranges of the cells (a count, an amount), so −3 notices or an
// amount of 1e+308 never pass a check nor reach an exported file.
const feeAmount = z.number().min(0).max(MAX_VALUE);

// Present when the report was read from a published document: what the source showed, so the
// rules judge a published report (not a draft) and never blame the publisher for what the import missed.
const sourceSchema = z
  .strictObject({
    kind: z.literal('published'),
    form: z.enum(['docx', 'pdf', 'html', 'text']),
    file: z.string().max(1000).optional().meta({ title: '来源文件名（粘贴时无）' }),
    title: z.string().max(1000).optional().meta({ title: '来源印出的标题' }),
    shownDate: date.nullable().optional().meta({ title: '来源显示的日期（落款、发布日期或标题下日期）' }),
    shownDateKind: z.enum(['signature', 'published', 'title']).optional(),
    // Kept beside a signature date: a report signed in time may still be published late.
    publishedDate: date.nullable().optional().meta({ title: '来源显示的发布日期（发布时间）' }),
    headings: z.array(z.string().max(1000)).optional().meta({ title: '来源印出的各部分标题' }),
    labels: z
      .array(
        z.strictObject({
          cell: z.string().optional(),
          row: z.string().optional(),
          printed: z.string().max(1000),
          official: z.string().max(1000),
        }),
      )
      .optional()
      .meta({ title: '与规范文字不同的印出标签' }),
    unread: z.array(z.string()).optional().meta({ title: '导入未能读取的单元格（不是来源的空白）' }),
    uncertain: z.array(z.string()).optional().meta({ title: '导入值不确定的单元格' }),
    quirks: z.array(z.string()).optional().meta({ title: '来源版式的偏离' }),
  })
  .meta({ title: '导入来源（已发布的报告）' });

export type ReportSource = z.infer<typeof sourceSchema>;

export function reportSchema(template: Template) {
  const { spec } = template;
  const levelIds = spec.organLevels.map((l) => l.id) as [string, ...string[]];
  const cellShape = (computed: boolean) =>
    Object.fromEntries(
      [...template.cells.values()]
        .filter((c) => c.computed === computed)
        .map((c) => [c.id, cellValue.optional().meta({ title: `${template.sectionOf(c.grid)?.label ?? c.grid} · ${c.name}` })]),
    );
  const narrative = Object.fromEntries(template.texts.map((t) => [t.id, text.optional().meta({ title: t.label })]));
  const values = z.strictObject(cellShape(false)).meta({ title: '表格数值（空白 = 未填写，与 0 不同）' });
  const fee = z
    .strictObject({
      status: z.enum(['none', 'collected']).nullable().meta({ title: spec.fee.labels.status }),
      notices: z.int().min(0).max(MAX_VALUE).nullable().meta({ title: spec.fee.labels.notices }),
      amount: feeAmount.nullable().meta({ title: spec.fee.labels.amount }),
      collectedAmount: feeAmount.nullable().meta({ title: spec.fee.labels.collectedAmount }),
    })
    .meta({ title: spec.fee.label });

  return z
    .strictObject({
      $schema: z.string().optional(),
      format: z.literal(REPORT_FORMAT),
      formatVersion: z.literal(REPORT_FORMAT_VERSION),
      template: z.literal(spec.id),
      organ: z.strictObject({
        name: z.string().max(200).meta({ title: '机关名称（发文机关署名）' }),
        titleName: z.string().max(200).optional().meta({ title: '标题中的机关名称（不填则用机关名称）' }),
        level: z.enum(levelIds).nullable().meta({ title: '机关层级' }),
      }),
      year: z.int().min(2000).max(2100).meta({ title: '年度' }),
      dates: z.strictObject({
        written: date.nullable().meta({ title: '成文日期' }),
        deadline: date.nullable().meta({ title: '公开期限（不填则为模板默认）' }),
      }),
      contact: z.strictObject({
        office: z.string().max(200).meta({ title: '联系单位' }),
        phone: z.string().max(100).meta({ title: '联系电话' }),
        email: z.string().max(200).meta({ title: '电子邮箱' }),
        website: z.string().max(500).meta({ title: '电子版发布网址' }),
      }),
      narrative: z.strictObject(narrative).meta({ title: '文字部分' }),
      values,
      printed: z.strictObject(cellShape(true)).optional().meta({ title: '来源文件中印出的合计（导入时保留，用于核对）' }),
      fee,
      lastYear: z
        .strictObject({
          year: z.int(),
          values: z.strictObject(Object.fromEntries([...template.cells.keys()].map((id) => [id, cellValue.optional()]))),
          narrative: z.strictObject(Object.fromEntries(template.texts.map((t) => [t.id, text.optional()]))),
        })
        .optional()
        .meta({ title: '上一年度报告（用于结转、连续性和雷同检查）' }),
      /** Text slots copied from last year that the clerk still has to revise. */
      revise: z.array(z.string()).optional(),
      source: sourceSchema.optional(),
    })
    .meta({ title: `${spec.name} · nianbao 报告文件` });
}

export type Report = z.infer<ReturnType<typeof reportSchema>>;
export type Values = Record<string, number | null | undefined>;
/** What rules need of last year: a whole report or the `lastYear` snapshot inside this one. */
export interface PreviousData {
  year: number;
  values: Values;
  narrative: Record<string, string | undefined>;
}
