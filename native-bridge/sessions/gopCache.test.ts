import { describe, expect, it } from 'vitest';
import { GopCache } from './gopCache.ts';
import { DeviceVideoStream } from './deviceVideoStream.ts';
import type { VideoPacket } from '../base/deviceHub.ts';

const config = (n: number): VideoPacket => ({ type: 'config', data: new Uint8Array([0, 0, 0, 1, 0x67, n]), width: 240, height: 480 });
const frame = (pts: number, keyframe: boolean, size = 4): Extract<VideoPacket, { type: 'frame' }> => ({
  type: 'frame',
  keyframe,
  pts: BigInt(pts),
  data: new Uint8Array(size).fill(pts),
  receivedAtNs: 0n,
});

describe('GopCache', () => {
  it('keeps config + frames since the last key frame', () => {
    const cache = new GopCache();
    expect(cache.snapshot()).toEqual([]);
    const c = config(1);
    cache.setConfig(c as Extract<VideoPacket, { type: 'config' }>);
    cache.push(frame(1, false)); // before any key frame: not decodable, dropped
    cache.push(frame(2, true));
    cache.push(frame(3, false));
    expect(cache.snapshot().map((p) => (p.type === 'frame' ? Number(p.pts) : 'config'))).toEqual(['config', 2, 3]);
    cache.push(frame(4, true));
    cache.push(frame(5, false));
    expect(cache.snapshot().map((p) => (p.type === 'frame' ? Number(p.pts) : 'config'))).toEqual(['config', 4, 5]);
  });

  it('a new config drops frames of the old decoder', () => {
    const cache = new GopCache();
    cache.setConfig(config(1) as Extract<VideoPacket, { type: 'config' }>);
    cache.push(frame(1, true));
    const c2 = config(2) as Extract<VideoPacket, { type: 'config' }>;
    cache.setConfig(c2);
    expect(cache.snapshot()).toEqual([c2]);
  });

  it('empties itself when a GOP outgrows the limits and reports it', () => {
    const cache = new GopCache({ maxFrames: 3, maxBytes: 1_000 });
    cache.setConfig(config(1) as Extract<VideoPacket, { type: 'config' }>);
    expect(cache.push(frame(1, true))).toBe(true);
    expect(cache.push(frame(2, false))).toBe(true);
    expect(cache.push(frame(3, false))).toBe(true);
    expect(cache.push(frame(4, false))).toBe(false);
    expect(cache.snapshot()).toHaveLength(1);
    const bytes = new GopCache({ maxFrames: 100, maxBytes: 10 });
    bytes.setConfig(config(1) as Extract<VideoPacket, { type: 'config' }>);
    expect(bytes.push(frame(1, true, 8))).toBe(true);
    expect(bytes.push(frame(2, false, 8))).toBe(false);
  });
});

describe('DeviceVideoStream', () => {
  it('fans the same packet object out without copying and asks for a key frame on overflow', () => {
    const stream = new DeviceVideoStream('d1', 'grid', { maxFrames: 2, maxBytes: 1_000 });
    let keyFrameRequests = 0;
    stream.setKeyFrameRequester(() => keyFrameRequests++);
    const seenA: VideoPacket[] = [];
    const seenB: VideoPacket[] = [];
    stream.onPacket((p) => seenA.push(p));
    const off = stream.onPacket((p) => seenB.push(p));
    const c = config(1);
    const k = frame(1, true);
    stream.publish(c);
    stream.publish(k);
    expect(stream.width).toBe(240);
    expect(seenA[1]).toBe(k);
    expect(seenB[1]?.data).toBe(k.data);
    off();
    stream.publish(frame(2, false));
    stream.publish(frame(3, false));
    expect(seenA).toHaveLength(4);
    expect(seenB).toHaveLength(2);
    expect(keyFrameRequests).toBe(1);
    stream.reset();
    expect(stream.snapshot()).toEqual([]);
  });
});
