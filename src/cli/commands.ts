// The table of subcommands. Each one is loaded only when it runs, so `check` never loads docx
// and `--version` loads none of them. Adding a command is one entry here.
import type { Command } from './io';

export interface CommandEntry {
  /** One line for `nianbao --help`: what it does and how it is called. */
  summary: string;
  load: () => Promise<Command>;
}

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  check: {
    summary: '检查报告文件：nianbao check 报告.json… [--previous 上年.json] [--final] [--published] [--today YYYY-MM-DD] [--json]',
    load: () => import('./check').then((m) => m.runCheck),
  },
  render: {
    summary: '导出 Word 文档：nianbao render 报告.json [-o 报告.docx] [--draft] [--previous 上年.json] [--today YYYY-MM-DD]',
    load: () => import('./render').then((m) => m.runRender),
  },
  import: {
    summary: '导入已发布的报告：nianbao import 报告.docx|报告.pdf|网页.html|报告.txt|文件夹… [-o 目录] [--check] [--brief] [--json]',
    load: () => import('./import').then((m) => m.runImport),
  },
  review: {
    summary: '审查下级单位的报告：nianbao review 文件夹… [--previous 上年文件夹] [--parent 本级报告] [--xlsx 审查.xlsx] [--docx 审查意见.docx] [--json]',
    load: () => import('./review').then((m) => m.runReview),
  },
  sum: {
    summary: '汇总下级单位的报告：nianbao sum 报告或文件夹… -o 汇总.report.json [--organ 本级机关名称] [--year 年度]',
    load: () => import('./sum').then((m) => m.runSum),
  },
};
