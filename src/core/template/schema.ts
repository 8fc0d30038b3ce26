// The zod schema of a template file (templates/*.json). Template types are inferred from it,
// so the JSON files, the TypeScript types and schema/template.schema.json cannot drift apart.
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'id 应为小写 ASCII、以 - 或 . 连接');
const label = z.string().min(1);

/** count: a whole number ≥ 0; amount: ≥ 0 with up to 4 decimals; change: a signed whole number (增/减). */
export const cellKindSchema = z.enum(['count', 'amount', 'change']);
export type CellKind = z.infer<typeof cellKindSchema>;

export interface ColumnNode {
  id: string;
  label: string;
  /** How many grid columns a leaf covers (the single value column of 第二十条（五）（六）（八）). */
  span?: number;
  kind?: CellKind;
  children?: ColumnNode[];
}
const columnNode: z.ZodType<ColumnNode> = z.lazy(() =>
  z.strictObject({
    id,
    label,
    span: z.int().min(1).max(20).optional(),
    kind: cellKindSchema.optional(),
    children: z.array(columnNode).min(1).optional(),
  }),
);

export interface RowNode {
  id: string;
  /** Absent for the single unlabeled data row of a grid such as 四. */
  label?: string;
  /** Short name used in messages, e.g. the leading numeral of a long row label. */
  short?: string;
  /** In an indicator list (a block with `units`): the row's unit (条, 件, 万元); a row without one is a heading. */
  unit?: string;
  /** The kind of the row's cells, over the column's (a 万元 row of an indicator list is an amount). */
  kind?: CellKind;
  children?: RowNode[];
}
const rowNode: z.ZodType<RowNode> = z.lazy(() =>
  z.strictObject({
    id,
    label: label.optional(),
    short: label.optional(),
    unit: label.optional(),
    kind: cellKindSchema.optional(),
    children: z.array(rowNode).min(1).optional(),
  }),
);

const block = z.strictObject({
  id,
  /** A title row spanning the whole width (a block title of the grid). */
  title: label.optional(),
  /** The header cell above the row labels, spanning all header rows and label columns. */
  corner: label.optional(),
  /**
   * Header of a unit column: the block is an indicator list (the pre-2019 统计表), one row per
   * node of the row tree in one label column indented by depth, then the row's unit, then its values.
   */
  units: label.optional(),
  columns: z.array(columnNode).min(1),
  rows: z.array(rowNode).min(1),
});

const grid = z.strictObject({ id, label, blocks: z.array(block).min(1) });

const term = z.union([
  id,
  z.strictObject({ ref: id, weight: z.number().optional(), from: z.enum(['this', 'previous']).optional() }),
]);
export type TermSpec = z.infer<typeof term>;

/** Shared by sums and by rules that are evaluated once per row or once per column of a grid. */
const along = {
  grid: id,
  /** "row": the ids below are columns and the equation holds in every row; "column": the reverse. */
  each: z.enum(['row', 'column']),
  /** Restrict the rows (each=row) or columns (each=column) the equation is evaluated in. */
  over: z.array(id).optional(),
};

const sum = z.strictObject({ id, ...along, total: id, items: z.array(term).min(1) });
export type SumSpec = z.infer<typeof sum>;

const level = z.enum(['error', 'warning']);
/** The rule's entry in the catalogue (docs/rules.md): what it checks, why, and a failing example. */
const ruleDoc = z.strictObject({ checks: label, basis: label, example: label });
const ruleBase = {
  id: z.string().regex(/^R\d+$/),
  level,
  /** Level while drafting, where a finished report would have `level`. */
  draftLevel: z.enum(['error', 'warning', 'incomplete']).optional(),
  message: label,
  doc: ruleDoc.optional(),
};
/** A regular expression kept as data, compiled with the u flag: refused at load when it does not compile. */
const regex = z.string().min(1).refine((p) => {
  try {
    new RegExp(p, 'u');
    return true;
  } catch {
    return false;
  }
}, '不是有效的正则表达式');
const patterns = z.array(regex);

