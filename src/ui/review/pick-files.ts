// Files the reviewer gives: chosen in a picker (files or a whole folder) or dropped (files and
// folders, read recursively). From a folder only what reports are saved as is taken; a file
// named on its own is always tried (its content tells what it is).
const REPORT_EXT = /\.(json|docx|pdf|html?|txt|md)$/i;

export interface Picked {
  name: string;
  file: File;
}

export function fromInput(list: FileList | null): Picked[] {
  return [...(list ?? [])]
    .map((file) => ({ name: file.webkitRelativePath || file.name, file }))
    .filter((p) => !p.name.includes('/') || (REPORT_EXT.test(p.name) && !p.name.split('/').some((s) => s.startsWith('.'))));
}

function _entries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (!batch.length) return resolve(all);
        all.push(...batch);
        next();
      }, reject);
    next();
  });
}

async function _walk(entry: FileSystemEntry, depth: number, out: Picked[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    const name = entry.fullPath.replace(/^\//, '');
    if (depth === 0 || REPORT_EXT.test(name)) out.push({ name, file });
  } else if (entry.isDirectory && depth < 32 && !entry.name.startsWith('.')) {
    for (const child of (await _entries(entry as FileSystemDirectoryEntry)).sort((a, b) => a.name.localeCompare(b.name))) await _walk(child, depth + 1, out);
  }
}

export async function fromDrop(data: DataTransfer): Promise<Picked[]> {
  const entries = [...data.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (!entries.length) return fromInput(data.files);
  const out: Picked[] = [];
  for (const e of entries) await _walk(e, 0, out);
  return out;
}
