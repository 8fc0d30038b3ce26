// What the first screen loads: the entry chunk of a build and every chunk it imports statically
// (followed through the code, and the modulepreload links of index.html), each gzip -9. Shared by
// the bundle bench, the typing bench's first line and the size budget test (test/deploy).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Text found only in code that must load on demand: the docx package, the importer, pdf.js, the older templates, zod (the report and facts schemas), the import dialog and the export's lists, the rules. */
export const LAZY_MARKERS: Record<string, string> = {
  'docx (wordprocessingml)': 'schemas.openxmlformats.org/wordprocessingml',
  'importer (read-docx)': '不支持 ZIP64 格式的 .docx 文件',
  'pdf.js': 'GlobalWorkerOptions',
  'template gov-info-2019': '其他对外管理服务事项',
  'template gov-info-2008': '九、政府信息公开会议和培训情况',
  'zod (report schema, facts checks)': '$ZodType',
  'import dialog': '读取粘贴的文字',
  'export lists': '仍然导出',
  // A pattern the similar-text rule builds (src/core/rules/kinds/similar.ts): the checker loads after the first screen.
  'rules (the checker)': '[^。；]{0,40}?',
};

export interface InitialChunk {
  file: string;
  raw: number;
  gz: number;
}

export interface InitialJs {
  chunks: InitialChunk[];
  raw: number;
  gz: number;
  cssGz: number;
  /** The lazy markers found in the initial set (none, as it should be). */
  eager: string[];
}

const gzip = (b: Buffer) => gzipSync(b, { level: 9 }).length;

/** The initial JavaScript of the build in `out` (a dist/ folder). */
export function initialJs(out: string): InitialJs {
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.?\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error(`${out}/index.html 中没有入口脚本`);
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.?\/([^"]+)"/g)].map((m) => m[1]!);
  const css = [...html.matchAll(/<link rel="stylesheet"[^>]*href="\.?\/([^"]+)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(out, file), 'utf8');
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`); import() is on demand.
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([^"']+)["']/g)) visit(`assets/${m[1]}`);
  };
  visit(entry);
  for (const p of preloads) visit(p);
  const chunks = [...seen].map((file) => {
    const bytes = readFileSync(join(out, file));
    return { file, raw: bytes.length, gz: gzip(bytes) };
  });
  const text = [...seen].map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
  return {
    chunks,
    raw: chunks.reduce((s, c) => s + c.raw, 0),
    gz: chunks.reduce((s, c) => s + c.gz, 0),
    cssGz: css.reduce((s, f) => s + gzip(readFileSync(join(out, f))), 0),
    eager: Object.entries(LAZY_MARKERS).filter(([, marker]) => text.includes(marker)).map(([what]) => what),
  };
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