export const ruleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...ruleBase, kind: z.literal('balance'), ...along, left: z.array(term).min(1), right: z.array(term).min(1) }),
  z.strictObject({ ...ruleBase, kind: z.literal('sum'), sums: z.array(id).min(1) }),
  /** Each relation: the sum of `parts` is at most the sum of `whole` (a 其中 item never exceeds its total). */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('at-most'),
    ...along,
    relations: z.array(z.strictObject({ parts: z.array(id).min(1), whole: z.array(id).min(1) })).min(1),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('value-range'),
    messages: z.partialRecord(cellKindSchema, label),
    /** Decimals an amount may carry (万元 published to the fen has six). */
    amountDecimals: z.int().min(0).max(8).optional(),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('required'),
    /** Message for a total the source printed blank (it cannot be typed, only corrected at the source). */
    printedMessage: label.optional(),
    /** Message for an input cell a published report left blank: what the source shows, not an instruction to a clerk. */
    publishedMessage: label.optional(),
    /** Parts of a section that prose may cover without sub-headings: covered when a keyword occurs in the section's text. */
    aspects: z.array(z.strictObject({ text: id, keywords: patterns.min(1) })).optional(),
    /** Message for an aspect the prose does not cover (a warning: keywords can miss). */
    aspectMessage: label.optional(),
    /** A text part a published report seems to lack: the import may have missed a reworded heading, so a warning. */
    publishedTextMessage: label.optional(),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('required-facts'),
    /** Report fields by dotted path (e.g. organ.name) with the label the message names. */
    facts: z
      .array(
        z.strictObject({
          path: z.string().regex(/^[a-zA-Z]+(\.[a-zA-Z]+)*$/),
          label,
          /** For a published report: what its source lacks is a warning, or not the publisher's to fix (skip). */
          published: z.enum(['warning', 'skip']).optional(),
        }),
      )
      .min(1),
    publishedMessage: label.optional(),
  }),
  z.strictObject({ ...ruleBase, kind: z.literal('unrevised') }),
  /**
   * Sentences still last year's in next year's report: naming last year as the year of the work,
   * quoting last year's figure where this year's differs, or copied unchanged. The year statements
   * and comparisons come from the `other-year` rule named, the number phrases from the
   * `narrative-numbers` rule named, the sentences the same every year by design from the
   * `similar-text` rule named (each optional, by id).
   */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('stale-text'),
    otherYear: z.string().regex(/^R\d+$/).optional(),
    numbers: z.string().regex(/^R\d+$/).optional(),
    boilerplate: z.string().regex(/^R\d+$/).optional(),
    /** A sentence of fewer characters (punctuation and digits left out) is not judged as copied. */
    minLength: z.int().min(1),
    /** Why the sentence is last year's, put into the message as {reason}. */
    reasons: z.strictObject({ year: label, number: label, copied: label }),
  }),
  /** The report's year lies within the years the template is in force (a superseded grid is an error). */
  z.strictObject({ ...ruleBase, kind: z.literal('template-years') }),
  z.strictObject({ ...ruleBase, kind: z.literal('previous'), ...along, cell: id, terms: z.array(term).min(1) }),
  z.strictObject({ ...ruleBase, kind: z.literal('all-zero'), grid: id, rows: z.array(id).min(1), organLevels: z.array(id).min(1) }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('narrative-numbers'),
    scans: z.array(
      z.strictObject({
        pattern: regex,
        /** Fixed value stated by a pattern without a capture group (e.g. 未收到…申请 → 0). */
        value: z.number().optional(),
        /** The cell stated, or several whose sum is stated (行政诉讼 = 直接起诉 + 复议后起诉). */
        cell: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
        what: label,
      }),
    ),
  }),
  /** `stated`: wordings that state the 信息处理费 in prose (any narrative text). */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('fee-reported'),
    stated: patterns,
    publishedMessage: label.optional(),
    /** The only statement is last year's, copied (names last year, or unchanged): this year's is not reported. */
    staleMessage: label.optional(),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('fee-consistency'),
    /** Cells that count applications closed for an unpaid fee notice: > 0 means notices were issued. */
    noticeCells: z.array(z.string().min(1)).min(1),
    /** Wordings saying no fee arose (no notice, nothing charged). */
    denials: patterns,
    /** Wordings stating notices issued, capturing the count. */
    noticeCounts: patterns,
    /** Message when the text says no fee while the grid shows notices; and when the facts say none while the text or grid shows notices. */
    factsMessage: label,
    factsTextMessage: label,
    countMessage: label,
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('rectification'),
    text: id,
    /** Where last year's list of problems ends and its measures begin. */
    problemsEnd: patterns,
    /** Item markers that split the list (一是, （一）, 1.…). */
    itemMarkers: patterns,
    /** Wordings of a shortcoming (不够, 有待, 单一…): an item names one. */
    indicators: patterns,
    /** Words too common to show that an item is addressed (公开, 工作, 进一步…). */
    generic: z.array(z.string().min(1)),
    /** Share of an item's distinctive two-character terms this year's text must contain. */
    minShare: z.number().gt(0).max(1),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('personal-data'),
    detectors: z.array(z.enum(['id-card', 'mobile', 'bank-card'])).min(1),
    labels: z.record(z.string(), label),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('similar-text'),
    threshold: z.number().gt(0).max(1),
    minLength: z.int().min(0),
    /** Sentences every report carries (the template's wording), left out of the comparison. */
    boilerplate: patterns.optional(),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('deadline'),
    /** Message when no 成文日期 is set and today is past the deadline (finishing). */
    todayMessage: label,
    /** Message for a published report: the date its source shows, named by kind. */
    shownMessage: label.optional(),
    dateKinds: z.strictObject({ signature: label, published: label, title: label }).optional(),
    /** Message for a 成文日期 before the report's year has ended (often last year's date left in). */
    earlyMessage: label.optional(),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('doubled-text'),
    /** What counts as a doubling: patterns whose whole match is the doubled run. */
    patterns,
    /** Legitimate reduplications and word joins (常常, 人人, 法规规章): a hit inside a match of one is not reported. */
    allowed: patterns,
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('ascii-punctuation'),
    marks: z.string().min(1),
    examples: z.int().min(1),
    /** What a message calls the headings a published report printed ((三）政府信息管理情况), checked too. */
    headingsText: label.optional(),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('paired-punctuation'),
    /** Each bracket or quote: the characters that open it and those that close it (both widths of one bracket pair up). */
    pairs: z.array(z.strictObject({ open: z.string().min(1), close: z.string().min(1) })).min(1),
    /** A closing mark that numbers an item (1）, 二）) and has no opening one: whole matches end with the mark. */
    itemNumbers: patterns,
    examples: z.int().min(1),
  }),
  /** Wording that must not appear: placeholders left in, a superseded basis cited. */
  z.strictObject({ ...ruleBase, kind: z.literal('forbidden-text'), items: z.array(z.strictObject({ pattern: regex, what: label })).min(1) }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('other-year'),
    /** A statement of the year's work with its year captured (2022年共主动公开…). */
    statements: patterns,
    /** A sentence with one of these compares with another year and is fine. */
    comparisons: patterns,
  }),
  z.strictObject({ ...ruleBase, kind: z.literal('printed-labels') }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('narrative-parts'),
    /** A total and its unit (groups 1 and 2), the match ending where its 其中 list begins. */
    pattern: regex,
    /** A clause of the list holding one of these (较上年增长, 通过…发布) ends the list. */
    stops: patterns,
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('self-reference'),
    /** By the organ's name (a pattern on it), the word the unit calls itself by (我局). */
    organs: z.array(z.strictObject({ name: regex, self: label })).min(1),
    /** A self-reference in the text, the word captured (我委 → 委). */
    pattern: regex,
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('signature-name'),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('title-pattern'),
    /** Accepted spellings besides the template's title, with {organ} and {year}. */
    variants: z.array(label),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('section-headings'),
    /** Accepted wordings of a section heading besides the official one, by section id. */
    variants: z.record(z.string(), z.array(label)),
    messages: z.strictObject({ altered: label, misnumbered: label, order: label }),
  }),
  z.strictObject({ ...ruleBase, kind: z.literal('layout-quirks'), quirks: z.record(z.string(), label) }),
]);
export type RuleSpec = z.infer<typeof ruleSchema>;
export type RuleKind = RuleSpec['kind'];

