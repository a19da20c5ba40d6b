// One WebSocket to a box: the hello, requests matched to responses by id, events and binary frames passed on.
import { decodeBoxMessage } from '../../../../native-bridge/protocol/boxMessages.ts';
import type { BoxEvent, BoxMessage, HelloMessage, ResultOf } from '../../../../native-bridge/protocol/boxMessages.ts';
import type { ClientMessageOf, ClientMessageType } from '../../../../native-bridge/protocol/clientMessages.ts';
import { ErrorCode } from '../../../../native-bridge/protocol/errorCodes.ts';
import { BoxRequestError } from '../errors.ts';

/** A request as the console writes it: the socket adds the `id`. The `type` literal picks the result type. */
export type BoxRequest<K extends ClientMessageType> = { type: K } & Omit<ClientMessageOf<K>, 'id'>;

export interface RpcSocketHandlers {
  onHello(hello: HelloMessage): void;
  onEvent(event: BoxEvent): void;
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

  /** Rejects with `BoxRequestError`: the box's error, `timeout`, or `offline` when the socket is not (or no longer) open. */
  request<K extends ClientMessageType>(message: BoxRequest<K>): Promise<ResultOf<K>> {
    if (!this.isOpen) return Promise.reject(BoxRequestError.offline('not connected'));
    const id = this.nextId++;
    return new Promise<ResultOf<K>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new BoxRequestError({ code: ErrorCode.Timeout, message: `${message.type} got no answer` }));
      }, requestTimeoutMs);
      // The protocol's result map types each answer; a feature that keeps an answer in the store validates it first.
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
    else waiter.reject(new BoxRequestError(message.error));
  }

  private onClosed(code: number): void {
    if (this.closed) return;
    this.closed = true;
    for (const waiter of this.pending.values()) {
      clearTimeout(waiter.timer);
      waiter.reject(BoxRequestError.offline('connection closed'));
    }
    this.pending.clear();
    this.handlers.onClose(this.opened, code);
  }
}
