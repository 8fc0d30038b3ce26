// The 30 MB cap on word/document.xml holds for an entry stored without compression too: its
// declared size can lie, so the stored bytes themselves are measured.
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { LIMITS, readZipEntry } from '../../src/import';

/** A zip whose word/document.xml is stored (method 0), then given a small declared size. */
function storedDocx(bytes: number, declared?: number): Uint8Array {
  const zip = zipSync({ 'word/document.xml': [new Uint8Array(bytes).fill(0x20), { level: 0 }] });
  if (declared !== undefined) {
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let o = zip.length - 22; o >= 0; o--) {
      if (view.getUint32(o, true) !== 0x02014b50) continue;
      view.setUint32(o + 24, declared, true); // the central directory's uncompressed size
      break;
    }
  }
  return zip;
}

describe('a stored zip entry', () => {
  it('over the cap is refused in Chinese even when it declares a small size', () => {
    const size = LIMITS.xmlBytes + 1024;
    expect(() => readZipEntry(storedDocx(size), 'word/document.xml')).toThrow(/正文部件声明大小 30\.0 MB，超过上限 30 MB/);
    expect(() => readZipEntry(storedDocx(size, 100), 'word/document.xml')).toThrow(/正文部件有 30\.0 MB，超过上限 30 MB/);
  });

  it('within the cap is read whole', () => {
    expect(readZipEntry(storedDocx(4096, 10), 'word/document.xml')).toHaveLength(4096);
  });
});
