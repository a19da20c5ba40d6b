// The media relay: hands device streams to viewer sockets, one framer and stream id per device stream.
import type { DeviceHub, StreamProfileName, VideoPacket } from '../base/deviceHub.ts';
import { MediaFramer } from './mediaFramer.ts';
import { ViewerStream } from './viewerStream.ts';
import type { BackpressurePolicy, ViewerSocket } from './viewerStream.ts';

export interface MediaRelayOptions {
  hub: DeviceHub;
  now: () => number;
  policy: BackpressurePolicy;
  /** Key frame requests per stream are spaced at least this far apart (each restarts the phone's encoder). */
  keyFrameIntervalMs?: number;
  /** Called after each packet is handed to a viewer socket (benchmarks measure relay latency with it). */
  onSent?: (packet: VideoPacket) => void;
}

interface StreamEntry {
  framer: MediaFramer;
  lastKeyFrameRequest: number;
}

export const DEFAULT_BACKPRESSURE: BackpressurePolicy = { capBytes: 2 * 1024 * 1024, cutAfterMs: 10_000 };

/**
 * Stream ids are per box, not per socket: one id per device and profile for the box's lifetime, so the framed
 * header is identical for every viewer and one buffer serves them all.
 */
export class MediaRelay {
  private readonly streams = new Map<string, StreamEntry>();
  private nextStreamId = 1;

  constructor(private readonly options: MediaRelayOptions) {}

  /** Holds the stream for a viewer; the caller calls `start()` when the viewer may receive frames. Throws the
   * hub's typed error when the device is unknown or offline. */
  subscribe(socket: ViewerSocket, deviceId: string, profile: StreamProfileName, onSlow: () => void): ViewerStream {
    const hold = this.options.hub.holdStream(deviceId, profile);
    const entry = this.entryFor(deviceId, profile);
    const viewer = new ViewerStream(hold, entry.framer, socket, this.options.policy, {
      now: this.options.now,
      onSlow,
      onSent: this.options.onSent,
      requestKeyFrame: () => {
        const now = this.options.now();
        if (now - entry.lastKeyFrameRequest < (this.options.keyFrameIntervalMs ?? 1_000)) return;
        entry.lastKeyFrameRequest = now;
        hold.stream.requestKeyFrame();
      },
    });
    return viewer;
  }

  private entryFor(deviceId: string, profile: StreamProfileName): StreamEntry {
    const key = `${profile}\u0000${deviceId}`;
    let entry = this.streams.get(key);
    if (!entry) {
      if (this.nextStreamId > 0xffff) throw new Error('stream ids exhausted');
      entry = { framer: new MediaFramer(this.nextStreamId), lastKeyFrameRequest: Number.NEGATIVE_INFINITY };
      this.nextStreamId += 1;
      this.streams.set(key, entry);
    }
    return entry;
  }
}
