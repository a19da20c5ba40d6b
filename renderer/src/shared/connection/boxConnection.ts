// The console's one link to one box: a control socket (requests, events, input) and a media socket (video) kept
// apart so input never waits behind video, liveness, and reconnect with the protocol's backoff rule.
import { backoffDelay } from '../../../../native-bridge/protocol/backoff.ts';
import type { BackoffRule } from '../../../../native-bridge/protocol/backoff.ts';
import type { BoxEventOf, BoxEventType, HelloMessage, ResultOf } from '../../../../native-bridge/protocol/boxMessages.ts';
import type { ClientMessageType } from '../../../../native-bridge/protocol/clientMessages.ts';
import type { Input, StreamProfile } from '../../../../native-bridge/protocol/controlInput.ts';
import { PROTOCOL_VERSION } from '../../../../native-bridge/protocol/version.ts';
import { BoxRequestError } from '../errors.ts';
import { splitTextForPhone } from '../input/textSplitting.ts';
import type { BoxLinkState } from '../state/boxesSlice.ts';
import { BoxEvents } from './boxEvents.ts';
import { BoxMediaApi } from './boxMediaApi.ts';
import { MediaStreams } from './mediaStreams.ts';
import type { StreamListener } from './mediaStreams.ts';
import { RpcSocket } from './rpcSocket.ts';
import type { BoxRequest, SocketFactory } from './rpcSocket.ts';
import { boxSocketUrl, tokenSubprotocols } from './socketUrls.ts';

export interface LinkDetails {
  reason: string | null;
  role?: HelloMessage['role'];
  boxName?: string;
  /** Next reconnect attempt (ms since epoch) while offline. */
  retryAt?: number | null;
}

export interface BoxConnectionOptions {
  url: string;
  token: string;
  /** The link's state as the operator sees it on the box strip. */
  onLink(state: BoxLinkState, details: LinkDetails): void;
  createSocket?: SocketFactory;
  /** Tells an unreachable box (offline) from a refused token (unauthorized) after a failed upgrade. */
  isReachable?: (url: string) => Promise<boolean>;
  random?: () => number;
  now?: () => number;
}

/** Many consoles must not hammer a restarted box at once: 0.5 s doubling to 10 s, up to 30 % earlier at random. */
export const reconnectBackoff: BackoffRule = { initialMs: 500, maxMs: 10_000, jitter: 0.3 };

const defaultPingMs = 15_000;

