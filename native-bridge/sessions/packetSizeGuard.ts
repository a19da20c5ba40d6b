// Refuses scrcpy media packets whose declared size is over a cap, before the parser allocates a buffer for them.
import { TransformStream, type ReadableStream, type WritableStream } from '@yume-chan/stream-extra';

/** scrcpy 3.x media packet header: u64 PTS/flags + u32 payload size, big-endian. */
const headerBytes = 12;
/** No H.264 access unit of a phone screen comes near this; a larger size means a corrupt stream. */
export const defaultMaxPacketBytes = 16 * 1024 * 1024;

export class PacketTooLargeError extends Error {
  constructor(size: number, max: number) {
    super(`video packet of ${size} bytes exceeds the ${max}-byte limit: the stream is corrupt`);
    this.name = 'PacketTooLargeError';
  }
}

/** Walks packet boundaries over arbitrary chunking without copying payloads. */
export class PacketSizeGuard {
  readonly #max: number;
  readonly #header = new Uint8Array(headerBytes);
  #headerFill = 0;
  #payloadLeft = 0;

  constructor(maxPacketBytes = defaultMaxPacketBytes) {
    this.#max = maxPacketBytes;
  }

  /** Throws PacketTooLargeError at the first oversize header. */
  check(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.byteLength) {
      if (this.#payloadLeft > 0) {
        const take = Math.min(this.#payloadLeft, chunk.byteLength - offset);
        this.#payloadLeft -= take;
        offset += take;
        continue;
      }
      const take = Math.min(headerBytes - this.#headerFill, chunk.byteLength - offset);
      this.#header.set(chunk.subarray(offset, offset + take), this.#headerFill);
      this.#headerFill += take;
      offset += take;
      if (this.#headerFill < headerBytes) return;
      this.#headerFill = 0;
      const size = new DataView(this.#header.buffer).getUint32(8, false);
      if (size > this.#max) throw new PacketTooLargeError(size, this.#max);
      this.#payloadLeft = size;
    }
  }
}

/**
 * Wraps a packet parser with the size check in front. The check's error would reach the parser only as an
 * abort (which Tango's parser turns into a plain end), so it is re-raised at the end of the parsed stream:
 * the consumer sees why the stream stopped.
 */
export function guardPacketParser<T>(
  parser: { writable: WritableStream<Uint8Array>; readable: ReadableStream<T> },
  maxPacketBytes = defaultMaxPacketBytes,
): { writable: WritableStream<Uint8Array>; readable: ReadableStream<T> } {
  const guard = new PacketSizeGuard(maxPacketBytes);
  let failure: unknown = null;
  const check = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      try {
        guard.check(chunk);
      } catch (error) {
        failure = error;
        throw error;
      }
      controller.enqueue(chunk);
    },
  });
  const surface = new TransformStream<T, T>({
    flush(controller) {
      if (failure) controller.error(failure);
    },
  });
  return { writable: check.writable, readable: check.readable.pipeThrough(parser).pipeThrough(surface) };
}
