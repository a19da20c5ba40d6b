// One ADB stream on the phone side: a PhoneChannel with ADB flow control (one WRTE in flight until the host's OKAY).
import type { PhoneChannel } from '../types.ts';

/** How the stream talks to its connection (sends packets addressed to this stream). */
export interface AdbStreamLink {
  sendWrite(localId: number, remoteId: number, data: Uint8Array): void;
  sendClose(localId: number, remoteId: number): void;
  maxPayload(): number;
}

interface PendingWrite {
  data: Uint8Array;
  offset: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class AdbStreamClosedError extends Error {
  constructor() {
    super('ADB stream closed');
  }
}

export class AdbStream implements PhoneChannel {
  #queue: PendingWrite[] = [];
  #inFlight: number | null = null;
  #pendingBytes = 0;
  #closed = false;
  #started = false;
  #dataListeners: ((data: Uint8Array) => void)[] = [];
  #closeListeners: (() => void)[] = [];
  /** Host bytes that arrived before anyone listened (a service may attach asynchronously). */
  #early: Uint8Array[] = [];

  constructor(
    readonly localId: number,
    readonly remoteId: number,
    private readonly link: AdbStreamLink,
  ) {}

  get pendingBytes(): number {
    return this.#pendingBytes;
  }

  get closed(): boolean {
    return this.#closed;
  }

  write(data: Uint8Array): Promise<void> {
    if (this.#closed) return handled(Promise.reject(new AdbStreamClosedError()));
    if (data.length === 0) return Promise.resolve();
    return handled(
      new Promise<void>((resolve, reject) => {
        this.#queue.push({ data, offset: 0, resolve, reject });
        this.#pendingBytes += data.length;
        this.#pump();
      }),
    );
  }

  close(): void {
    if (this.#closed) return;
    if (this.#started) this.link.sendClose(this.localId, this.remoteId);
    this.#finish();
  }

  onData(listener: (data: Uint8Array) => void): void {
    this.#dataListeners.push(listener);
    const early = this.#early;
    this.#early = [];
    for (const chunk of early) listener(chunk);
  }

  onClose(listener: () => void): void {
    if (this.#closed) {
      queueMicrotask(listener);
      return;
    }
    this.#closeListeners.push(listener);
  }

  /** The OKAY answering the host's OPEN went out: from now on writes may be sent. */
  start(): void {
    this.#started = true;
    this.#pump();
  }

  /** WRTE from the host. */
  handleData(data: Uint8Array): void {
    if (this.#closed) return;
    if (this.#dataListeners.length === 0) {
      this.#early.push(data);
      return;
    }
    for (const listener of this.#dataListeners) listener(data);
  }

  /** OKAY from the host: the in-flight WRTE was accepted. */
  handleAck(): void {
    if (this.#inFlight === null) return;
    const size = this.#inFlight;
    this.#inFlight = null;
    this.#pendingBytes -= size;
    const head = this.#queue[0];
    if (head && head.offset >= head.data.length) {
      this.#queue.shift();
      head.resolve();
    }
    this.#pump();
  }

  /** CLSE from the host or the connection went away. */
  handleRemoteClose(): void {
    if (this.#closed) return;
    this.#finish();
  }

  #pump(): void {
    if (this.#closed || !this.#started || this.#inFlight !== null) return;
    const head = this.#queue[0];
    if (!head) return;
    const size = Math.min(this.link.maxPayload(), head.data.length - head.offset);
    const chunk = head.data.subarray(head.offset, head.offset + size);
    head.offset += size;
    this.#inFlight = size;
    this.link.sendWrite(this.localId, this.remoteId, chunk);
  }

  #finish(): void {
    this.#closed = true;
    const queue = this.#queue;
    this.#queue = [];
    this.#pendingBytes = 0;
    this.#inFlight = null;
    this.#early = [];
    for (const pending of queue) pending.reject(new AdbStreamClosedError());
    const listeners = this.#closeListeners;
    this.#closeListeners = [];
    for (const listener of listeners) listener();
  }
}

/** Producers often fire and forget writes; a write failing because the host left must not crash the phone. */
function handled(promise: Promise<void>): Promise<void> {
  promise.catch(() => undefined);
  return promise;
}
