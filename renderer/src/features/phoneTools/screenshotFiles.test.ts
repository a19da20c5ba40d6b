// Screenshot files: names with the phone name and time, unsafe characters removed, several PNGs in one zip.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodePng, fileTimestamp, sanitizeFileStem, screenshotFileName, uniqueFileNames, zipFileName, zipFiles } from './screenshotFiles.ts';

const at = new Date(2026, 0, 5, 8, 4, 9);
const png = (marker: number) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, marker]);

describe('screenshot file names', () => {
  it('is <phone name>_<YYYYMMDD-HHmmss>.png in local time', () => {
    expect(fileTimestamp(at)).toBe('20260105-080409');
    expect(screenshotFileName('客服 3 号', at)).toBe('客服 3 号_20260105-080409.png');
  });

  it('removes path separators, reserved and control characters and edge dots; never empty', () => {
    expect(sanitizeFileStem('../a/b\\c:d*e?"f"<g>|h\u0001')).toBe('a_b_c_d_e_f_g_h_');
    expect(sanitizeFileStem('  ..hidden. ')).toBe('hidden');
    expect(sanitizeFileStem('///')).toBe('phone');
    expect(sanitizeFileStem('CON')).toBe('CON_');
    expect(sanitizeFileStem('x'.repeat(300))).toHaveLength(80);
    expect(screenshotFileName('<script>alert(1)</script>', at)).toBe('script_alert(1)_script__20260105-080409.png');
  });

  it('gives same-named phones distinct names in one batch', () => {
    expect(uniqueFileNames(['a.png', 'b.png', 'a.png', 'a.png'])).toEqual(['a.png', 'b.png', 'a_2.png', 'a_3.png']);
  });
});

describe('screenshot zip', () => {
  it('holds every PNG byte for byte under its name', () => {
    const zip = zipFiles([{ name: 'p1_20260105-080409.png', bytes: png(1) }, { name: 'p1_20260105-080409.png', bytes: png(2) }, { name: 'p2.png', bytes: png(3) }], at);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['p1_20260105-080409.png', 'p1_20260105-080409_2.png', 'p2.png']);
    expect([...files['p1_20260105-080409_2.png']!]).toEqual([...png(2)]);
    expect(zipFileName(5, at)).toBe('phonewall_5_20260105-080409.zip');
  });

  it('accepts only base64 that decodes to a PNG', () => {
    expect(decodePng(btoa(String.fromCharCode(...png(7))))?.at(-1)).toBe(7);
    expect(decodePng(btoa('GIF89a'))).toBeNull();
    expect(decodePng('%%%')).toBeNull();
  });
});
