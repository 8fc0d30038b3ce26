// Fragments of WordprocessingML made by the docx package: each distinct shape (shapes.ts) is
// serialized once by docx's Packer around a marker and cut there into the markup before and after
// its content, then kept for every later render. Shapes depend on the template and the type
// sizes only, so after the first export of a template nothing new is made.
import { Document, Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { shapeProbe, shapeTags, type Shape } from './shapes';

/** The markup of a shape before and after its content. */
export type Fragment = readonly [head: string, tail: string];

const _made = new Map<string, Fragment>();

export function fragment(key: string): Fragment | undefined {
  return _made.get(key);
}

/** The main part of a docx Document (the one holding the body), as docx writes it. */
export async function documentXml(doc: Document): Promise<string> {
  const files = unzipSync(await Packer.pack(doc, 'uint8array'));
  const main = Object.values(files)
    .map((data) => strFromU8(data))
    .find((xml) => xml.includes('<w:body>'));
  if (main === undefined) throw new Error('docx fragments: no main part');
  return main;
}

/** Markers docx writes as they are (no character it escapes), none the start of another. */
export const marker = (i: number): string => `NIANBAO-SLOT-${i}-END`;

/** The markup around `mark`: the `outer` element holding it, less the `inner` element (or the marker itself). */
export function cutAt(xml: string, mark: string, outer: string, inner?: string): Fragment {
  const at = xml.indexOf(mark);
  const start = xml.lastIndexOf(`<${outer}>`, at);
  const endTag = xml.indexOf(`</${outer}>`, at);
  const innerStart = inner ? xml.lastIndexOf(`<${inner}>`, at) : at;
  const innerEnd = inner ? xml.indexOf(`</${inner}>`, at) + inner.length + 3 : at + mark.length;
  if (at < 0 || xml.indexOf(mark, at + 1) >= 0 || start < 0 || endTag < 0 || innerStart < start || innerEnd > endTag) {
    throw new Error(`docx fragments: ${mark} is not inside one <${outer}>${inner ? ` and <${inner}>` : ''}`);
  }
  return [xml.slice(start, innerStart), xml.slice(innerEnd, endTag + outer.length + 3)];
}

/** Makes the fragments of the shapes, keyed as given, with one docx Document for all. */
export async function makeFragments(shapes: ReadonlyMap<string, Shape>): Promise<void> {
  const entries = [...shapes];
  const doc = new Document({ sections: [{ children: entries.map(([, shape], i) => shapeProbe(shape, marker(i))) }] });
  const xml = await documentXml(doc);
  entries.forEach(([key, shape], i) => {
    const { outer, inner } = shapeTags(shape);
    _made.set(key, cutAt(xml, marker(i), outer, inner));
  });
}
