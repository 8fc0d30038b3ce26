// What every subcommand is given and returns: where to write, and an exit code. Exit codes are
// interface: 0 no errors, 1 rule errors, 2 unreadable or invalid input or a usage error.
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export type Command = (args: string[], io: Io) => Promise<number>;