const guided = { label, guidance: label };

export const templateSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id,
    name: label,
    basis: label,
    years: z.strictObject({ from: z.int(), to: z.int().optional() }),
    /** Title pattern with {organ} and {year}. */
    title: label,
    organLevels: z.array(z.strictObject({ id, label })).min(1),
    /** Publication deadline as MM-DD of the following year, by organ level. */
    deadline: z.strictObject({
      default: z.string().regex(/^\d\d-\d\d$/),
      byLevel: z.record(z.string(), z.string().regex(/^\d\d-\d\d$/)).optional(),
    }),
    preface: z.strictObject({ ...guided, default: label }),
    sections: z
      .array(
        z.strictObject({
          id,
          ...guided,
          parts: z.array(z.strictObject({ id, ...guided })).optional(),
          grids: z.array(id).optional(),
          /** This section carries the structured 信息处理费 facts. */
          fee: z.boolean().optional(),
          /** Printed after the signature as an attachment (附件) with its grids: the pre-2019 统计表. */
          attachment: z.boolean().optional(),
        }),
      )
      .min(1),
    fee: z.strictObject({
      label,
      unit: label,
      labels: z.strictObject({
        status: label,
        none: label,
        collected: label,
        notices: label,
        amount: label,
        collectedAmount: label,
      }),
      sentences: z.strictObject({ none: label, collected: label }),
    }),
    signature: z.strictObject({ organ: label, date: label }),
    grids: z.array(grid).min(1),
    sums: z.array(sum),
    rules: z.array(ruleSchema),
    /**
     * Next year's report in another template (the one in force then): which text slots and cells of
     * this template's report carry over, and where to. A template without an entry carries what has the same id.
     */
    nextYear: z
      .array(
        z.strictObject({
          template: id,
          texts: z.record(z.string(), id),
          cells: z.record(z.string(), z.string()),
        }),
      )
      .optional(),
    /** Added to a finding whose values include one the import is not certain of (it becomes a warning). */
    ruleNotes: z.strictObject({ uncertain: label }).optional(),
  })
  .meta({ title: 'nianbao 年度报告模板', description: '一个政府信息公开工作年度报告格式的完整描述：章节、说明、表格、合计与校验规则。' });

export type TemplateSpec = z.infer<typeof templateSchema>;
export type GridSpec = TemplateSpec['grids'][number];
export type BlockSpec = GridSpec['blocks'][number];
export type SectionSpec = TemplateSpec['sections'][number];
