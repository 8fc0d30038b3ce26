// The document's font table (word/fontTable.xml): each face the document names, with what Word
// and WPS fall back to on a PC without it (方正小标宋简体 and the _GB2312 faces are not installed
// with Windows): an alternate name, the character set (GB2312) and the PANOSE class and family,
// which Word and WPS use to pick the nearest installed face (a serif for 小标宋, 仿宋 and 楷体,
// never the default sans). docx writes an empty table, so the entries are added to its XML.
import { FONT } from '../../core/layout/gbt9704';

interface FontEntry {
  altName: string;
  /** PANOSE-1 of the Windows face named by altName (the classification Word matches on). */
  panose: string;
  family: 'roman' | 'modern' | 'swiss' | 'auto';
  pitch: 'fixed' | 'variable';
}

/** Fallbacks as Windows ships them (宋体 SimSun, 仿宋 FangSong, 楷体 KaiTi, 黑体 SimHei), with their PANOSE. */
export const FONT_FALLBACKS: Record<string, FontEntry> = {
  [FONT.title]: { altName: '宋体', panose: '02010600030101010101', family: 'roman', pitch: 'variable' },
  [FONT.body]: { altName: '仿宋', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  [FONT.level2]: { altName: '楷体', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  [FONT.level1]: { altName: 'SimHei', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  [FONT.pageNumber]: { altName: 'SimSun', panose: '02010600030101010101', family: 'auto', pitch: 'variable' },
};

const _esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The <w:font> entries of the table. */
export function fontEntries(): string {
  return Object.entries(FONT_FALLBACKS)
    .map(
      ([name, f]) =>
        `<w:font w:name="${_esc(name)}"><w:altName w:val="${_esc(f.altName)}"/><w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
    )
    .join('');
}

/** docx's fontTable.xml with the entries: an empty <w:fonts …/> or a table with fonts of its own. */
export function withFontEntries(xml: string): string {
  if (/<w:fonts\b[^>]*\/>/.test(xml)) return xml.replace(/<w:fonts\b([^>]*)\/>/, (_m, attrs: string) => `<w:fonts${attrs}>${fontEntries()}</w:fonts>`);
  return xml.replace('</w:fonts>', `${fontEntries()}</w:fonts>`);
}
