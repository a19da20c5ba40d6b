// The WebCodecs codec string read from an Annex-B SPS.
import { describe, expect, it } from 'vitest';
import { annexBNalUnits, h264CodecString } from './h264Codec.ts';

describe('H.264 codec string', () => {
  it('reads the codec string from an Annex-B SPS', () => {
    const config = new Uint8Array([0, 0, 0, 1, 0x67, 0x42, 0xc0, 0x1f, 0xab, 0, 0, 0, 1, 0x68, 0xce, 0x3c, 0x80]);
    expect(annexBNalUnits(config).map((unit) => unit[0])).toEqual([0x67, 0x68]);
    expect(h264CodecString(config)).toBe('avc1.42C01F');
    expect(h264CodecString(new Uint8Array([0, 0, 1, 0x68, 1]))).toBe('avc1.42E01F');
  });
});
