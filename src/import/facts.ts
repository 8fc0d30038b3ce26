// Year and organ of an imported report. The year: the title's, else the statistics period of the
// preface (2023年1月1日…), else the first year the text names — each told in a note — and only
// then a fallback, named as such. The organ: the signature's name, else the title's name with the
// usual ending added (镇 → 镇人民政府), and its level from that ending.
import type { Report, Template } from '../core';
import type { Head } from './head';
import type { ImportHints } from './hints';
import type { Importer } from './read-grids';
import { editDistance } from './match-labels';

export function readYear(head: Head, narrative: Record<string, string[]>, imp: Importer, fallback: number, template: Template): number {
  const y = head.title?.year;
  if (y && y >= 2000 && y <= 2100) return y;
  const text = [...(narrative.preface ?? []), ...Object.values(narrative).flat()].join('\n');
  const period = /(20\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(text);
  const any = /(20\d{2})\s*年/.exec(text);
  const m = period ?? any;
  if (!head.title) imp.note('warning', '标题', `未找到“${template.spec.title.replace('{organ}', '（机关名称）').replace('{year}', '（年度）')}”形式的标题；机关名称和年度请核对`);
  if (m) {
    imp.note('warning', '年度', `标题中没有年度，按正文中的“${m[0]}”取 ${m[1]} 年，请核对`);
    return Number(m[1]);
  }
  imp.note('warning', '年度', `没有找到年度，暂定为 ${fallback} 年，请核对`);
  return fallback;
}

export function readOrgan(head: Head, narrative: Record<string, string[]>, imp: Importer, hints: ImportHints, template: Template): Report['organ'] {
  const titleName = head.title?.organ ?? '';
  let name = head.signature?.name ?? '';
  if (name && titleName && name !== titleName && name.length === titleName.length && editDistance(name, titleName, 2) <= 2) {
    // One or two characters apart (财政全融局 under a title of 财政金融局): a misprint in one of them.
    imp.note('warning', '发文机关署名', `署名“${name}”与标题中的“${titleName}”相差一两个字，机关名称取标题中的写法，请核对`);
    name = titleName;
  }
  const hintFor = (s: string) => hints.organs.find((o) => s.endsWith(o.endsWith));
  if (!name && titleName) {
    const h = hintFor(titleName);
    name = h ? titleName + h.append : titleName;
    const body = Object.values(narrative).flat().join('');
    if (h && h.append) {
      imp.note(body.includes(name) ? 'info' : 'warning', '发文机关署名', `来源没有署名，机关名称按标题推断为“${name}”${body.includes(name) ? '（正文中也出现过）' : '，请核对'}`);
    } else imp.note('info', '发文机关署名', `来源没有署名，机关名称取标题中的“${titleName}”`);
  }
  if (!name) imp.note('warning', '发文机关署名', '没有找到机关名称，请填写');
  const levelHint = hintFor(name) ?? hintFor(titleName);
  const level = levelHint && template.spec.organLevels.some((l) => l.id === levelHint.level) ? levelHint.level : null;
  if (!level && name) imp.note('warning', '机关层级', '无法从机关名称判断机关层级，请选择');
  return titleName && titleName !== name ? { name, titleName, level } : { name, level };
}
