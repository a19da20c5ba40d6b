// The seam between the device side of the box (sources, scrcpy sessions, control) and its serving side (relay,
// features, WebSocket API). Both halves are written against these types only.
import type { DeviceInfo as WireDeviceInfo } from '../protocol/boxMessages.ts';
import type { Input, StreamProfile } from '../protocol/controlInput.ts';

export type { Input } from '../protocol/controlInput.ts';

/**
 * A phone as the device side knows it: the wire's device without what features add to it (`busy`). `id` is stable
 * across reconnects (derived from the serial and source, never from a port or a counter); `width`/`height` are the
 * physical size in the current orientation (0 until known); `simulated` lets the UI label the built-in simulated
 * phones (nothing below the UI branches on it); `reason` says what is wrong and how to fix it when not `online`.
 */
export type DeviceInfo = Omit<WireDeviceInfo, 'busy'>;
export type DeviceState = DeviceInfo['state'];
export type DeviceSource = DeviceInfo['source'];
export type StreamProfileName = StreamProfile;

/** A video packet as the relay sees it. `data` is never copied between the device socket and the viewers. */
export type VideoPacket =
  | { type: 'config'; data: Uint8Array; width: number; height: number }
  | { type: 'frame'; keyframe: boolean; pts: bigint; data: Uint8Array; receivedAtNs: bigint };

/** One running stream of one device in one profile (one scrcpy session). */
export interface VideoStream {
  readonly deviceId: string;
  readonly profile: StreamProfileName;
  /** The current config packet and every packet since the last key frame: what a new viewer needs first. */
  snapshot(): VideoPacket[];
  /** Live packets after the snapshot, in order. Returns the unsubscribe function. */
  onPacket(listener: (packet: VideoPacket) => void): () => void;
  /** Asks the phone for a new config + key frame (RESET_VIDEO). */
  requestKeyFrame(): void;
}

/**
 * A viewer's hold on a stream: the session starts on the first hold and stops a grace period after the last
 * release. Holds survive session restarts (the same hold sees the new session's packets after a new config).
 */
export interface StreamHold {
  readonly stream: VideoStream;
  release(): void;
}

export interface PushProgress {
  file: string;
  sentBytes: number;
  totalBytes: number;
}

/**
 * Everything the serving side may ask of one device; inputs are the protocol's, already validated by its schemas.
 * Input and text go through the phone's one command lane: they land in the order they were asked for.
 */
export interface DeviceControl {
  /** A touch, tap, swipe, scroll, key, button, app start or key-frame request. */
  input(input: Input): Promise<void>;
  /** Types text: ASCII by INJECT_TEXT, anything else by SET_CLIPBOARD+paste chunks, each waiting for its ACK. */
  text(text: string): Promise<void>;
  screenshot(): Promise<Uint8Array>;
  uiDump(): Promise<string>;
  /** Copies images into the phone's gallery folder and media-scans them; returns the phone-side paths. */
  pushImages(files: { name: string; bytes: Uint8Array }[], onProgress?: (progress: PushProgress) => void): Promise<string[]>;
  /** Phone → PC clipboard (device CLIPBOARD messages). Returns the unsubscribe function. */
  onClipboard(listener: (text: string) => void): () => void;
}

export interface DeviceHub {
  list(): DeviceInfo[];
  /** Called with the full new info whenever a device appears, changes state or size, or disappears (`removed`). */
  onDeviceChange(listener: (device: DeviceInfo, removed: boolean) => void): () => void;
  /** Throws a BoxError (`not_found`, `device_offline`) when the device is unknown or not online. */
  holdStream(deviceId: string, profile: StreamProfileName): StreamHold;
  control(deviceId: string): DeviceControl;
  start(): Promise<void>;
  /** Stops sources and phone-side servers. */
  stop(): Promise<void>;
}
