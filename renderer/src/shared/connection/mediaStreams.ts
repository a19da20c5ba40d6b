// The video subscriptions of one box on its media socket: many tiles may watch one stream, streams are asked for
// again after a reconnect or when the box ends them, and frames go to every listener of their stream.
import type { StreamEndedEvent } from '../../../../native-bridge/protocol/boxMessages.ts';
import type { StreamProfile } from '../../../../native-bridge/protocol/controlInput.ts';
import { decodeMediaFrame } from '../../../../native-bridge/protocol/mediaFrame.ts';
import type { MediaFrame } from '../../../../native-bridge/protocol/mediaFrame.ts';
import type { RpcSocket } from './rpcSocket.ts';

export interface StreamListener {
  onFrame(frame: MediaFrame): void;
  /** The stream ended (device offline, connection lost); a new config + key frame follows a resubscribe. */
  onEnded(reason: string): void;
}

interface Subscription {
  deviceId: string;
  profile: StreamProfile;
  listeners: Set<StreamListener>;
  streamId: number | null;
  requested: boolean;
}

const streamRetryMs = 3000;

export class MediaStreams {
  private media: RpcSocket | null = null;
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly byStreamId = new Map<number, Subscription>();

  /** The media socket said hello: every watched stream is asked for on it. */
  attach(media: RpcSocket): void {
    this.media = media;
    for (const subscription of this.subscriptions.values()) this.requestStream(subscription);
  }

  /** The media socket is gone: every listener hears its stream ended; subscriptions stay for the next socket. */
  detach(): void {
    this.media = null;
    this.byStreamId.clear();
    for (const subscription of this.subscriptions.values()) {
      subscription.streamId = null;
      subscription.requested = false;
      for (const listener of subscription.listeners) listener.onEnded('connectionLost');
    }
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

  onStreamEnded(event: StreamEndedEvent): void {
    const subscription = this.byStreamId.get(event.streamId);
    if (!subscription) return;
    this.byStreamId.delete(event.streamId);
    subscription.streamId = null;
    subscription.requested = false;
    for (const listener of subscription.listeners) listener.onEnded(event.error.message);
    this.retryStream(subscription);
  }

  onFrame(bytes: Uint8Array): void {
    const decoded = decodeMediaFrame(bytes);
    if (!decoded.ok) return;
    const subscription = this.byStreamId.get(decoded.frame.header.streamId);
    if (!subscription) return;
    for (const listener of subscription.listeners) listener.onFrame(decoded.frame);
  }

  private requestStream(subscription: Subscription): void {
    const media = this.media;
    if (!media?.isOpen || subscription.requested) return;
    subscription.requested = true;
    media
      .request({ type: 'subscribe', deviceId: subscription.deviceId, profile: subscription.profile })
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
}
