// LibreOffice as a real reader of the .docx files nianbao writes: headless conversion with a
// throw-away profile (parallel runs do not collide) and a fontconfig file that maps the official
// font names (not free, absent on Linux) onto installed CJK faces, so renders look like the real
// thing. Several files go through one soffice call: start-up is most of its ~1 s.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const SOFFICE = process.env.SOFFICE_PATH ?? 'soffice';

/** Official face → installed face (and weight). Checked with fc-match on Debian 12. */
export const FONT_MAP: Record<string, { family: string; bold?: boolean }> = {
  '方正小标宋简体': { family: 'Noto Serif CJK SC', bold: true },
  '仿宋_GB2312': { family: 'AR PL UKai CN' },
  '仿宋': { family: 'AR PL UKai CN' },
  '楷体_GB2312': { family: 'AR PL UKai CN' },
  '楷体': { family: 'AR PL UKai CN' },
  '黑体': { family: 'Noto Sans CJK SC' },
  '宋体': { family: 'Noto Serif CJK SC' },
};

const _esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A fonts.conf that includes the system configuration and adds the mapping above. */
export function fontsConf(): string {
  const rules = Object.entries(FONT_MAP)
    .map(
      ([from, to]) => `  <match target="pattern">
    <test qual="any" name="family"><string>${_esc(from)}</string></test>
    <edit name="family" mode="assign" binding="strong"><string>${_esc(to.family)}</string></edit>${
      to.bold ? '\n    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>' : ''
    }
  </match>`,
    )
    .join('\n');
  // No double hyphen inside XML comments here: fontconfig rejects them.
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${rules}
</fontconfig>
`;
}

export interface Converted {
  /** Output files in the order of the inputs. */
  files: string[];
  outDir: string;
}

/**
 * Convert files with one soffice call, e.g. to "pdf" or "html". Returns the output paths in input
 * order; throws with soffice's output when a file is missing afterwards.
 */
export function convert(inputs: string[], to: string, outDir = mkdtempSync(join(tmpdir(), 'nianbao-lo-out-'))): Converted {
  const work = mkdtempSync(join(tmpdir(), 'nianbao-lo-'));
  const profile = join(work, 'profile');
  const conf = join(work, 'fonts.conf');
  writeFileSync(conf, fontsConf());
  mkdirSync(outDir, { recursive: true });
  let log = '';
  try {
    log = execFileSync(
      SOFFICE,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, ...inputs],
      { env: { ...process.env, FONTCONFIG_FILE: conf, HOME: work }, encoding: 'utf8', timeout: 180_000, stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const ext = to.split(':')[0]!;
  const produced = new Set(readdirSync(outDir));
  const files = inputs.map((f) => {
    const name = basename(f).replace(/\.[^.]+$/, `.${ext}`);
    if (!produced.has(name)) throw new Error(`soffice did not produce ${name}\n${log}`);
    return join(outDir, name);
  });
  return { files, outDir };
}

/** Text of a PDF in reading order (`-raw` keeps table cells in order). */
export function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
}

/** Number of pages of a PDF. */
export function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** Fonts embedded in a PDF (pdffonts), e.g. to see that the mapping applied. */
export function pdfFonts(pdf: string): string[] {
  const out = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
  return out.split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0]!);
}

/** PNG renders of every page (pdftoppm), written as `<prefix>-N.png`; returns their paths. */
export function pdfToPngs(pdf: string, prefix: string, dpi = 60): string[] {
  mkdirSync(join(prefix, '..'), { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, prefix]);
  const dir = join(prefix, '..');
  const base = basename(prefix);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png'))
    .sort((a, b) => Number(/(\d+)\.png$/.exec(a)?.[1]) - Number(/(\d+)\.png$/.exec(b)?.[1]))
    .map((f) => join(dir, f));
}
