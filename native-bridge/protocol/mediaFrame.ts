// The binary media frame: a fixed 16-byte header, then one H.264 access unit (or the codec config).
// One media socket multiplexes many device streams by stream id. Browser-safe: DataView only.

export const MEDIA_HEADER_SIZE = 16;
export const MEDIA_FRAME_VERSION = 1;

export const MediaFlag = {
  /** The payload is the codec configuration (SPS/PPS, Annex B); width/height are the new frame size. */
  Config: 0x01,
  /** The payload is a key frame (IDR): a decoder may start here. */
  KeyFrame: 0x02,
} as const;

export interface MediaHeader {
  streamId: number;
  config: boolean;
  keyframe: boolean;
  /** Frame size of the stream at this packet (video pixels). */
  width: number;
  height: number;
  /** Presentation time in microseconds (0 for config). */
  pts: bigint;
}

export interface MediaFrame {
  header: MediaHeader;
  /** A view into the received bytes, not a copy. */
  payload: Uint8Array;
}

export type MediaDecodeError = { code: 'bad_request'; message: string };

/**
 * Layout (big-endian):
 *   0  u8  version (1)
 *   1  u8  flags (bit 0 config, bit 1 key frame)
 *   2  u16 stream id (from the subscribe response)
 *   4  u16 width
 *   6  u16 height
 *   8  u64 pts in microseconds
 *  16  payload
 */
export function writeMediaHeader(target: Uint8Array, header: MediaHeader, offset = 0): void {
  if (target.byteLength - offset < MEDIA_HEADER_SIZE) throw new RangeError('media header target too small');
  const view = new DataView(target.buffer, target.byteOffset + offset, MEDIA_HEADER_SIZE);
  view.setUint8(0, MEDIA_FRAME_VERSION);
  view.setUint8(1, (header.config ? MediaFlag.Config : 0) | (header.keyframe ? MediaFlag.KeyFrame : 0));
  view.setUint16(2, header.streamId);
  view.setUint16(4, Math.min(header.width, 0xffff));
  view.setUint16(6, Math.min(header.height, 0xffff));
  view.setBigUint64(8, BigInt.asUintN(64, header.pts));
}

/** Header + payload in one buffer (the box builds one per packet and shares it between viewers). */
export function encodeMediaFrame(header: MediaHeader, payload: Uint8Array): Uint8Array {
  const frame = new Uint8Array(MEDIA_HEADER_SIZE + payload.byteLength);
  writeMediaHeader(frame, header);
  frame.set(payload, MEDIA_HEADER_SIZE);
  return frame;
}

export function decodeMediaFrame(bytes: Uint8Array): { ok: true; frame: MediaFrame } | { ok: false; error: MediaDecodeError } {
  if (bytes.byteLength < MEDIA_HEADER_SIZE) return { ok: false, error: { code: 'bad_request', message: 'media frame shorter than its header' } };
  const view = new DataView(bytes.buffer, bytes.byteOffset, MEDIA_HEADER_SIZE);
  const version = view.getUint8(0);
  if (version !== MEDIA_FRAME_VERSION) return { ok: false, error: { code: 'bad_request', message: `unknown media frame version ${version}` } };
  const flags = view.getUint8(1);
  return {
    ok: true,
    frame: {
      header: {
        streamId: view.getUint16(2),
        config: (flags & MediaFlag.Config) !== 0,
        keyframe: (flags & MediaFlag.KeyFrame) !== 0,
        width: view.getUint16(4),
        height: view.getUint16(6),
        pts: view.getBigUint64(8),
      },
      payload: bytes.subarray(MEDIA_HEADER_SIZE),
    },
  };
}
