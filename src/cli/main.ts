// nianbao CLI. Exit codes are interface: 0 no errors, 1 rule errors, 2 unreadable or invalid
// input or a usage error. Subcommands are loaded on demand, so `check` never loads docx.
import { parseArgs } from 'node:util';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export type Command = (args: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  check: { summary: '检查报告文件：nianbao check 报告.json… [--previous 上年.json] [--final] [--json]', load: () => import('./check').then((m) => m.runCheck) },
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
  const { positionals } = parseArgs({ args: argv.slice(0, 1), allowPositionals: true, strict: false });
  const name = positionals[0];
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`未知命令“${name}”\n${usage()}`);
    return 2;
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
