// The draft an import makes: named after the organ and year read (the source's name only when no
// organ was read).
import { describe, expect, it } from 'vitest';
import { createReport, type Report } from '../../src/core';
import { importedDraftName } from '../../src/import/draft';
import { importText } from '../../src/import';
import { template } from '../core/fixtures';

const withOrgan = (name: string, titleName?: string): Report => {
  const r = createReport(template, 2019);
  r.organ = titleName ? { name, titleName, level: 'township' } : { name, level: 'township' };
  return r;
};

describe('importedDraftName', () => {
  it('names the draft after the organ (as in the title) and the year', () => {
    expect(importedDraftName(withOrgan('三元区莘口镇人民政府', '三元区莘口镇'), '粘贴的文字')).toBe('三元区莘口镇 2019年（导入）');
    expect(importedDraftName(withOrgan('三元区莘口镇人民政府'), 'a.docx')).toBe('三元区莘口镇人民政府 2019年（导入）');
    expect(importedDraftName(withOrgan('三元区莘口镇人民政府', '三元区莘口镇'), 'a.docx', true)).toBe('三元区莘口镇 2020年（据2019年报告）');
  });

  it('falls back to the source name only when no organ was read', () => {
    const none = importText('政府信息公开工作年度报告\n一、总体情况\n本年度工作正常开展。', template, { fallbackYear: 2023 }).report;
    expect(none.organ.name).toBe('');
    expect(importedDraftName(none, '粘贴的文字')).toBe('粘贴的文字（导入）');
    expect(importedDraftName(none, '粘贴的文字', true)).toBe(`粘贴的文字（${none.year + 1}年）`);
  });
});