async function defaultReachable(url: string): Promise<boolean> {
  try {
    await fetch(new URL('/healthz', url), { mode: 'no-cors', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}

export class BoxConnection {
  /** The box's HTTP media API, authorized with this link's token. */
  readonly media: BoxMediaApi;
  private control: RpcSocket | null = null;
  private mediaSocket: RpcSocket | null = null;
  private running = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private pingMs = defaultPingMs;
  private readonly events = new BoxEvents();
  private readonly readyHandlers = new Set<() => void>();
  private readonly streams = new MediaStreams();
  private readonly createSocket: SocketFactory;
  private readonly now: () => number;

  constructor(private readonly options: BoxConnectionOptions) {
    this.createSocket = options.createSocket ?? ((url, protocols) => new WebSocket(url, protocols));
    this.now = options.now ?? (() => Date.now());
    this.media = new BoxMediaApi(options.url, options.token);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  stop(): void {
    this.running = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.teardown();
    this.media.release();
  }

  /** A request on the control socket; rejects with `BoxRequestError` (code `offline` while the link is down). */
  request<K extends ClientMessageType>(message: BoxRequest<K>): Promise<ResultOf<K>> {
    if (!this.control) return Promise.reject(BoxRequestError.offline());
    return this.control.request(message);
  }

  /** Events of the control socket by type; returns the function that stops listening. */
  on<T extends BoxEventType>(type: T, handler: (event: BoxEventOf<T>) => void): () => void {
    return this.events.on(type, handler);
  }

  /** Called after every (re)connect, once the link reads online: what a feature shows is loaded again here. */
  onReady(handler: () => void): () => void {
    this.readyHandlers.add(handler);
    return () => this.readyHandlers.delete(handler);
  }

  /** Sent at once: the box orders every phone's input in its own lane, in the order it arrives. */
  input(deviceId: string, input: Input): Promise<ResultOf<'input'>> {
    return this.request({ type: 'input', deviceId, input });
  }

  /** Text in as many requests as the box's limit needs, all sent at once and kept in order by the box. */
  async text(deviceId: string, text: string): Promise<void> {
    await Promise.all(splitTextForPhone(text).map((chunk) => this.request({ type: 'text', deviceId, text: chunk })));
  }

  subscribe(deviceId: string, profile: StreamProfile, listener: StreamListener): () => void {
    return this.streams.subscribe(deviceId, profile, listener);
  }

  requestKeyFrame(deviceId: string, profile: StreamProfile): void {
    this.streams.requestKeyFrame(deviceId, profile);
  }

  private connect(): void {
    const { url, token, onLink } = this.options;
    onLink('connecting', { reason: null, retryAt: null });
    const protocols = tokenSubprotocols(token);
    let settled = false;
    const dropped = (opened: boolean) => {
      if (settled) return;
      settled = true;
      void this.onDropped(opened);
    };
    this.control = new RpcSocket(boxSocketUrl(url, 'control'), protocols, {
      onHello: (hello) => this.onControlHello(hello),
      onEvent: (event) => this.events.emit(event),
      onClose: (opened) => dropped(opened),
    }, this.createSocket, this.now);
    const media = new RpcSocket(boxSocketUrl(url, 'media'), protocols, {
      onHello: () => this.streams.attach(media),
      onEvent: (event) => {
        if (event.type === 'streamEnded') this.streams.onStreamEnded(event);
      },
      onBinary: (bytes) => this.streams.onFrame(bytes),
      onClose: (opened) => dropped(opened),
    }, this.createSocket, this.now);
    this.mediaSocket = media;
  }

  private onControlHello(hello: HelloMessage): void {
    this.pingMs = hello.pingIntervalMs > 0 ? hello.pingIntervalMs : defaultPingMs;
    this.failures = 0;
    // Online first, so whoever reloads on ready already sees this box online in the store.
    this.options.onLink('online', { reason: null, role: hello.role, boxName: hello.box.name, retryAt: null });
    this.request({ type: 'hello', protocolVersion: PROTOCOL_VERSION, client: 'phonewall-console' }).catch(() => undefined);
    for (const handler of [...this.readyHandlers]) handler();
    this.startLiveness();
  }

  /** Browsers answer the box's pings but cannot see a silent drop; our own pings notice it within two intervals. */
  private startLiveness(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      const control = this.control;
      if (!control?.isOpen) return;
      if (this.now() - control.lastHeardAt > 2 * this.pingMs) {
        control.close();
        return;
      }
      control.request({ type: 'ping' }).catch(() => undefined);
    }, Math.max(1000, Math.floor(this.pingMs / 2)));
  }

  private teardown(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
    const control = this.control;
    const media = this.mediaSocket;
    this.control = null;
    this.mediaSocket = null;
    control?.close();
    media?.close();
    this.streams.detach();
  }

  private async onDropped(opened: boolean): Promise<void> {
    this.teardown();
    if (!this.running) return;
    const reachable = opened ? false : await (this.options.isReachable ?? defaultReachable)(this.options.url);
    if (!this.running) return;
    if (!opened && reachable) {
      // A refused token does not heal by retrying: wait for a new one.
      this.running = false;
      this.options.onLink('unauthorized', { reason: 'tokenRefused', retryAt: null });
      return;
    }
    const delay = backoffDelay(this.failures++, reconnectBackoff, this.options.random ?? Math.random);
    const retryAt = this.now() + delay;
    this.options.onLink('offline', { reason: opened ? 'connectionLost' : 'unreachable', retryAt });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.running) this.connect();
    }, delay);
  }
}
