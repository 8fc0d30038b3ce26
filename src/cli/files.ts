// The CLI's file system edges. Reading: only regular files are read (a FIFO, a device or a
// socket would block or never end), never more than a cap. Writing: a new file appears whole or
// not at all (written beside the target, then renamed), never over one of the run's inputs, and
// a name already taken is never overwritten unless asked. Every failure is said in Chinese.
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Io } from './io';

const FS_PROBLEMS: Record<string, string> = {
  ENOENT: '文件或文件夹不存在',
  EACCES: '没有权限',
  EPERM: '没有权限',
  EISDIR: '这是一个文件夹，不是文件',
  ENOTDIR: '路径中有一部分不是文件夹',
  ENAMETOOLONG: '文件名过长',
  EROFS: '所在磁盘是只读的',
  ENOSPC: '磁盘空间已满',
  EDQUOT: '磁盘配额已满',
  ELOOP: '符号链接循环',
  EMFILE: '打开的文件过多',
  EBUSY: '文件正被占用',
  EEXIST: '文件已存在',
  EINVAL: '文件名无效',
  EIO: '磁盘读写出错',
};

/** A file system error in Chinese (the system's code kept in brackets for whoever helps). */
export function fsProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code && FS_PROBLEMS[code]) return `${FS_PROBLEMS[code]}（${code}）`;
  return code ? `系统错误（${code}）` : '系统错误';
}

export type InputBytes = { ok: true; bytes: Uint8Array } | { ok: false; problem: string };

/**
 * The bytes of a regular file of at most `maxBytes`. Opened without blocking (a FIFO with no
 * writer would wait forever) and checked on the open descriptor, so a swapped file is caught too.
 */
export function readInputFile(file: string, maxBytes: number): InputBytes {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { ok: false, problem: (e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : `无法读取文件：${fsProblem(e)}` };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, problem: '这是一个文件夹，不是文件' };
    if (!st.isFile()) return { ok: false, problem: '不是普通文件（可能是管道、设备或套接字），没有读取' };
    if (st.size > maxBytes) return { ok: false, problem: `文件过大：${(st.size / 1048576).toFixed(1)} MB，超过上限 ${maxBytes / 1048576} MB` };
    const bytes = new Uint8Array(st.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, null);
      if (n === 0) break;
      at += n;
    }
    return { ok: true, bytes: bytes.subarray(0, at) };
  } catch (e) {
    return { ok: false, problem: `无法读取文件：${fsProblem(e)}` };
  } finally {
    closeSync(fd);
  }
}

/** The real path of a file (to compare with outputs), or the resolved path when it does not exist. */
function _identity(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

/** The files a run reads: no output may land on one of them. */
export class Inputs {
  private readonly paths = new Set<string>();
  add(file: string): void {
    this.paths.add(_identity(file));
  }
  has(file: string): boolean {
    return this.paths.has(_identity(file));
  }
}

export type WriteResult = { ok: true; file: string } | { ok: false; problem: string };

/**
 * Write `bytes` to `target` whole: into a temporary file beside it, then renamed over it. A
 * target that is one of the run's inputs is refused. With `keepExisting`, a taken name gets a
 * number (报告-2.report.json …) instead of being replaced, and names `taken` in this run are skipped.
 */
export function writeOutputFile(target: string, bytes: Uint8Array | string, inputs: Inputs, options: { keepExisting?: boolean; taken?: Set<string> } = {}): WriteResult {
  let file = target;
  if (options.keepExisting) file = _freeName(target, options.taken);
  if (inputs.has(file)) return { ok: false, problem: `${file} 是本次读取的文件，不会被覆盖；请用 -o 指定另一个文件名` };
  try {
    const st = statSync(file, { throwIfNoEntry: false });
    if (st?.isDirectory()) return { ok: false, problem: `无法写入 ${file}：${FS_PROBLEMS.EISDIR}` };
    // A pipe or a device (/dev/null …) is never replaced by a file; a link is written through.
    if (st && !st.isFile()) return { ok: false, problem: `无法写入 ${file}：不是普通文件（可能是管道或设备）` };
    if (st) file = realpathSync(file);
  } catch (e) {
    return { ok: false, problem: `无法写入 ${file}：${fsProblem(e)}` };
  }
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    return { ok: false, problem: `无法写入 ${file}：${fsProblem(e)}` };
  }
  options.taken?.add(_identity(file));
  return { ok: true, file };
}

/** `target`, or the first of target-2, target-3 … (before the extension) that is not taken. */
function _freeName(target: string, taken = new Set<string>()): string {
  const ext = target.endsWith('.report.json') ? '.report.json' : extname(target);
  const stem = target.slice(0, target.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? target : `${stem}-${n}${ext}`;
    if (!taken.has(_identity(candidate)) && !_exists(candidate)) return candidate;
  }
}

/** Whether something is at `file` (an unreadable place counts as free: writing it then says why). */
function _exists(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/** More files than any county holds: a folder beyond this is a mistake, not a batch. */
const MAX_FILES = 100_000;

/** Not there, not a folder on the way, no permission: none (reading the file says why, in its place). */
function _stat(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Each argument as files: a folder gives the files below it that `takes` accepts (recursively, in
 * name order, hidden files left out); a named file is taken whatever its name, and reading it says
 * so in its place when it is not there.
 */
export function expandPaths(paths: string[], io: Io, takes: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      io.err(`${dir}：无法读取文件夹：${fsProblem(e)}`);
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || out.length >= MAX_FILES) continue;
      const path = join(dir, name);
      const st = _stat(path);
      if (st?.isDirectory() && depth < 32) walk(path, depth + 1);
      else if (st?.isFile() && takes(name)) out.push(path);
    }
  };
  for (const p of paths) {
    if (_stat(p)?.isDirectory()) walk(p, 0);
    else out.push(p);
  }
  return out;
}
