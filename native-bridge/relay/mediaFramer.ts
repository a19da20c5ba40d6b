// Frames a stream's packets for the media socket once per packet, so every viewer sends the same buffer.
import { MEDIA_HEADER_SIZE, writeMediaHeader } from '../protocol/mediaFrame.ts';
import type { VideoPacket } from '../base/deviceHub.ts';

/**
 * Header and payload go out as one pre-framed buffer: building it costs one copy per packet (not per viewer),
 * while ws then writes it to every socket without further copies. Keyed by packet object, so the GOP cache's
 * packets keep their framed twin alive exactly as long as the cache keeps them.
 */
export class MediaFramer {
  private readonly framed = new WeakMap<VideoPacket, Uint8Array>();
  private width = 0;
  private height = 0;
  framedCount = 0;

  constructor(readonly streamId: number) {}

  frame(packet: VideoPacket): Uint8Array {
    const cached = this.framed.get(packet);
    if (cached) return cached;
    if (packet.type === 'config') {
      this.width = packet.width;
      this.height = packet.height;
    }
    // Every byte is written below, so the buffer need not be zero-filled (half the cost of a new Uint8Array).
    const bytes = Buffer.allocUnsafeSlow(MEDIA_HEADER_SIZE + packet.data.byteLength);
    writeMediaHeader(bytes, {
      streamId: this.streamId,
      config: packet.type === 'config',
      keyframe: packet.type === 'frame' && packet.keyframe,
      width: this.width,
      height: this.height,
      pts: packet.type === 'frame' ? packet.pts : 0n,
    });
    bytes.set(packet.data, MEDIA_HEADER_SIZE);
    this.framed.set(packet, bytes);
    this.framedCount += 1;
    return bytes;
  }
}
