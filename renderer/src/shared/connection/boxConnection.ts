// The console's link to one box: control + media sockets, device events, ordered input, stream subscriptions,
// liveness and reconnect with backoff.
import type { DeviceInfo } from '../../../../native-bridge/protocol/boxMessages.ts';
import { z } from 'zod';
import { WireDeviceBookSchema, WireQuickReplySchema } from '../../../../native-bridge/protocol/chatDeskMessages.ts';
import type { WireDeviceBook, WireQuickReply } from '../../../../native-bridge/protocol/chatDeskMessages.ts';
import type { Input, StreamProfile } from '../../../../native-bridge/protocol/controlInput.ts';
import { decodeMediaFrame } from '../../../../native-bridge/protocol/mediaFrame.ts';
import type { MediaFrame } from '../../../../native-bridge/protocol/mediaFrame.ts';
import { PROTOCOL_VERSION } from '../../../../native-bridge/protocol/version.ts';
import type { BoxLinkState } from '../state/boxesSlice.ts';
import { splitTextForPhone } from '../input/textSplitting.ts';
import { backoffDelay } from './backoff.ts';
import { RpcSocket } from './rpcSocket.ts';
import type { OutgoingRequest, SocketFactory } from './rpcSocket.ts';
import { boxSocketUrl, tokenSubprotocols } from './socketUrls.ts';

export interface BoxConnectionEvents {
  onLink(state: BoxLinkState, details: { reason: string | null; role?: string; boxName?: string; retryAt?: number | null }): void;
  onDevices(devices: DeviceInfo[]): void;
  onDevice(device: DeviceInfo, removed: boolean): void;
  onClipboard?(deviceId: string, text: string): void;
  /** The whole device book, after connecting and after every change on the box. */
  onDeviceBook?(book: WireDeviceBook): void;
  /** The whole quick-reply library, after connecting and after every change on the box. */
  onQuickReplies?(replies: WireQuickReply[]): void;
  /** One phone starts (`since` in ms) or stops (`null`) needing attention. */
  onAttention?(deviceId: string, since: number | null): void;
  /** Every phone needing attention when the console connects (replaces what it knew). */
  onAttentionList?(list: { deviceId: string; since: number }[]): void;
}

export interface StreamListener {
  onFrame(frame: MediaFrame): void;
  /** The stream ended (device offline, connection lost); a new config + key frame follows a resubscribe. */
  onEnded(reason: string): void;
}

export interface BoxConnectionOptions {
  url: string;
  token: string;
  events: BoxConnectionEvents;
  createSocket?: SocketFactory;
  /** Tells an unreachable box (offline) from a refused token (unauthorized) after a failed upgrade. */
  isReachable?: (url: string) => Promise<boolean>;
  random?: () => number;
  now?: () => number;
}

interface Subscription {
  deviceId: string;
  profile: StreamProfile;
  listeners: Set<StreamListener>;
  streamId: number | null;
  requested: boolean;
}

const QuickReplyListSchema = z.object({ replies: z.array(WireQuickReplySchema) });
const AttentionListSchema = z.object({ attention: z.array(z.object({ deviceId: z.string(), since: z.number() })) });

const defaultPingMs = 15_000;
const streamRetryMs = 3000;

