// The seam between the device side of the box (sources, scrcpy sessions, control) and its
// serving side (relay, WebSocket API). Both halves are written against these types only.

export type DeviceState = 'connecting' | 'online' | 'offline' | 'unauthorized' | 'error';
export type DeviceSource = 'adb-server' | 'tcp' | 'simulated';
export type StreamProfileName = 'grid' | 'focus';

export interface DeviceInfo {
  /** Stable across reconnects: derived from the serial (and source), never from a port or a counter. */
  id: string;
  serial: string;
  model: string;
  /** Physical size in the current orientation, in pixels; 0 until known. */
  width: number;
  height: number;
  source: DeviceSource;
  /** True for the built-in simulated phones, so the UI can label them. Nothing below the UI branches on it. */
  simulated: boolean;
  state: DeviceState;
  /** Human-readable reason when state is not `online` (what is wrong and how to fix it). */
  reason: string | null;
}

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

export type ControlInput =
  | { kind: 'touch'; action: 'down' | 'move' | 'up' | 'cancel'; pointerId: number; x: number; y: number; frameWidth: number; frameHeight: number }
  | { kind: 'scroll'; x: number; y: number; frameWidth: number; frameHeight: number; dx: number; dy: number }
  | { kind: 'key'; action: 'down' | 'up' | 'press'; keycode: number; metaState?: number }
  | { kind: 'back' }
  | { kind: 'home' }
  | { kind: 'recents' }
  | { kind: 'startApp'; name: string }
  | { kind: 'resetVideo'; profile: StreamProfileName };

export interface PushProgress {
  file: string;
  sentBytes: number;
  totalBytes: number;
}

/** Everything the serving side may ask of one device; every call is already validated by the caller. */
export interface DeviceControl {
  input(input: ControlInput): Promise<void>;
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
  /** Throws a typed error (see the protocol's error codes) when the device is unknown or not online. */
  holdStream(deviceId: string, profile: StreamProfileName): StreamHold;
  control(deviceId: string): DeviceControl;
  start(): Promise<void>;
  /** Stops sources and phone-side servers. */
  stop(): Promise<void>;
}
