// Byte fixtures for the ADB packet codec: header layout, split input, and every way a stream can be malformed.
import { describe, expect, test } from 'vitest';
import { AdbCommand, AdbPacketDecoder, encodeAdbPacket } from './adbPacketCodec.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('encodeAdbPacket', () => {
  test('lays out command, args, length, checksum and magic little-endian', () => {
    const packet = encodeAdbPacket({ command: AdbCommand.Okay, arg0: 2, arg1: 0x01020304, payload: new Uint8Array(0) });
    expect(hex(packet)).toBe('4f4b4159' + '02000000' + '04030201' + '00000000' + '00000000' + 'b0b4bea6');
  });

  test('checksum is the byte sum when asked for', () => {
    const packet = encodeAdbPacket({ command: AdbCommand.Wrte, arg0: 1, arg1: 1, payload: Uint8Array.of(1, 2, 250) }, true);
    expect(new DataView(packet.buffer).getUint32(16, true)).toBe(253);
    expect(hex(packet.subarray(24))).toBe('0102fa');
  });
});

describe('AdbPacketDecoder', () => {
  const open = encodeAdbPacket({ command: AdbCommand.Open, arg0: 7, arg1: 0, payload: new TextEncoder().encode('shell:id\0') });

  test('reassembles packets split at every byte and joined together', () => {
    const decoder = new AdbPacketDecoder();
    const stream = Buffer.concat([open, open]);
    const packets = [];
    for (let i = 0; i < stream.length; i += 1) packets.push(...decoder.push(stream.subarray(i, i + 1)).packets);
    expect(packets).toHaveLength(2);
    expect(packets[1]).toMatchObject({ command: AdbCommand.Open, arg0: 7, arg1: 0 });
    expect(new TextDecoder().decode(packets[0]!.payload)).toBe('shell:id\0');
  });

  test('bad magic fails and stays failed', () => {
    const bad = Uint8Array.from(open);
    bad[20] = (bad[20] ?? 0) ^ 1;
    const decoder = new AdbPacketDecoder();
    expect(decoder.push(bad).error).toMatchObject({ code: 'bad-magic' });
    expect(decoder.push(open)).toMatchObject({ packets: [], error: { code: 'bad-magic' } });
  });

  test('a length above maxdata fails before any payload is buffered', () => {
    const header = encodeAdbPacket({ command: AdbCommand.Wrte, arg0: 1, arg1: 1, payload: new Uint8Array(0) });
    new DataView(header.buffer).setUint32(12, 0xffffffff, true);
    expect(new AdbPacketDecoder(4096).push(header).error).toEqual({ code: 'payload-too-large', length: 0xffffffff, max: 4096 });
  });

  test('unknown commands with a valid magic fail', () => {
    const header = encodeAdbPacket({ command: AdbCommand.Wrte, arg0: 1, arg1: 1, payload: new Uint8Array(0) });
    const view = new DataView(header.buffer);
    view.setUint32(0, 0x434e5953, true); // SYNC: obsolete, never sent by current hosts
    view.setUint32(20, 0x434e5953 ^ 0xffffffff, true);
    expect(new AdbPacketDecoder().push(header).error).toMatchObject({ code: 'unknown-command' });
  });

  test('checksums are verified only when the negotiated version needs them', () => {
    const packet = encodeAdbPacket({ command: AdbCommand.Wrte, arg0: 1, arg1: 1, payload: Uint8Array.of(9) });
    expect(new AdbPacketDecoder(4096, false).push(packet).packets).toHaveLength(1);
    expect(new AdbPacketDecoder(4096, true).push(packet).error).toEqual({ code: 'bad-checksum' });
  });
});
