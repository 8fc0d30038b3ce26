// The terminal end of the CLI's Io: every line is cleaned of escape sequences and bidi controls
// (a report's organ name or a file name is printed, and either may carry them), and a reader
// that closes the pipe early (`nianbao check … | head -1`) ends the run quietly instead of an
// EPIPE stack trace.
import { terminalText } from '../core/report/sanitize';
import type { Io } from './io';

let guarded = false;

/** The reader has what it wanted: stop, with the exit code so far (0 if none was set). */
function _quietOnClosedPipe(): void {
  if (guarded) return;
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    });
  }
}

function _writer(stream: NodeJS.WriteStream): (line: string) => void {
  return (line) => {
    _quietOnClosedPipe();
    stream.write(`${terminalText(line)}\n`);
  };
}

export const terminalIo: Io = { out: _writer(process.stdout), err: _writer(process.stderr) };
