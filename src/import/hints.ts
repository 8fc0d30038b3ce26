// What the importer knows about published layouts, read from templates/index.json (data, not
// code): each template's distinguishing labels, the older formats, organ-name endings, headings
// that introduce the preface, and the phrases that say no 信息处理费 was collected.
import index from '../../templates/index.json';

export interface FormatHint {
  id: string;
  name: string;
  /** A template nianbao can fill from this layout, when there is one. */
  template?: string;
  years?: { from: number; to?: number };
  distinguishingLabels: string[];
}

export interface OrganHint {
  endsWith: string;
  level: string;
  append: string;
}

export interface ImportHints {
  formats: FormatHint[];
  organs: OrganHint[];
  feeNone: string[];
  /** Regular expressions (over the normalised text of 六) that say no fee was collected. */
  feeNonePatterns?: string[];
  /** Printed wordings of a row label seen in real reports, by official label (e.g. a label printed without its first two characters). */
  labelAliases?: Record<string, string[]>;
  /** Column labels of a fee table some layouts print (printed variants), and its row label. */
  feeTable?: { notices: string[]; amount: string[]; collectedAmount: string[]; rowLabels: string[] };
  /** Names of layout departures the rules know (e.g. one-row:other → other-handling-one-row). */
  quirkNames?: Record<string, string>;
  /** Unnumbered headings over the preface (引言 …): a heading, not text of the preface. */
  prefaceHeadings: string[];
  /** Words units print in a section heading for the label's own (和 for 及, 措施 for 情况). */
  headingWords?: Record<string, string>;
}

interface IndexFile {
  templates: { id: string; name?: string; years?: { from: number; to?: number }; distinguishingLabels?: string[] }[];
  importHints?: {
    otherFormats?: FormatHint[];
    organs?: OrganHint[];
    feeNone?: string[];
    feeNonePatterns?: string[];
    labelAliases?: Record<string, string[]>;
    quirkNames?: Record<string, string>;
    feeTable?: ImportHints['feeTable'];
    prefaceHeadings?: string[];
    headingWords?: Record<string, string>;
  };
}

export function hintsFrom(file: IndexFile, names: (id: string) => string = (id) => id): ImportHints {
  return {
    formats: [
      ...file.templates.map((t) => ({ id: t.id, name: t.name ?? names(t.id), template: t.id, years: t.years, distinguishingLabels: t.distinguishingLabels ?? [] })),
      ...(file.importHints?.otherFormats ?? []),
    ],
    organs: file.importHints?.organs ?? [],
    feeNone: file.importHints?.feeNone ?? [],
    feeNonePatterns: file.importHints?.feeNonePatterns ?? [],
    labelAliases: file.importHints?.labelAliases ?? {},
    quirkNames: file.importHints?.quirkNames ?? {},
    ...(file.importHints?.feeTable ? { feeTable: file.importHints.feeTable } : {}),
    prefaceHeadings: file.importHints?.prefaceHeadings ?? [],
    headingWords: file.importHints?.headingWords ?? {},
  };
}

export const defaultHints = (names?: (id: string) => string): ImportHints => hintsFrom(index as IndexFile, names);
