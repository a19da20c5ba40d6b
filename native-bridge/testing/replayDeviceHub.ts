// A DeviceHub that replays pre-encoded H.264 as device streams and counts every control call (bench + tests).
import { BoxError } from '../base/boxError.ts';
import { SequencerByKey } from '../base/sequencer.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import type {
  DeviceControl,
  DeviceHub,
  DeviceInfo,
  Input,
  StreamHold,
  StreamProfileName,
  VideoPacket,
  VideoStream,
} from '../base/deviceHub.ts';
import type { H264Fixture } from './h264Fixture.ts';

export interface ControlCall {
  deviceId: string;
  method: 'input' | 'text' | 'screenshot' | 'uiDump' | 'pushImages';
  input?: Input;
  text?: string;
  files?: { name: string; bytes: Uint8Array }[];
  atNs: bigint;
}

/** Replays one fixture in a loop; `emit()` sends the next access unit (driven by a timer or by the test). */
export class ReplayStream implements VideoStream {
  private readonly listeners = new Set<(packet: VideoPacket) => void>();
  private gop: VideoPacket[] = [];
  private next = 0;
  private pts = 0n;
  private readonly config: VideoPacket;
  emitted = 0;
  keyFrameRequests = 0;
  holds = 0;

  constructor(readonly deviceId: string, readonly profile: StreamProfileName, private readonly fixture: H264Fixture) {
    this.config = { type: 'config', data: fixture.config, width: fixture.width, height: fixture.height };
    this.gop = [this.config];
  }

  snapshot(): VideoPacket[] {
    return [...this.gop];
  }

  onPacket(listener: (packet: VideoPacket) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  requestKeyFrame(): void {
    this.keyFrameRequests += 1;
    this.next = 0;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Emits the next access unit (a new config precedes every loop restart, as an encoder reset would). */
  emit(): VideoPacket {
    if (this.next === 0 && this.emitted > 0) this.publish(this.config);
    const unit = this.fixture.units[this.next];
    if (!unit) throw new Error('empty fixture');
    this.next = (this.next + 1) % this.fixture.units.length;
    this.pts += BigInt(Math.round(1_000_000 / this.fixture.fps));
    const packet: VideoPacket = { type: 'frame', keyframe: unit.keyframe, pts: this.pts, data: unit.data, receivedAtNs: process.hrtime.bigint() };
    this.emitted += 1;
    this.publish(packet);
    return packet;
  }

  private publish(packet: VideoPacket): void {
    if (packet.type === 'config') this.gop = [packet];
    else if (packet.keyframe) this.gop = [this.config, packet];
    else this.gop.push(packet);
    for (const listener of this.listeners) listener(packet);
  }
}

export interface ReplayHubOptions {
  devices: number;
  fixtures: Record<StreamProfileName, H264Fixture>;
  /** Emit packets by timer at each fixture's fps while a stream is held (false: the test calls emit()). */
  autoplay?: boolean;
}

export class ReplayDeviceHub implements DeviceHub {
  readonly calls: ControlCall[] = [];
  readonly streams = new Map<string, ReplayStream>();
  private readonly devices = new Map<string, DeviceInfo>();
  private readonly listeners = new Set<(device: DeviceInfo, removed: boolean) => void>();
  private readonly clipboardListeners = new Map<string, Set<(text: string) => void>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lanes = new SequencerByKey<string>();
  private phase = 0;

  constructor(private readonly options: ReplayHubOptions) {
    for (let i = 1; i <= options.devices; i += 1) {
      const id = `replay-${i}`;
      this.devices.set(id, {
        id, serial: `replay-serial-${i}`, model: 'Replay Phone', width: 1080, height: 2412,
        source: 'tcp', simulated: true, state: 'online', reason: null,
      });
    }
  }

  list(): DeviceInfo[] {
    return [...this.devices.values()];
  }

  onDeviceChange(listener: (device: DeviceInfo, removed: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setState(deviceId: string, state: DeviceInfo['state']): void {
    const device = this.devices.get(deviceId);
    if (!device) return;
    device.state = state;
    device.reason = state === 'online' ? null : 'replay device switched off';
    for (const listener of this.listeners) listener({ ...device }, false);
  }

  stream(deviceId: string, profile: StreamProfileName): ReplayStream {
    const key = `${deviceId}/${profile}`;
    let stream = this.streams.get(key);
    if (!stream) {
      stream = new ReplayStream(deviceId, profile, this.options.fixtures[profile]);
      this.streams.set(key, stream);
    }
    return stream;
  }

  holdStream(deviceId: string, profile: StreamProfileName): StreamHold {
    this.requireOnline(deviceId);
    const stream = this.stream(deviceId, profile);
    stream.holds += 1;
    const key = `${deviceId}/${profile}`;
    if (this.options.autoplay && !this.timers.has(key)) {
      // Real phones' frames do not arrive in lockstep: each stream gets its own phase within the frame period.
      const period = 1000 / this.options.fixtures[profile].fps;
      const phase = (this.phase++ * period * 0.618) % period;
      this.timers.set(key, setTimeout(() => this.timers.set(key, setInterval(() => stream.emit(), period)), phase));
    }
    let released = false;
    return {
      stream,
      release: () => {
        if (released) return;
        released = true;
        stream.holds -= 1;
        if (stream.holds === 0) {
          clearTimeout(this.timers.get(key));
          this.timers.delete(key);
        }
      },
    };
  }

  control(deviceId: string): DeviceControl {
    this.requireOnline(deviceId);
    const record = (call: Omit<ControlCall, 'deviceId' | 'atNs'>) => this.calls.push({ deviceId, atNs: process.hrtime.bigint(), ...call });
    return {
      // Through a per-phone lane like the real registry's, so benchmarks count the same ordering work.
      input: (input) => this.lanes.queue(deviceId, async () => void record({ method: 'input', input })),
      text: (text) => this.lanes.queue(deviceId, async () => void record({ method: 'text', text })),
      screenshot: async () => {
        record({ method: 'screenshot' });
        return new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      },
      uiDump: async () => {
        record({ method: 'uiDump' });
        return '<hierarchy/>';
      },
      pushImages: async (files, onProgress) => {
        record({ method: 'pushImages', files });
        for (const file of files) onProgress?.({ file: file.name, sentBytes: file.bytes.length, totalBytes: file.bytes.length });
        return files.map((file) => `/sdcard/Pictures/PhoneWall/${file.name}`);
      },
      onClipboard: (listener) => {
        let set = this.clipboardListeners.get(deviceId);
        if (!set) this.clipboardListeners.set(deviceId, (set = new Set()));
        set.add(listener);
        return () => set.delete(listener);
      },
    };
  }

  /** Simulates a copy on the phone. */
  copyOnPhone(deviceId: string, text: string): void {
    for (const listener of this.clipboardListeners.get(deviceId) ?? []) listener(text);
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private requireOnline(deviceId: string): void {
    const device = this.devices.get(deviceId);
    if (!device) throw new BoxError(ErrorCode.NotFound, `no device ${deviceId}`);
    if (device.state !== 'online') throw new BoxError(ErrorCode.DeviceOffline, `${deviceId} is ${device.state}`);
  }
}
