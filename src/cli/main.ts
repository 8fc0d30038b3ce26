// nianbao CLI. Exit codes are interface: 0 no errors, 1 rule errors, 2 unreadable or invalid
// input or a usage error. Subcommands are loaded on demand, so `check` never loads docx.
import pkg from '../../package.json' with { type: 'json' };

const VERSION: string = pkg.version;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export type Command = (args: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  check: {
    summary: '检查报告文件：nianbao check 报告.json… [--previous 上年.json] [--final] [--today YYYY-MM-DD] [--json]',
    load: () => import('./check').then((m) => m.runCheck),
  },
};

/** Other modules register their subcommands here (render, import) without touching main. */
export function registerCommand(name: string, summary: string, load: () => Promise<Command>): void {
  COMMANDS[name] = { summary, load };
}

export function usage(): string {
  return ['用法：nianbao <命令> [参数]', '', ...Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(8)}${c.summary}`)].join('\n');
}

export async function main(argv: string[], io: Io = { out: (l) => console.log(l), err: (l) => console.error(l) }): Promise<number> {
  await import('./commands');
  const name = argv[0];
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`nianbao ${VERSION}`);
    return 0;
  }
  if (!name) {
    io.err(usage());
    return 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`未知命令“${name}”\n${usage()}`);
    return 2;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(`${name}：${command.summary}`);
    return 0;
  }
  try {
    return await (await command.load())(argv.slice(1), io);
  } catch (e) {
    io.err(`nianbao ${name} 出错：${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
// No top-level await: commands.ts imports registerCommand from here, and a pending top-level
// await would leave that import cycle waiting forever (exit 13 under `tsx src/cli/main.ts`).
if (isEntry) void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
