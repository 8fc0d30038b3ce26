// Text put into the fragments is escaped as docx escapes the text it writes. The table is read
// from docx's own output once: a run holding every ASCII character, each as docx wrote it
// (docx only rewrites ASCII: the markup characters, and control characters XML 1.0 forbids,
// which it drops; tab, line feed and carriage return stay).
import { Document, Paragraph, TextRun } from 'docx';
import { documentXml, marker } from './fragments';

export type Escape = (text: string) => string;

const _SEPARATOR = '\uE000';

async function _probe(): Promise<Escape> {
  const ascii = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));
  const mark = marker(0);
  const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun(`${mark}${ascii.join(_SEPARATOR)}${mark}`)] })] }] });
  const xml = await documentXml(doc);
  const written = xml.slice(xml.indexOf(mark) + mark.length, xml.lastIndexOf(mark)).split(_SEPARATOR);
  if (written.length !== ascii.length) throw new Error('docx escapes: the probe came back cut');
  const table = new Map(ascii.flatMap((ch, i) => (written[i] === ch ? [] : [[ch, written[i]!] as const])));
  const hex = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  const pattern = new RegExp(`[${[...table.keys()].map(hex).join('')}]`, 'g');
  return (text) => text.replace(pattern, (ch) => table.get(ch)!);
}

let _escape: Promise<Escape> | null = null;

/** The escaping of docx's text, read on first use. */
export function textEscape(): Promise<Escape> {
  if (!_escape) {
    _escape = _probe();
    // A failed probe is not kept: the next export tries again.
    _escape.catch(() => (_escape = null));
  }
  return _escape;
}
