// Needs-attention rule for one phone: notices news on its screen from the grid stream's packet pattern alone.
//
// The phone's encoder (scrcpy on a real phone, libx264 in a simulated one) sends a frame only when the screen
// changes, so packets themselves are the signal; nothing of the app's data is read. The rule:
//   - config packets and key frames are ignored: they come from stream starts, key-frame requests (a viewer
//     joining or recovering) and the periodic IDR the encoder inserts every ~10 s worth of frames, not from news;
//   - a frame smaller than `minFrameBytes` is noise: a blinking caret, a status-bar clock tick or one typed
//     character measure 184–730 B on the grid stream once the encoder has settled, a new message 1.2–7.2 KB;
//   - for `settleMs` after a key frame the floor is `settleFrameBytes`: libx264 spends 2.5–4.6 KB on each of
//     the next few frames to refine a bit-starved key frame, whatever changed (a caret blink included);
//   - frames while an operator holds the phone, and for `operatorGuardMs` after their last input, are the
//     operator's own (typing echo, a screen they opened);
//   - the phone becomes active when at least `minFrames` counted frames totalling `minBytes` arrive within
//     `windowMs`, after `quietMs` without counted frames. A simulated phone draws a new message in one frame, so
//     one large frame is enough; the quiet period stops an endlessly animating screen (a video, a GIF) from
//     raising again right after an operator cleared it.
// Once raised, the attention stays until `clear()` (an operator took the phone). Measurements: CHAT_TOOLS.md.
import type { VideoPacket } from '../base/deviceHub.ts';

export interface AttentionRule {
  minFrameBytes: number;
  settleMs: number;
  settleFrameBytes: number;
  minFrames: number;
  minBytes: number;
  windowMs: number;
  quietMs: number;
  operatorGuardMs: number;
}

export const defaultAttentionRule: AttentionRule = {
  minFrameBytes: 1000,
  settleMs: 3000,
  settleFrameBytes: 6000,
  minFrames: 1,
  minBytes: 1000,
  windowMs: 2000,
  quietMs: 10_000,
  operatorGuardMs: 3000,
};

export interface Attention {
  deviceId: string;
  /** Wall-clock ms of the first frame of the burst that raised it. */
  since: number;
}

interface CountedFrame {
  at: number;
  bytes: number;
}

export class AttentionDetector {
  readonly deviceId: string;
  readonly rule: AttentionRule;
  #window: CountedFrame[] = [];
  #lastCountedAt = Number.NEGATIVE_INFINITY;
  #lastOperatorAt = Number.NEGATIVE_INFINITY;
  #lastKeyFrameAt = Number.NEGATIVE_INFINITY;
  #operatorHolding = false;
  #burstQualified = false;
  #raised: Attention | null = null;

  constructor(deviceId: string, rule: Partial<AttentionRule> = {}) {
    this.deviceId = deviceId;
    this.rule = { ...defaultAttentionRule, ...rule };
  }

  get raised(): Attention | null {
    return this.#raised;
  }

  /** Feeds one packet received at `at` (ms); returns the attention if this packet raised it. */
  packet(packet: VideoPacket, at: number): Attention | null {
    if (packet.type === 'config') return null;
    if (packet.keyframe) {
      this.#lastKeyFrameAt = at;
      return null;
    }
    if (this.#operatorHolding || at < this.#lastOperatorAt + this.rule.operatorGuardMs) return null;
    const settling = at < this.#lastKeyFrameAt + this.rule.settleMs;
    if (packet.data.byteLength < (settling ? this.rule.settleFrameBytes : this.rule.minFrameBytes)) return null;
    const quietBefore = at - this.#lastCountedAt;
    this.#lastCountedAt = at;
    // A new burst starts after a gap longer than the window; it may raise only if the gap was a quiet period.
    if (quietBefore > this.rule.windowMs) {
      this.#window = [];
      this.#burstQualified = quietBefore >= this.rule.quietMs;
    }
    this.#window.push({ at, bytes: packet.data.byteLength });
    this.#window = this.#window.filter((frame) => frame.at > at - this.rule.windowMs);
    if (this.#raised || !this.#burstQualified) return null;
    const bytes = this.#window.reduce((sum, frame) => sum + frame.bytes, 0);
    if (this.#window.length < this.rule.minFrames || bytes < this.rule.minBytes) return null;
    this.#raised = { deviceId: this.deviceId, since: this.#window[0]?.at ?? at };
    return this.#raised;
  }

  /** An operator sent input to this phone (tap, key, text): frames shortly after are theirs. */
  operatorInput(at: number): void {
    this.#lastOperatorAt = Math.max(this.#lastOperatorAt, at);
  }

  /** An operator took (holding=true) or let go of the phone; while held, nothing on it is news. */
  setOperatorHolding(holding: boolean, at: number): void {
    this.#operatorHolding = holding;
    this.operatorInput(at);
  }

  /** Drops a raised attention (an operator took the phone); returns whether one was raised. */
  clear(at: number): boolean {
    const was = this.#raised !== null;
    this.#raised = null;
    this.#window = [];
    this.#burstQualified = false;
    this.operatorInput(at);
    return was;
  }
}
