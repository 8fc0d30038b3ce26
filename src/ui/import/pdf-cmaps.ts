// pdfjs's packed CMaps for Chinese (GB) encodings, as same-origin assets of the build: a PDF whose
// Chinese fonts are not embedded is decoded with them. Each is fetched from this origin only when
// such a PDF asks for it (CSP connect-src 'self'); never from another host.
const URLS = import.meta.glob('../../../node_modules/pdfjs-dist/cmaps/*GB*.bcmap', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

const byFile = new Map(Object.entries(URLS).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));

export async function loadCMap(file: string): Promise<Uint8Array> {
  const url = byFile.get(file);
  if (!url) throw new Error(`no CMap ${file}`);
  // The single-file build inlines them as data: URLs, which its CSP does not let fetch() read.
  if (url.startsWith('data:')) return Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0));
  const response = await fetch(url);
  if (!response.ok) throw new Error(`CMap ${file}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
