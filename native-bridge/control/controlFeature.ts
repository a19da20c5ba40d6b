// The box's core requests: the phone list, input and text to a phone, screenshots, UI dumps and gallery pushes;
// device and clipboard events. Every input is checked against every feature (busy, …) in memory, then goes to
// the phone's one command lane.
import { BoxError } from '../base/boxError.ts';
import type { BoxFeature, Handlers, InputKind, RequestContext, Requester } from '../base/boxFeature.ts';
import type { DeviceHub, DeviceInfo } from '../base/deviceHub.ts';
import { EventSource } from '../base/events.ts';
import type { BoxEvent, DeviceInfo as WireDevice } from '../protocol/boxMessages.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { PushUploads } from './pushUploads.ts';

export type ControlRequestType = 'listDevices' | 'input' | 'text' | 'screenshot' | 'uiDump' | 'startApp' | 'pushBegin' | 'pushChunk' | 'pushCommit' | 'pushAbort';

export interface ControlFeatureOptions {
  hub: DeviceHub;
  /** Every feature of the box (this one included), asked about each input and each phone's wire copy. */
  features: () => readonly BoxFeature[];
  log: (line: string) => void;
}

export class ControlFeature implements BoxFeature {
  readonly name = 'control';
  readonly handlers: Handlers<ControlRequestType>;
  readonly #options: ControlFeatureOptions;
  readonly #events: EventSource<[BoxEvent]>;
  readonly #uploads = new Map<number, PushUploads>();
  readonly #clipboardWatches = new Map<string, () => void>();
  readonly #unsubscribes: (() => void)[] = [];

  constructor(options: ControlFeatureOptions) {
    this.#options = options;
    this.#events = new EventSource((error) => options.log(`control event listener failed: ${String(error)}`));
    const { hub } = options;
    this.handlers = {
      listDevices: () => ({ devices: hub.list().map((device) => this.wireDevice(device)) }),
      input: (message, context) => {
        this.#admit(message.deviceId, context.who, message.input.kind === 'resetVideo' ? null : message.input.kind);
        return hub.control(message.deviceId).input(message.input).then(() => ({}));
      },
      text: (message, context) => {
        this.#admit(message.deviceId, context.who, 'text');
        return hub.control(message.deviceId).text(message.text).then(() => ({}));
      },
      startApp: (message, context) => {
        this.#admit(message.deviceId, context.who, 'startApp');
        return hub.control(message.deviceId).input({ kind: 'startApp', name: message.name }).then(() => ({}));
      },
      screenshot: async (message) => {
        const png = await hub.control(message.deviceId).screenshot();
        return { mime: 'image/png', base64: Buffer.from(png.buffer, png.byteOffset, png.byteLength).toString('base64') };
      },
      uiDump: async (message) => ({ xml: await hub.control(message.deviceId).uiDump() }),
      pushBegin: (message, context) => this.#uploadsOf(context).begin(message),
      pushChunk: (message, context) => this.#uploadsOf(context).chunk(message),
      pushCommit: (message, context) => this.#uploadsOf(context).commit(message),
      pushAbort: (message, context) => this.#uploadsOf(context).abort(message),
    };
  }

  /** The wire copy of a device: the hub's fields plus what each feature adds (`busy`). */
  wireDevice(device: DeviceInfo): WireDevice {
    const { id, serial, model, width, height, source, simulated, state, reason } = device;
    const wire: WireDevice = { id, serial, model, width, height, source, simulated, state, reason, busy: null };
    for (const feature of this.#options.features()) Object.assign(wire, feature.describeDevice?.(id));
    return wire;
  }

  onEvent(listener: (event: BoxEvent) => void): () => void {
    return this.#events.on(listener);
  }

  start(): void {
    const { hub } = this.#options;
    this.#unsubscribes.push(hub.onDeviceChange((device, removed) => this.#deviceChanged(device, removed)));
    for (const feature of this.#options.features()) {
      const off = feature.onDeviceDescriptionChange?.((deviceId) => this.#described(deviceId));
      if (off) this.#unsubscribes.push(off);
    }
    for (const device of hub.list()) this.#watchClipboard(device);
  }

  stop(): void {
    for (const off of this.#unsubscribes.splice(0)) off();
    for (const unwatch of this.#clipboardWatches.values()) unwatch();
    this.#clipboardWatches.clear();
    for (const uploads of this.#uploads.values()) uploads.clear();
    this.#uploads.clear();
  }

  /** Refused by any feature (a BoxError naming why), or accepted and told to every feature. */
  #admit(deviceId: string, who: Requester, kind: InputKind | null): void {
    const features = this.#options.features();
    for (const feature of features) feature.checkInput?.(deviceId, who);
    if (kind === null) return;
    for (const feature of features) feature.inputAccepted?.(deviceId, who, kind);
  }

  #uploadsOf(context: RequestContext): PushUploads {
    let uploads = this.#uploads.get(context.connectionId);
    if (!uploads) {
      const created = new PushUploads({ control: (deviceId) => this.#options.hub.control(deviceId), onProgress: (event) => context.send(event) });
      this.#uploads.set(context.connectionId, created);
      context.onClose(() => {
        created.clear();
        this.#uploads.delete(context.connectionId);
      });
      uploads = created;
    }
    return uploads;
  }

  #described(deviceId: string): void {
    const device = this.#options.hub.list().find((candidate) => candidate.id === deviceId);
    if (device) this.#events.emit({ type: 'device', device: this.wireDevice(device), removed: false });
  }

  #deviceChanged(device: DeviceInfo, removed: boolean): void {
    const wire = removed ? { ...this.wireDevice(device), busy: null } : this.wireDevice(device);
    this.#events.emit({ type: 'device', device: wire, removed });
    if (removed || device.state !== 'online') {
      this.#clipboardWatches.get(device.id)?.();
      this.#clipboardWatches.delete(device.id);
    } else this.#watchClipboard(device);
  }

  #watchClipboard(device: DeviceInfo): void {
    if (device.state !== 'online' || this.#clipboardWatches.has(device.id)) return;
    try {
      const unwatch = this.#options.hub.control(device.id).onClipboard((text) => this.#events.emit({ type: 'clipboard', deviceId: device.id, text }));
      this.#clipboardWatches.set(device.id, unwatch);
    } catch (error) {
      this.#options.log(`clipboard of ${device.id} not watched: ${error instanceof BoxError ? error.message : String(error)}`);
    }
  }
}

/** Thrown by a feature's `checkInput`; kept here so every refusal of input names the phone the same way. */
export function inputRefused(code: ErrorCode, message: string, jobId?: string): BoxError {
  return new BoxError(code, message, jobId ? { jobId } : {});
}
