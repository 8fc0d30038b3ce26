// nianbao CLI: finds the subcommand in the table and runs it. Exit codes are interface: 0 no
// errors, 1 rule errors, 2 unreadable or invalid input or a usage error.
import { version } from '../../package.json';
import { COMMANDS } from './commands';
import type { Io } from './io';
import { terminalIo } from './io-node';

export type { Io } from './io';

const VERSION: string = version;

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)}${c.summary}`);
  return ['用法：nianbao <命令> [参数]', '', ...lines, '', '  --version  显示版本', '  --help     显示本说明'].join('\n');
}

export async function main(argv: string[], io: Io = terminalIo): Promise<number> {
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
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
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
