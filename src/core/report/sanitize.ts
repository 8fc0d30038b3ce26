// Characters that must never leave nianbao inside a document, a file name or a terminal line.
// XML 1.0 allows only tab, newline, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and paired
// surrogates: one other character in the main part of a .docx and Word or LibreOffice refuse it.
// Bidi controls (U+202E …) let a title or a file name show text in another order than it has.
// Pure string functions (no DOM, no node:*), shared by the renderers, the CLI and the drafts.

/** C0 controls but tab and newline, U+FFFE/U+FFFF, and surrogates without their pair. */
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const XML_FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Embedding, override and isolate controls and the directional marks (ALM, LRM, RLM). */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** C1 controls: invisible, and a terminal may read ESC-like sequences from them. */
const C1 = /[\u007F-\u009F]/g;

/** The text with every character XML 1.0 forbids removed (CR LF and lone CR become LF). */
export function xmlSafeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(XML_FORBIDDEN, '');
}

/** The text without bidi controls (titles, file names, terminal output). */
export function withoutBidi(text: string): string {
  return text.replace(BIDI, '');
}

/** What a .docx may hold: XML-safe and without bidi controls (Chinese reports have no use for them). */
export function documentText(text: string): string {
  return withoutBidi(xmlSafeText(text));
}

/** A line for a terminal: no escape sequences, no bidi controls; tab and newline kept. */
export function terminalText(text: string): string {
  return documentText(text).replace(C1, '');
}

/** Every string inside a JSON-like value passed through `clean` (same shape, same keys). */
export function mapStrings<T>(value: T, clean: (s: string) => string): T {
  if (typeof value === 'string') return clean(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, clean)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, clean);
    return out as T;
  }
  return value;
}

/** Longest file name in UTF-8 bytes: ext4 allows 255 bytes; room is left for a "-2" suffix. */
export const MAX_FILE_NAME_BYTES = 240;
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const UNSAFE_IN_NAME = /[\u0000-\u001F\u007F-\u009F\\/:*?"<>|\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

const _bytes = (s: string) => new TextEncoder().encode(s).length;

/**
 * A file name that every system users have accepts: no bidi characters; control characters and
 * those Windows forbids replaced by `replacement`; no trailing dot or space; not a reserved device
 * name; at most MAX_FILE_NAME_BYTES with its extension. A long stem keeps its start and its end
 * (the organ and the year both tell reports apart), joined by "…".
 */
export function safeFileName(stem: string, ext: string, fallback = '报告', replacement = ''): string {
  let s = withoutBidi(stem).replace(UNSAFE_IN_NAME, replacement).trim().replace(/[. ]+$/, '');
  if (!s || WINDOWS_RESERVED.test(s)) s = s ? `${s}_` : fallback;
  const room = MAX_FILE_NAME_BYTES - _bytes(ext);
  if (_bytes(s) > room) {
    const chars = [...s];
    const tail = chars.slice(-24).join('');
    let head = chars.slice(0, -24);
    while (head.length && _bytes(`${head.join('')}…${tail}`) > room) head = head.slice(0, -1);
    s = `${head.join('')}…${tail}`;
  }
  return `${s}${ext}`;
}
