// One WebSocket to a box: the hello, requests matched to responses by id, events and binary frames passed on.
import { decodeBoxMessage } from '../../../../native-bridge/protocol/boxMessages.ts';
import type { BoxMessage, HelloMessage } from '../../../../native-bridge/protocol/boxMessages.ts';
import type { ClientMessage } from '../../../../native-bridge/protocol/clientMessages.ts';
import type { ProtocolError } from '../../../../native-bridge/protocol/errorCodes.ts';

export type OutgoingRequest = ClientMessage extends infer M ? (M extends ClientMessage ? Omit<M, 'id'> : never) : never;

export class RequestFailed extends Error {
  constructor(readonly error: ProtocolError) {
    super(`${error.code}: ${error.message}`);
  }
}

export interface RpcSocketHandlers {
  onHello(hello: HelloMessage): void;
  onEvent(message: BoxMessage): void;
  onBinary?(bytes: Uint8Array): void;
  /** `opened` tells a refused upgrade (never opened) from a dropped connection. */
  onClose(opened: boolean, code: number): void;
}

export type SocketFactory = (url: string, protocols: string[]) => WebSocket;

const requestTimeoutMs = 30_000;

export class RpcSocket {
  private readonly socket: WebSocket;
  private readonly pending = new Map<number, { resolve(result: unknown): void; reject(error: Error): void; timer: ReturnType<typeof setTimeout> }>();
  private nextId = 1;
  private opened = false;
  private closed = false;
  lastHeardAt = 0;

  constructor(url: string, protocols: string[], private readonly handlers: RpcSocketHandlers, factory: SocketFactory, private readonly now: () => number) {
    this.socket = factory(url, protocols);
    this.socket.binaryType = 'arraybuffer';
    this.socket.onopen = () => {
      this.opened = true;
      this.lastHeardAt = this.now();
    };
    this.socket.onmessage = (event: MessageEvent) => this.onMessage(event.data);
    this.socket.onclose = (event: CloseEvent) => this.onClosed(event.code);
    this.socket.onerror = () => undefined;
  }

  get isOpen(): boolean {
    return this.opened && !this.closed && this.socket.readyState === WebSocket.OPEN;
  }

  request<T = unknown>(message: OutgoingRequest): Promise<T> {
    if (!this.isOpen) return Promise.reject(new RequestFailed({ code: 'internal', message: 'not connected' }));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RequestFailed({ code: 'timeout', message: `${message.type} got no answer` }));
      }, requestTimeoutMs);
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject, timer });
      this.socket.send(JSON.stringify({ ...message, id }));
    });
  }

  close(): void {
    if (this.closed) return;
    this.socket.close(1000);
    this.onClosed(1000);
  }

  private onMessage(data: unknown): void {
    this.lastHeardAt = this.now();
    if (data instanceof ArrayBuffer) {
      this.handlers.onBinary?.(new Uint8Array(data));
      return;
    }
    if (typeof data !== 'string') return;
    const message = decodeBoxMessage(data);
    if (!message) return;
    if (message.type === 'hello') this.handlers.onHello(message);
    else if (message.type === 'response') this.settle(message);
    else this.handlers.onEvent(message);
  }

  private settle(message: Extract<BoxMessage, { type: 'response' }>): void {
    if (typeof message.id !== 'number') return;
    const waiter = this.pending.get(message.id);
    if (!waiter) return;
    this.pending.delete(message.id);
    clearTimeout(waiter.timer);
    if (message.ok) waiter.resolve(message.result);
    else waiter.reject(new RequestFailed(message.error));
  }

  private onClosed(code: number): void {
    if (this.closed) return;
    this.closed = true;
    for (const waiter of this.pending.values()) {
      clearTimeout(waiter.timer);
      waiter.reject(new RequestFailed({ code: 'internal', message: 'connection closed' }));
    }
    this.pending.clear();
    this.handlers.onClose(this.opened, code);
  }
}
