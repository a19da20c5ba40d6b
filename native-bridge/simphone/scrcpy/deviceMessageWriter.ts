// Encodes scrcpy 3.3.x device messages (device → client on the control socket).
import { MessageMaxSize } from './controlMessageReader.ts';

export const DeviceMessageType = { Clipboard: 0, AckClipboard: 1, UhidOutput: 2 } as const;

/** Type (1) + length (4): the rest of a message may carry this much clipboard text. */
export const DeviceClipboardMaxLength = MessageMaxSize - 5;

/** Cuts UTF-8 at a character boundary so the text fits in `maxBytes`. */
export function truncateUtf8(bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (bytes.length <= maxBytes) return bytes;
  let end = maxBytes;
  // Step back over continuation bytes (10xxxxxx) so no character is split.
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end);
}

export function encodeClipboardMessage(text: string): Uint8Array {
  const bytes = truncateUtf8(new TextEncoder().encode(text), DeviceClipboardMaxLength);
  const out = new Uint8Array(5 + bytes.length);
  const view = new DataView(out.buffer);
  view.setUint8(0, DeviceMessageType.Clipboard);
  view.setUint32(1, bytes.length);
  out.set(bytes, 5);
  return out;
}

export function encodeAckClipboardMessage(sequence: bigint): Uint8Array {
  const out = new Uint8Array(9);
  const view = new DataView(out.buffer);
  view.setUint8(0, DeviceMessageType.AckClipboard);
  view.setBigUint64(1, BigInt.asUintN(64, sequence));
  return out;
}

export function encodeUhidOutputMessage(id: number, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + data.length);
  const view = new DataView(out.buffer);
  view.setUint8(0, DeviceMessageType.UhidOutput);
  view.setUint16(1, id);
  view.setUint16(3, data.length);
  out.set(data, 5);
  return out;
}
