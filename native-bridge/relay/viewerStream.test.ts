// Drop-to-key-frame backpressure and cut timing of one viewer's stream, with a fake socket and clock.
import { describe, expect, test } from 'vitest';
import type { StreamHold, VideoPacket, VideoStream } from '../base/deviceHub.ts';
import { decodeMediaFrame } from '../protocol/mediaFrame.ts';
import { MediaFramer } from './mediaFramer.ts';
import { ViewerStream } from './viewerStream.ts';

function fakeStream(snapshot: VideoPacket[]) {
  const listeners = new Set<(packet: VideoPacket) => void>();
  let keyFrameRequests = 0;
  let released = 0;
  const stream: VideoStream = {
    deviceId: 'd1',
    profile: 'grid',
    snapshot: () => [...snapshot],
    onPacket: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    requestKeyFrame: () => void (keyFrameRequests += 1),
  };
  const hold: StreamHold = { stream, release: () => void (released += 1) };
  return {
    hold,
    push: (packet: VideoPacket) => listeners.forEach((listener) => listener(packet)),
    get keyFrameRequests() {
      return keyFrameRequests;
    },
    get released() {
      return released;
    },
    get listeners() {
      return listeners.size;
    },
  };
}

const config: VideoPacket = { type: 'config', data: new Uint8Array([0, 0, 0, 1, 0x67]), width: 216, height: 480 };
let pts = 0n;
const frame = (keyframe: boolean): VideoPacket => ({ type: 'frame', keyframe, pts: (pts += 1n), data: new Uint8Array([keyframe ? 0x65 : 0x41]), receivedAtNs: 0n });

function setup(snapshot: VideoPacket[]) {
  const source = fakeStream(snapshot);
  const socket = { bufferedAmount: 0, sent: [] as Uint8Array[], close: () => {}, send(data: Uint8Array) { this.sent.push(data); } };
  let now = 0;
  let slow = 0;
  const viewer = new ViewerStream(source.hold, new MediaFramer(7), socket, { capBytes: 1000, cutAfterMs: 5000 }, {
    now: () => now,
    requestKeyFrame: () => source.hold.stream.requestKeyFrame(),
    onSlow: () => void (slow += 1),
  });
  const kinds = () => socket.sent.map((bytes) => {
    const decoded = decodeMediaFrame(bytes);
    if (!decoded.ok) throw new Error('bad frame');
    return decoded.frame.header.config ? 'C' : decoded.frame.header.keyframe ? 'K' : 'P';
  }).join('');
  return { source, socket, viewer, kinds, advance: (ms: number) => (now += ms), get slow() { return slow; } };
}

describe('ViewerStream', () => {
  test('sends the snapshot, then live packets, framed with the stream id and size', () => {
    const t = setup([config, frame(true), frame(false)]);
    t.viewer.start();
    t.source.push(frame(false));
    expect(t.kinds()).toBe('CKPP');
    const last = decodeMediaFrame(t.socket.sent[3]!);
    expect(last.ok && last.frame.header).toMatchObject({ streamId: 7, width: 216, height: 480 });
  });

  test('over the cap: drops until the next key frame (config kept), asks for one, again once back under the cap', () => {
    const t = setup([config, frame(true)]);
    t.viewer.start();
    t.socket.bufferedAmount = 5000;
    t.source.push(frame(false));
    t.source.push(frame(false));
    expect(t.source.keyFrameRequests).toBe(1);
    t.socket.bufferedAmount = 0;
    t.source.push(frame(false));
    expect(t.source.keyFrameRequests).toBe(2);
    t.source.push(config);
    expect(t.kinds()).toBe('CK');
    t.source.push(frame(true));
    t.source.push(frame(false));
    expect(t.kinds()).toBe('CKCKP');
    expect(t.viewer.stats).toMatchObject({ dropped: 3, dropEpisodes: 1 });
  });

  test('a viewer over the cap longer than the timeout is cut and its hold released', () => {
    const t = setup([config]);
    t.viewer.start();
    t.socket.bufferedAmount = 5000;
    t.source.push(frame(false));
    t.advance(4000);
    t.viewer.checkSlow();
    expect(t.slow).toBe(0);
    t.advance(1500);
    t.viewer.checkSlow();
    expect(t.slow).toBe(1);
    expect(t.source.released).toBe(1);
    expect(t.source.listeners).toBe(0);
  });

  test('the same packet is framed once and shared by every viewer', () => {
    const framer = new MediaFramer(3);
    const packet = frame(true);
    expect(framer.frame(packet)).toBe(framer.frame(packet));
    expect(framer.framedCount).toBe(1);
  });
});
