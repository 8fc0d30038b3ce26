// Which files a chosen folder gives: what reports are saved as, hidden folders left out; a file
// chosen by itself is always tried (its content tells what it is).
import { describe, expect, it } from 'vitest';
import { fromInput } from '../../src/ui/review/pick-files';

const file = (path: string) => {
  const f = new File(['x'], path.split('/').pop()!);
  Object.defineProperty(f, 'webkitRelativePath', { value: path.includes('/') ? path : '' });
  return f;
};
const names = (paths: string[]) => fromInput(paths.map(file) as unknown as FileList).map((p) => p.name);

describe('files from a picker', () => {
  it('takes report files from a folder, with their path in it, and leaves out the rest and hidden folders', () => {
    expect(names(['2023年/甲镇.docx', '2023年/乙镇.PDF', '2023年/丙.report.json', '2023年/说明.xlsx', '2023年/.git/config.txt', '2023年/丁/网页.htm', '2023年/Thumbs.db'])).toEqual([
      '2023年/甲镇.docx',
      '2023年/乙镇.PDF',
      '2023年/丙.report.json',
      '2023年/丁/网页.htm',
    ]);
  });

  it('keeps a file chosen on its own whatever its name', () => {
    expect(names(['报告（终稿）', '甲镇.wps'])).toEqual(['报告（终稿）', '甲镇.wps']);
  });
});
