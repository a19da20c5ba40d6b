// One media socket: its video subscriptions (by box-wide stream id) and their end when a device goes away.
import type { WebSocket } from 'ws';
import type { DeviceInfo, StreamProfileName } from '../base/deviceHub.ts';
import type { StreamEndedEvent } from '../protocol/boxMessages.ts';
import type { ClientMessage } from '../protocol/clientMessages.ts';
import { ErrorCode, protocolError } from '../protocol/errorCodes.ts';
import { CloseCode, Limits } from '../protocol/limits.ts';
import type { MediaRelay } from '../relay/mediaRelay.ts';
import type { ViewerStream } from '../relay/viewerStream.ts';
import { AfterResponse } from './clientConnection.ts';
import { BoxError } from '../base/boxError.ts';

interface Subscription {
  viewer: ViewerStream;
  deviceId: string;
  profile: StreamProfileName;
}

export class MediaSession {
  private readonly subscriptions = new Map<number, Subscription>();
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly relay: MediaRelay,
  ) {}

  /** Answers synchronously: subscriptions never wait on a phone. */
  run(message: ClientMessage): unknown {
    switch (message.type) {
      case 'subscribe':
        return this.subscribe(message.deviceId, message.profile);
      case 'unsubscribe':
        this.end(message.streamId);
        return {};
      case 'requestKeyFrame': {
        const subscription = this.subscriptions.get(message.streamId);
        if (!subscription) throw new BoxError(ErrorCode.NotFound, 'not subscribed to that stream');
        subscription.viewer.requestKeyFrame();
        return {};
      }
      default:
        throw new BoxError(ErrorCode.BadRequest, `${message.type} belongs on the control socket`);
    }
  }

  /** Ends this socket's streams of a device that is no longer online. */
  deviceChanged(device: DeviceInfo, removed: boolean): void {
    if (!removed && device.state === 'online') return;
    for (const [streamId, subscription] of this.subscriptions) {
      if (subscription.deviceId !== device.id) continue;
      this.end(streamId);
      const event: StreamEndedEvent = {
        type: 'streamEnded',
        streamId,
        error: protocolError(ErrorCode.DeviceOffline, device.reason ?? `${device.id} is ${removed ? 'gone' : device.state}`),
      };
      if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(event));
    }
  }

  /** Cuts viewers that stayed over the buffer cap even when no packet arrives to notice it. */
  checkSlow(): void {
    for (const subscription of this.subscriptions.values()) subscription.viewer.checkSlow();
  }

  close(): void {
    this.closed = true;
    for (const streamId of [...this.subscriptions.keys()]) this.end(streamId);
  }

  private subscribe(deviceId: string, profile: StreamProfileName): AfterResponse {
    if (this.closed) throw new BoxError(ErrorCode.BadRequest, 'socket is closing');
    for (const [streamId, existing] of this.subscriptions) {
      if (existing.deviceId === deviceId && existing.profile === profile) return new AfterResponse({ streamId, deviceId, profile }, () => {});
    }
    if (this.subscriptions.size >= Limits.maxSubscriptions) throw new BoxError(ErrorCode.TooLarge, 'too many subscriptions on this socket');
    // The hub refuses unknown and offline devices before the relay gives the stream an id.
    const viewer = this.relay.subscribe(this.ws, deviceId, profile, () => {
      this.subscriptions.delete(viewer.streamId);
      this.ws.close(CloseCode.SlowConsumer, 'slow viewer: over the buffer cap too long');
      // The close frame waits behind the viewer's backlog; a peer that does not read is dropped soon after.
      setTimeout(() => this.ws.terminate(), 2_000).unref();
    });
    const { streamId } = viewer;
    this.subscriptions.set(streamId, { viewer, deviceId, profile });
    // The response must reach the client before the stream's first binary frame.
    return new AfterResponse({ streamId, deviceId, profile }, () => {
      if (this.subscriptions.get(streamId)?.viewer === viewer) viewer.start();
    });
  }

  private end(streamId: number): void {
    const subscription = this.subscriptions.get(streamId);
    if (!subscription) return;
    this.subscriptions.delete(streamId);
    subscription.viewer.stop();
  }
}