async function defaultReachable(url: string): Promise<boolean> {
  try {
    await fetch(new URL('/healthz', url), { mode: 'no-cors', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}

export class BoxConnection {
  private control: RpcSocket | null = null;
  private media: RpcSocket | null = null;
  private running = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private pingMs = defaultPingMs;
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly byStreamId = new Map<number, Subscription>();
  private readonly inputChains = new Map<string, Promise<unknown>>();
  private readonly createSocket: SocketFactory;
  private readonly now: () => number;

  constructor(private readonly options: BoxConnectionOptions) {
    this.createSocket = options.createSocket ?? ((url, protocols) => new WebSocket(url, protocols));
    this.now = options.now ?? (() => Date.now());
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
  }

  /** Touch, scroll and buttons go out at once; key presses and text wait for the previous one (order matters). */
  input(deviceId: string, input: Input): Promise<unknown> {
    if (input.kind === 'key') return this.ordered(deviceId, () => this.requestControl({ type: 'input', deviceId, input }));
    return this.requestControl({ type: 'input', deviceId, input });
  }

  text(deviceId: string, text: string): Promise<unknown> {
    const chunks = splitTextForPhone(text);
    return Promise.all(chunks.map((chunk) => this.ordered(deviceId, () => this.requestControl({ type: 'text', deviceId, text: chunk }))));
  }

  /** Any other control request (device book, quick replies, attention); rejects with `RequestFailed` on a box error. */
  request<T>(message: OutgoingRequest): Promise<T> {
    return this.requestControl(message) as Promise<T>;
  }

  /** A PNG of the phone's screen, base64 as the box sends it. */
  screenshot(deviceId: string): Promise<{ mime: string; base64: string }> {
    return this.requestControl({ type: 'screenshot', deviceId }) as Promise<{ mime: string; base64: string }>;
  }

  subscribe(deviceId: string, profile: StreamProfile, listener: StreamListener): () => void {
    const key = `${deviceId}|${profile}`;
    let subscription = this.subscriptions.get(key);
    if (!subscription) {
      subscription = { deviceId, profile, listeners: new Set(), streamId: null, requested: false };
      this.subscriptions.set(key, subscription);
    }
    subscription.listeners.add(listener);
    this.requestStream(subscription);
    const held = subscription;
    return () => {
      held.listeners.delete(listener);
      if (held.listeners.size > 0) return;
      this.subscriptions.delete(key);
      if (held.streamId !== null) {
        this.byStreamId.delete(held.streamId);
        if (this.media?.isOpen) this.media.request({ type: 'unsubscribe', streamId: held.streamId }).catch(() => undefined);
      }
    };
  }

  requestKeyFrame(deviceId: string, profile: StreamProfile): void {
    const subscription = this.subscriptions.get(`${deviceId}|${profile}`);
    if (subscription?.streamId != null && this.media?.isOpen) this.media.request({ type: 'requestKeyFrame', streamId: subscription.streamId }).catch(() => undefined);
  }

  private ordered(deviceId: string, send: () => Promise<unknown>): Promise<unknown> {
    const previous = this.inputChains.get(deviceId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(send);
    this.inputChains.set(deviceId, next);
    return next;
  }

  private requestControl(message: Parameters<RpcSocket['request']>[0]): Promise<unknown> {
    if (!this.control) return Promise.reject(new Error('box offline'));
    return this.control.request(message);
  }

  private connect(): void {
    const { url, token, events } = this.options;
    events.onLink('connecting', { reason: null, retryAt: null });
    const protocols = tokenSubprotocols(token);
    let settled = false;
    const dropped = (opened: boolean) => {
      if (settled) return;
      settled = true;
      void this.onDropped(opened);
    };
    this.control = new RpcSocket(boxSocketUrl(url, 'control'), protocols, {
      onHello: (hello) => {
        this.pingMs = hello.pingIntervalMs > 0 ? hello.pingIntervalMs : defaultPingMs;
        this.attempt = 0;
        events.onLink('online', { reason: null, role: hello.role, boxName: hello.box.name, retryAt: null });
        this.control?.request({ type: 'hello', protocolVersion: PROTOCOL_VERSION, client: 'phonewall-console' }).catch(() => undefined);
        this.control
          ?.request<{ devices: DeviceInfo[] }>({ type: 'listDevices' })
          .then((result) => events.onDevices(result.devices))
          .catch(() => undefined);
        this.loadChatTools();
        this.startLiveness();
      },
      onEvent: (message) => {
        if (message.type === 'device') events.onDevice(message.device, message.removed);
        else if (message.type === 'clipboard') events.onClipboard?.(message.deviceId, message.text);
        else if (message.type === 'deviceBook') events.onDeviceBook?.(message.book);
        else if (message.type === 'quickReplies') events.onQuickReplies?.(message.replies);
        else if (message.type === 'attention') events.onAttention?.(message.deviceId, message.attention?.since ?? null);
      },
      onClose: (opened) => dropped(opened),
    }, this.createSocket, this.now);
    this.media = new RpcSocket(boxSocketUrl(url, 'media'), protocols, {
      onHello: () => {
        for (const subscription of this.subscriptions.values()) this.requestStream(subscription);
      },
      onEvent: (message) => {
        if (message.type !== 'streamEnded') return;
        const subscription = this.byStreamId.get(message.streamId);
        if (!subscription) return;
        this.byStreamId.delete(message.streamId);
        subscription.streamId = null;
        subscription.requested = false;
        for (const listener of subscription.listeners) listener.onEnded(message.error.message);
        this.retryStream(subscription);
      },
      onBinary: (bytes) => this.onMediaFrame(bytes),
      onClose: (opened) => dropped(opened),
    }, this.createSocket, this.now);
  }

  /** A box without chat tools answers `not_found` (or something else): the console then simply shows none. */
  private loadChatTools(): void {
    const { events } = this.options;
    const control = this.control;
    if (!control) return;
    const load = <T>(request: Promise<unknown>, schema: z.ZodType<T>, use: (value: T) => void) =>
      request.then((result) => {
        const parsed = schema.safeParse(result);
        if (parsed.success) use(parsed.data);
      }, () => undefined);
    void load(control.request({ type: 'getDeviceBook' }), WireDeviceBookSchema, (book: WireDeviceBook) => events.onDeviceBook?.(book));
    void load(control.request({ type: 'listQuickReplies' }), QuickReplyListSchema, (result: { replies: WireQuickReply[] }) => events.onQuickReplies?.(result.replies));
    void load(control.request({ type: 'listAttention' }), AttentionListSchema, (result) => events.onAttentionList?.(result.attention));
  }

  private requestStream(subscription: Subscription): void {
    const media = this.media;
    if (!media?.isOpen || subscription.requested) return;
    subscription.requested = true;
    media
      .request<{ streamId: number }>({ type: 'subscribe', deviceId: subscription.deviceId, profile: subscription.profile })
      .then((result) => {
        if (this.media !== media) return;
        const key = `${subscription.deviceId}|${subscription.profile}`;
        if (this.subscriptions.get(key) !== subscription) {
          media.request({ type: 'unsubscribe', streamId: result.streamId }).catch(() => undefined);
          return;
        }
        subscription.streamId = result.streamId;
        this.byStreamId.set(result.streamId, subscription);
      })
      .catch((error: Error) => {
        subscription.requested = false;
        for (const listener of subscription.listeners) listener.onEnded(error.message);
        if (this.media === media) this.retryStream(subscription);
      });
  }

  /** A stream that ended while its tile still watches (session restart on the phone) is asked for again, calmly. */
  private retryStream(subscription: Subscription): void {
    const media = this.media;
    setTimeout(() => {
      const key = `${subscription.deviceId}|${subscription.profile}`;
      if (this.media === media && this.subscriptions.get(key) === subscription) this.requestStream(subscription);
    }, streamRetryMs);
  }

  private onMediaFrame(bytes: Uint8Array): void {
    const decoded = decodeMediaFrame(bytes);
    if (!decoded.ok) return;
    const subscription = this.byStreamId.get(decoded.frame.header.streamId);
    if (!subscription) return;
    for (const listener of subscription.listeners) listener.onFrame(decoded.frame);
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
    const media = this.media;
    this.control = null;
    this.media = null;
    control?.close();
    media?.close();
    this.inputChains.clear();
    this.byStreamId.clear();
    for (const subscription of this.subscriptions.values()) {
      subscription.streamId = null;
      subscription.requested = false;
      for (const listener of subscription.listeners) listener.onEnded('connectionLost');
    }
  }

  private async onDropped(opened: boolean): Promise<void> {
    this.teardown();
    if (!this.running) return;
    const reachable = opened ? false : await (this.options.isReachable ?? defaultReachable)(this.options.url);
    if (!this.running) return;
    if (!opened && reachable) {
      // A refused token does not heal by retrying: wait for a new one.
      this.running = false;
      this.options.events.onLink('unauthorized', { reason: 'tokenRefused', retryAt: null });
      return;
    }
    const delay = backoffDelay(this.attempt++, this.options.random ?? Math.random);
    const retryAt = this.now() + delay;
    this.options.events.onLink('offline', { reason: opened ? 'connectionLost' : 'unreachable', retryAt });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.running) this.connect();
    }, delay);
  }
}
