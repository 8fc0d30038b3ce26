// Subcommands beyond `check`, each loaded only when used. One line per command.
import { registerCommand } from './main';

registerCommand('render', '导出 Word 文档：nianbao render 报告.json [-o 报告.docx] [--draft] [--previous 上年.json] [--today YYYY-MM-DD]', () => import('./render').then((m) => m.runRender));
registerCommand('import', '导入已发布的报告：nianbao import 报告.docx|报告.txt… [-o 目录] [--json]', () => import('./import').then((m) => m.runImport));
