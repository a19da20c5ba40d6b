// Needs-attention rule on packet sequences measured from simulated phones' grid streams (see CHAT_TOOLS.md).
import { describe, expect, it } from 'vitest';
import type { VideoPacket } from '../base/deviceHub.ts';
import { AttentionDetector, type Attention } from './attentionDetector.ts';

const config: VideoPacket = { type: 'config', data: new Uint8Array(34), width: 216, height: 480 };
const frame = (bytes: number, keyframe = false): VideoPacket => ({ type: 'frame', keyframe, pts: 0n, data: new Uint8Array(bytes), receivedAtNs: 0n });

/** Measured: a 2 px caret toggled every 500 ms after a key frame (216x480, 800 kb/s). */
const caretAfterKey = [151, 2900, 4126, 2507, 621, 212, 184];
/** Measured: the status-bar clock over an open chat, once the encoder has settled. */
const settledTick = 280;
/** Measured: single frames drawing a new customer message (chat list, long text, open chat). */
const messageFrames = [3984, 6001, 7233, 4518, 1205];
/** Measured: one typed character each, then Enter. */
const typing = [3307, 726, 437, 335, 443, 320, 401, 363, 437, 402, 456, 381, 3155];

function feed(detector: AttentionDetector, events: [number, VideoPacket][]): Attention[] {
  return events.map(([at, packet]) => detector.packet(packet, at)).filter((a): a is Attention => a !== null);
}

/** A stream start (config + key frame) at `at`. */
const streamStart = (at: number): [number, VideoPacket][] => [[at, config], [at, frame(14911, true)]];

describe('AttentionDetector', () => {
  it('ignores a caret blinking for ten minutes, with a periodic key frame every 150 frames', () => {
    const detector = new AttentionDetector('p1');
    const events = streamStart(0);
    for (let i = 0; i < 1200; i += 1) {
      const at = 500 + i * 500;
      if (i > 0 && i % 150 === 0) events.push([at - 1, frame(14000, true)]);
      const sinceKey = i % 150;
      events.push([at, frame(caretAfterKey[Math.min(sinceKey, caretAfterKey.length - 1)]!)]);
    }
    expect(feed(detector, events)).toEqual([]);
    expect(detector.raised).toBeNull();
  });

  it('ignores a clock ticking once a minute for an hour, and key frames and configs alone', () => {
    const detector = new AttentionDetector('p1');
    const events = streamStart(0);
    for (let minute = 1; minute <= 60; minute += 1) events.push([minute * 60_000, frame(settledTick)]);
    for (let i = 1; i <= 20; i += 1) events.push([3_600_000 + i * 10_000, config], [3_600_000 + i * 10_000, frame(12_500, true)]);
    expect(feed(detector, events)).toEqual([]);
  });

  it("treats the operator's own typing and screens as theirs, not news", () => {
    const detector = new AttentionDetector('p1');
    const events = streamStart(0);
    let at = 60_000;
    for (const bytes of typing) {
      at += 150;
      detector.operatorInput(at);
      events.push([at + 5, frame(bytes)]);
    }
    expect(feed(detector, events)).toEqual([]);
    detector.setOperatorHolding(true, 70_000);
    expect(feed(detector, [[90_000, frame(18_681)], [95_000, frame(6001)]])).toEqual([]);
    detector.setOperatorHolding(false, 100_000);
    expect(feed(detector, [[101_000, frame(9054)]])).toEqual([]);
  });

  it('raises once for a new message after a quiet period, with the time it happened', () => {
    const detector = new AttentionDetector('p1');
    feed(detector, streamStart(0));
    detector.operatorInput(1000);
    feed(detector, [[1010, frame(18_681)]]);
    const raised = feed(detector, [[61_000, frame(messageFrames[0]!)]]);
    expect(raised).toEqual([{ deviceId: 'p1', since: 61_000 }]);
    expect(feed(detector, messageFrames.map((bytes, i): [number, VideoPacket] => [70_000 + i * 15_000, frame(bytes)]))).toEqual([]);
    expect(detector.raised).toEqual({ deviceId: 'p1', since: 61_000 });
  });

  it('notices a message while a caret keeps blinking', () => {
    const detector = new AttentionDetector('p1');
    const events = streamStart(0);
    for (let i = 0; i < 120; i += 1) events.push([500 + i * 500, frame(caretAfterKey[Math.min(i, caretAfterKey.length - 1)]!)]);
    events.push([30_250, frame(1205)]);
    events.sort((a, b) => a[0] - b[0]);
    expect(feed(detector, events)).toEqual([{ deviceId: 'p1', since: 30_250 }]);
  });

  it('re-arms after clear, but an endless animation does not raise again until it pauses', () => {
    const detector = new AttentionDetector('p1');
    expect(feed(detector, [[20_000, frame(4518)]])).toHaveLength(1);
    expect(detector.clear(25_000)).toBe(true);
    expect(detector.clear(25_001)).toBe(false);
    expect(feed(detector, [[40_000, frame(3984)]])).toEqual([{ deviceId: 'p1', since: 40_000 }]);
    detector.clear(41_000);
    // A looping sticker: a 2 KB frame every 100 ms keeps the phone busy, so no quiet period.
    const loop: [number, VideoPacket][] = Array.from({ length: 600 }, (_, i) => [41_500 + i * 100, frame(2000)]);
    expect(feed(detector, loop)).toEqual([]);
    expect(feed(detector, [[101_500 + 15_000, frame(4000)]])).toEqual([{ deviceId: 'p1', since: 116_500 }]);
  });

  it('needs K frames and B bytes within the window when the rule asks for a burst', () => {
    const detector = new AttentionDetector('p1', { minFrames: 3, minBytes: 6000, windowMs: 1000 });
    expect(feed(detector, [[10_000, frame(2500)], [10_400, frame(2500)]])).toEqual([]);
    expect(feed(detector, [[30_000, frame(2500)], [30_300, frame(2500)], [30_600, frame(1500)]])).toEqual([{ deviceId: 'p1', since: 30_000 }]);
  });
});
