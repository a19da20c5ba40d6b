// Seeded generator of malformed scrcpy control messages (robustness tests of the phone and of the box).
import { ClipboardTextMaxLength, ControlMessageType, InjectTextMaxLength } from './controlMessageReader.ts';

/** Deterministic PRNG (mulberry32) returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface MalformedCase {
  kind: 'unknownType' | 'badField' | 'oversizeLength' | 'badUtf8' | 'emptyAppName' | 'truncated';
  bytes: Uint8Array;
  /** A truncated message is only malformed if the stream then ends: the sender must close after it. */
  closeAfter: boolean;
}

function int(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function bytesOf(random: () => number, length: number): number[] {
  return Array.from({ length }, () => int(random, 0, 255));
}

function u32(value: number): number[] {
  return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

/** Complete well-formed messages, used as material for truncation. */
function validMessage(random: () => number): number[] {
  switch (int(random, 0, 3)) {
    case 0:
      return [ControlMessageType.InjectKeycode, 0, ...u32(66), ...u32(0), ...u32(0)];
    case 1:
      return [ControlMessageType.InjectTouchEvent, 0, ...bytesOf(random, 8), ...u32(10), ...u32(10), 0, 216, 1, 224, 0xff, 0xff, ...u32(0), ...u32(0)];
    case 2:
      return [ControlMessageType.SetClipboard, ...bytesOf(random, 8), 1, ...u32(3), 0x61, 0x62, 0x63];
    default:
      return [ControlMessageType.InjectScrollEvent, ...u32(1), ...u32(1), 0, 216, 1, 224, 0, 0, 0x10, 0, ...u32(0)];
  }
}

/** One malformed message; every kind makes the real server's reader fail (or, truncated, end at EOF). */
export function malformedControlMessage(random: () => number): MalformedCase {
  const kind = int(random, 0, 5);
  switch (kind) {
    case 0:
      return { kind: 'unknownType', bytes: new Uint8Array([int(random, 18, 255), ...bytesOf(random, int(random, 0, 40))]), closeAfter: false };
    case 1: {
      const choices: number[][] = [
        [ControlMessageType.InjectKeycode, int(random, 2, 255), ...bytesOf(random, 12)],
        [ControlMessageType.BackOrScreenOn, int(random, 2, 255)],
        [ControlMessageType.GetClipboard, int(random, 3, 255)],
        [ControlMessageType.SetClipboard, ...bytesOf(random, 8), int(random, 2, 255), 0, 0, 0, 0],
        [ControlMessageType.SetDisplayPower, int(random, 2, 255)],
        [ControlMessageType.InjectTouchEvent, int(random, 13, 255), ...bytesOf(random, 31)],
      ];
      return { kind: 'badField', bytes: new Uint8Array(choices[int(random, 0, choices.length - 1)]!), closeAfter: false };
    }
    case 2: {
      const text = [ControlMessageType.InjectText, ...u32(int(random, InjectTextMaxLength + 1, 0xffffffff)), ...bytesOf(random, int(random, 0, 16))];
      const clipboard = [ControlMessageType.SetClipboard, ...bytesOf(random, 8), 0, ...u32(int(random, ClipboardTextMaxLength + 1, 0xffffffff))];
      return { kind: 'oversizeLength', bytes: new Uint8Array(random() < 0.5 ? text : clipboard), closeAfter: false };
    }
    case 3: {
      // 0xC3 followed by a non-continuation byte is never valid UTF-8.
      const body = [0x41, 0xc3, 0x28];
      return { kind: 'badUtf8', bytes: new Uint8Array([ControlMessageType.InjectText, ...u32(body.length), ...body]), closeAfter: false };
    }
    case 4:
      return { kind: 'emptyAppName', bytes: new Uint8Array([ControlMessageType.StartApp, 0]), closeAfter: false };
    default: {
      const message = validMessage(random);
      return { kind: 'truncated', bytes: new Uint8Array(message.slice(0, int(random, 1, message.length - 1))), closeAfter: true };
    }
  }
}
