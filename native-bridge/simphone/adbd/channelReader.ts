// Reads exact byte counts from a PhoneChannel's host data (for request/response services such as sync).
import type { PhoneChannel } from '../types.ts';

export class ChannelReader {
  #chunks: Uint8Array[] = [];
  #buffered = 0;
  #ended = false;
  #wake: (() => void) | null = null;

  constructor(channel: PhoneChannel) {
    channel.onData((data) => {
      this.#chunks.push(data);
      this.#buffered += data.length;
      this.#notify();
    });
    channel.onClose(() => {
      this.#ended = true;
      this.#notify();
    });
  }

  /** Resolves with exactly `count` bytes, or null when the stream ended first. */
  async readExactly(count: number): Promise<Uint8Array | null> {
    while (this.#buffered < count) {
      if (this.#ended) return null;
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
    const out = new Uint8Array(count);
    let filled = 0;
    while (filled < count) {
      const head = this.#chunks[0];
      if (!head) break;
      const part = Math.min(head.length, count - filled);
      out.set(head.subarray(0, part), filled);
      filled += part;
      if (part === head.length) this.#chunks.shift();
      else this.#chunks[0] = head.subarray(part);
    }
    this.#buffered -= count;
    return out;
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }
}
