// Shell protocol v2 framing: 1-byte stream id, u32 LE length, data (stdin/stdout/stderr/exit/close-stdin/window-size).

export const ShellV2Id = {
  Stdin: 0,
  Stdout: 1,
  Stderr: 2,
  Exit: 3,
  CloseStdin: 4,
  WindowSize: 5,
} as const;
export type ShellV2Id = (typeof ShellV2Id)[keyof typeof ShellV2Id];

export interface ShellV2Frame {
  id: number;
  data: Uint8Array;
}

/** Largest frame the host may send us; adbd's buffer is far smaller, so anything above is garbage. */
const MAX_FRAME = 1024 * 1024;

export function encodeShellV2Frame(id: ShellV2Id, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + data.length);
  out[0] = id;
  new DataView(out.buffer).setUint32(1, data.length, true);
  out.set(data, 5);
  return out;
}

/** Reassembles frames from arbitrarily split chunks; `error` is set once a frame is impossible. */
export class ShellV2Decoder {
  #buffer = new Uint8Array(0);
  error: string | null = null;

  push(chunk: Uint8Array): ShellV2Frame[] {
    const frames: ShellV2Frame[] = [];
    if (this.error) return frames;
    const joined = new Uint8Array(this.#buffer.length + chunk.length);
    joined.set(this.#buffer);
    joined.set(chunk, this.#buffer.length);
    let offset = 0;
    while (joined.length - offset >= 5) {
      const id = joined[offset] ?? 0;
      const length = new DataView(joined.buffer, joined.byteOffset + offset + 1, 4).getUint32(0, true);
      if (id > ShellV2Id.WindowSize || length > MAX_FRAME) {
        this.error = `bad shell v2 frame (id ${id}, length ${length})`;
        this.#buffer = new Uint8Array(0);
        return frames;
      }
      if (joined.length - offset - 5 < length) break;
      frames.push({ id, data: joined.slice(offset + 5, offset + 5 + length) });
      offset += 5 + length;
    }
    this.#buffer = joined.slice(offset);
    return frames;
  }
}
