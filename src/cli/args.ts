// Command-line options for every subcommand: node:util parseArgs, with its English errors said
// in Chinese (usage errors exit 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Io } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O }>>;

function _chinese(e: unknown): string {
  const err = e as { code?: string; message?: string };
  // Node names an option as '-o, --output <value>' or '--previous': take the long form.
  const quoted = /'([^']+)'/.exec(err.message ?? '')?.[1] ?? '';
  const option = /--[\w-]+/.exec(quoted)?.[0] ?? /-\w/.exec(quoted)?.[0] ?? quoted;
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `没有参数“${option}”`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `参数“${option}”${/argument missing/.test(err.message ?? '') ? '后面缺少值' : '的值不对'}`;
    default:
      return err.message ?? String(e);
  }
}

/** The parsed options and positionals, or null after telling the user what is wrong. */
export function parseCommandLine<O extends Options>(args: string[], options: O, io: Io): Parsed<O> | null {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (e) {
    io.err(`参数有误：${_chinese(e)}`);
    return null;
  }
}
