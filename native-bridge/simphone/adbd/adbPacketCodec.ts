// ADB wire packets: the 24-byte little-endian header plus payload, encoded and incrementally decoded with validation.

export const AdbCommand = {
  Cnxn: 0x4e584e43,
  Auth: 0x48545541,
  Open: 0x4e45504f,
  Okay: 0x59414b4f,
  Wrte: 0x45545257,
  Clse: 0x45534c43,
  Stls: 0x534c5453,
} as const;
export type AdbCommand = (typeof AdbCommand)[keyof typeof AdbCommand];

const knownCommands = new Set<number>(Object.values(AdbCommand));

export const ADB_HEADER_SIZE = 24;
/** Protocol version whose peers skip the payload checksum. */
export const ADB_VERSION_SKIP_CHECKSUM = 0x01000001;
export const ADB_MAX_PAYLOAD = 1024 * 1024;

export interface AdbPacket {
  command: AdbCommand;
  arg0: number;
  arg1: number;
  payload: Uint8Array;
}

export type AdbPacketError =
  | { code: 'bad-magic'; command: number }
  | { code: 'unknown-command'; command: number }
  | { code: 'payload-too-large'; length: number; max: number }
  | { code: 'bad-checksum' };

export function adbChecksum(payload: Uint8Array): number {
  let sum = 0;
  for (const byte of payload) sum += byte;
  return sum >>> 0;
}

export function encodeAdbPacket(packet: AdbPacket, withChecksum = false): Uint8Array {
  const out = new Uint8Array(ADB_HEADER_SIZE + packet.payload.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, packet.command, true);
  view.setUint32(4, packet.arg0 >>> 0, true);
  view.setUint32(8, packet.arg1 >>> 0, true);
  view.setUint32(12, packet.payload.length, true);
  view.setUint32(16, withChecksum ? adbChecksum(packet.payload) : 0, true);
  view.setUint32(20, (packet.command ^ 0xffffffff) >>> 0, true);
  out.set(packet.payload, ADB_HEADER_SIZE);
  return out;
}

export function commandName(command: number): string {
  let name = '';
  for (let i = 0; i < 4; i += 1) {
    const byte = (command >>> (8 * i)) & 0xff;
    name += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '?';
  }
  return name;
}

/**
 * Turns TCP chunks into packets. The header is validated before the payload is awaited, so a forged length never
 * makes us buffer more than `maxPayload` bytes. After an error the decoder stays failed (the connection must close).
 */
export class AdbPacketDecoder {
  #chunks: Uint8Array[] = [];
  #buffered = 0;
  #header: { command: AdbCommand; arg0: number; arg1: number; length: number; check: number } | null = null;
  #error: AdbPacketError | null = null;

  constructor(
    private maxPayload: number = ADB_MAX_PAYLOAD,
    private verifyChecksum = false,
  ) {}

  setLimits(maxPayload: number, verifyChecksum: boolean): void {
    this.maxPayload = maxPayload;
    this.verifyChecksum = verifyChecksum;
  }

  get error(): AdbPacketError | null {
    return this.#error;
  }

  /** Feeds bytes; returns the complete packets, or an error once the stream is malformed. */
  push(chunk: Uint8Array): { packets: AdbPacket[]; error: AdbPacketError | null } {
    const packets: AdbPacket[] = [];
    if (this.#error) return { packets, error: this.#error };
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    for (;;) {
      if (!this.#header) {
        if (this.#buffered < ADB_HEADER_SIZE) break;
        const head = this.#take(ADB_HEADER_SIZE);
        const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
        const command = view.getUint32(0, true);
        const length = view.getUint32(12, true);
        const magic = view.getUint32(20, true);
        if (((command ^ 0xffffffff) >>> 0) !== magic) return this.#fail({ code: 'bad-magic', command }, packets);
        if (!knownCommands.has(command)) return this.#fail({ code: 'unknown-command', command }, packets);
        if (length > this.maxPayload) return this.#fail({ code: 'payload-too-large', length, max: this.maxPayload }, packets);
        this.#header = {
          command: command as AdbCommand,
          arg0: view.getUint32(4, true),
          arg1: view.getUint32(8, true),
          length,
          check: view.getUint32(16, true),
        };
      }
      const header = this.#header;
      if (this.#buffered < header.length) break;
      const payload = header.length === 0 ? new Uint8Array(0) : this.#take(header.length);
      if (this.verifyChecksum && adbChecksum(payload) !== header.check) {
        return this.#fail({ code: 'bad-checksum' }, packets);
      }
      this.#header = null;
      packets.push({ command: header.command, arg0: header.arg0, arg1: header.arg1, payload });
    }
    return { packets, error: null };
  }

  #fail(error: AdbPacketError, packets: AdbPacket[]) {
    this.#error = error;
    this.#chunks = [];
    this.#buffered = 0;
    return { packets, error };
  }

  #take(count: number): Uint8Array {
    const first = this.#chunks[0];
    if (first && first.length >= count) {
      const out = first.subarray(0, count);
      if (first.length === count) this.#chunks.shift();
      else this.#chunks[0] = first.subarray(count);
      this.#buffered -= count;
      return out;
    }
    const out = new Uint8Array(count);
    let filled = 0;
    while (filled < count) {
      const head = this.#chunks[0];
      if (!head) throw new Error('decoder underflow');
      const part = Math.min(head.length, count - filled);
      out.set(head.subarray(0, part), filled);
      filled += part;
      if (part === head.length) this.#chunks.shift();
      else this.#chunks[0] = head.subarray(part);
    }
    this.#buffered -= count;
    return out;
  }
}
