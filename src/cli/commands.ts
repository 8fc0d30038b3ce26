// Subcommands beyond `check`, each loaded only when used. One line per command.
import { registerCommand } from './main';

registerCommand('render', '导出 Word 文档：nianbao render 报告.json -o 报告.docx [--draft]', () => import('./render').then((m) => m.runRender));
