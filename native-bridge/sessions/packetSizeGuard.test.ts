import { describe, expect, it } from 'vitest';
import { PacketSizeGuard, PacketTooLargeError } from './packetSizeGuard.ts';

function packet(size: number, declared = size): Uint8Array {
  const bytes = new Uint8Array(12 + size);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(0, 1n << 62n, false);
  view.setUint32(8, declared, false);
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

describe('PacketSizeGuard', () => {
  it('passes well-formed packets whatever the chunking', () => {
    const stream = concat(packet(100), packet(0), packet(5_000), packet(3));
    for (const chunkSize of [1, 7, 12, 13, 4_096, stream.byteLength]) {
      const guard = new PacketSizeGuard(10_000);
      for (let offset = 0; offset < stream.byteLength; offset += chunkSize) {
        guard.check(stream.subarray(offset, offset + chunkSize));
      }
    }
  });

  it('refuses a header that declares more than the cap, even split across chunks', () => {
    const stream = concat(packet(10), packet(0, 0xffff_ffff));
    const guard = new PacketSizeGuard(10_000);
    guard.check(stream.subarray(0, 30));
    expect(() => guard.check(stream.subarray(30))).toThrow(PacketTooLargeError);
    expect(() => new PacketSizeGuard(10_000).check(packet(0, 10_001))).toThrow(/exceeds/);
  });
});
