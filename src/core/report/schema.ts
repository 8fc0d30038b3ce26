// The report document: a versioned JSON format whose zod schema is derived from a template.
// A blank cell is a missing key or null, never 0. Totals a published source printed are kept in
// `printed`, apart from typed values, so the rules can show where the published report was wrong.
// Written with zod/mini: the app loads it on demand (opening a draft or a file, the facts' checks),
// and it stays small without the JSON-Schema and chainable API of classic zod (schema/*.json are
// generated from it all the same).
import * as z from 'zod/mini';
import type { Template } from '../template/load';
import { FACT_TITLES } from './fact-titles';
import { REPORT_FORMAT, REPORT_FORMAT_VERSION } from './format';
import { MAX_VALUE } from './values';

export { REPORT_FORMAT, REPORT_FORMAT_VERSION };

/** The schema with a title (for schema/*.json and the form's labels): `.meta()` of classic zod. */
export function titled<T extends z.ZodMiniType>(schema: T, title: string): T {
  z.globalRegistry.add(schema as z.ZodMiniType, { title });
  return schema;
}

const date = z.iso.date();
const text = z.string().check(z.maxLength(200_000));
const cellValue = z.nullable(z.number());
// The 信息处理费 facts take the ranges of the cells (a count, an amount), so −3 notices or an
// amount of 1e+308 never pass a check nor reach an exported file.
const feeAmount = z.number().check(z.minimum(0), z.maximum(MAX_VALUE));

// Present when the report was read from a published document: what the source showed, so the
// rules judge a published report (not a draft) and never blame the publisher for what the import missed.
const str = (max: number) => z.string().check(z.maxLength(max));

const sourceSchema = titled(
  z.strictObject({
    kind: z.literal('published'),
    form: z.enum(['docx', 'pdf', 'html', 'text']),
    file: titled(z.optional(str(1000)), '来源文件名（粘贴时无）'),
    title: titled(z.optional(str(1000)), '来源印出的标题'),
    signature: titled(z.optional(str(200)), '来源落款印出的发文机关署名'),
    shownDate: titled(z.optional(z.nullable(date)), '来源显示的日期（落款、发布日期或标题下日期）'),
    shownDateKind: z.optional(z.enum(['signature', 'published', 'title'])),
    // Kept beside a signature date: a report signed in time may still be published late.
    publishedDate: titled(z.optional(z.nullable(date)), '来源显示的发布日期（发布时间）'),
    headings: titled(z.optional(z.array(str(1000))), '来源印出的各部分标题'),
    labels: titled(
      z.optional(
        z.array(
          z.strictObject({
            cell: z.optional(z.string()),
            row: z.optional(z.string()),
            printed: str(1000),
            official: str(1000),
          }),
        ),
      ),
      '与规范文字不同的印出标签',
    ),
    unread: titled(z.optional(z.array(z.string())), '导入未能读取的单元格（不是来源的空白）'),
    uncertain: titled(z.optional(z.array(z.string())), '导入值不确定的单元格'),
    quirks: titled(z.optional(z.array(z.string())), '来源版式的偏离'),
  }),
  '导入来源（已发布的报告）',
);

export type ReportSource = z.infer<typeof sourceSchema>;

export function reportSchema(template: Template) {
  const { spec } = template;
  const levelIds = spec.organLevels.map((l) => l.id) as [string, ...string[]];
  const cellShape = (computed: boolean) =>
    Object.fromEntries(
      [...template.cells.values()]
        .filter((c) => c.computed === computed)
        .map((c) => [c.id, titled(z.optional(cellValue), `${template.sectionOf(c.grid)?.label ?? c.grid} · ${c.name}`)]),
    );
  const narrative = Object.fromEntries(template.texts.map((t) => [t.id, titled(z.optional(text), t.label)]));
  const values = titled(z.strictObject(cellShape(false)), '表格数值（空白 = 未填写，与 0 不同）');
  const count = () => z.int().check(z.minimum(0), z.maximum(MAX_VALUE));
  const fee = titled(
    z.strictObject({
      status: titled(z.nullable(z.enum(['none', 'collected'])), spec.fee.labels.status),
      notices: titled(z.nullable(count()), spec.fee.labels.notices),
      amount: titled(z.nullable(feeAmount), spec.fee.labels.amount),
      collectedAmount: titled(z.nullable(feeAmount), spec.fee.labels.collectedAmount),
    }),
    spec.fee.label,
  );

  return titled(
    z.strictObject({
      $schema: z.optional(z.string()),
      format: z.literal(REPORT_FORMAT),
      formatVersion: z.literal(REPORT_FORMAT_VERSION),
      template: z.literal(spec.id),
      organ: z.strictObject({
        name: titled(str(200), FACT_TITLES.name),
        titleName: titled(z.optional(str(200)), FACT_TITLES.titleName),
        level: titled(z.nullable(z.enum(levelIds)), FACT_TITLES.level),
      }),
      year: titled(z.int().check(z.minimum(2000), z.maximum(2100)), FACT_TITLES.year),
      dates: z.strictObject({
        written: titled(z.nullable(date), FACT_TITLES.written),
        deadline: titled(z.nullable(date), FACT_TITLES.deadline),
      }),
      contact: z.strictObject({
        office: titled(str(200), FACT_TITLES.office),
        phone: titled(str(100), FACT_TITLES.phone),
        email: titled(str(200), FACT_TITLES.email),
        website: titled(str(500), FACT_TITLES.website),
      }),
      narrative: titled(z.strictObject(narrative), '文字部分'),
      values,
      printed: titled(z.optional(z.strictObject(cellShape(true))), '来源文件中印出的合计（导入时保留，用于核对）'),
      fee,
      lastYear: titled(
        z.optional(
          z.strictObject({
            year: z.int(),
            values: z.strictObject(Object.fromEntries([...template.cells.keys()].map((id) => [id, z.optional(cellValue)]))),
            narrative: z.strictObject(Object.fromEntries(template.texts.map((t) => [t.id, z.optional(text)]))),
          }),
        ),
        '上一年度报告（用于结转、连续性和雷同检查）',
      ),
      /** Text slots copied from last year that the clerk still has to revise. */
      revise: z.optional(z.array(z.string())),
      source: z.optional(sourceSchema),
    }),
    `${spec.name} · nianbao 报告文件`,
  );
}

export type Report = z.infer<ReturnType<typeof reportSchema>>;
export type Values = Record<string, number | null | undefined>;
/** What rules need of last year: a whole report or the `lastYear` snapshot inside this one. */
export interface PreviousData {
  year: number;
  values: Values;
  narrative: Record<string, string | undefined>;
}
