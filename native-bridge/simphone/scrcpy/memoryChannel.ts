// An in-memory PhoneChannel with its host end: drives scrcpy sessions without an adbd (tests, tools).
import type { PhoneChannel } from '../types.ts';

interface PendingWrite {
  size: number;
  resolve: () => void;
}

export class MemoryChannel implements PhoneChannel {
  #pending: PendingWrite[] = [];
  #pendingBytes = 0;
  #closed = false;
  #autoAck: boolean;
  readonly #dataListeners: ((data: Uint8Array) => void)[] = [];
  readonly #closeListeners: (() => void)[] = [];
  readonly #hostListeners: ((data: Uint8Array) => void)[] = [];

  /** With autoAck the host "reads" every write at once; without it, writes wait for `hostAck()`. */
  constructor(options: { autoAck?: boolean } = {}) {
    this.#autoAck = options.autoAck ?? true;
  }

  get pendingBytes(): number {
    return this.#pendingBytes;
  }

  get closed(): boolean {
    return this.#closed;
  }

  write(data: Uint8Array): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('channel closed'));
    const copy = data.slice();
    for (const listener of this.#hostListeners) listener(copy);
    this.#pendingBytes += copy.length;
    return new Promise((resolve) => {
      this.#pending.push({ size: copy.length, resolve });
      if (this.#autoAck) queueMicrotask(() => this.hostAck());
    });
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.hostAck();
    for (const listener of this.#closeListeners) listener();
  }

  onData(listener: (data: Uint8Array) => void): void {
    this.#dataListeners.push(listener);
  }

  onClose(listener: () => void): void {
    if (this.#closed) listener();
    else this.#closeListeners.push(listener);
  }

  /** Host side: bytes the phone wrote. */
  onHostData(listener: (data: Uint8Array) => void): void {
    this.#hostListeners.push(listener);
  }

  /** Host side: sends bytes to the phone. */
  hostSend(data: Uint8Array): void {
    if (this.#closed) return;
    for (const listener of this.#dataListeners) listener(data);
  }

  /** Host side: acknowledges everything written so far. */
  hostAck(): void {
    const pending = this.#pending;
    this.#pending = [];
    this.#pendingBytes = 0;
    for (const write of pending) write.resolve();
  }

  /** Host side: switches between reading everything at once and not reading at all. */
  setAutoAck(autoAck: boolean): void {
    this.#autoAck = autoAck;
    if (autoAck) this.hostAck();
  }

  /** Host side: closes the stream. */
  hostClose(): void {
    this.close();
  }
}
