// A device source backed by the standard adb server: tracks its device list and retries a dead server with backoff.
import { AdbServerClient, type Adb } from '@yume-chan/adb';
import { AdbServerNodeTcpConnector } from '@yume-chan/adb-server-node-tcp';
import { Backoff, sleep } from '../base/backoff.ts';
import { messageOf as message } from '../base/boxError.ts';
import type { DeviceLink, DeviceRegistry } from './deviceRegistry.ts';

export interface AdbServerSourceOptions {
  host: string;
  port: number;
  jarPath: string | null;
  registry: DeviceRegistry;
  log: (line: string) => void;
}

interface Tracked {
  link: DeviceLink;
  transportId: bigint | null;
  adb: Adb | null;
  /** Serialises connects of one serial: list updates arrive faster than a probe finishes. */
  busy: Promise<void>;
}

const stateReasons = {
  unauthorized: 'unauthorized: accept the USB debugging prompt on the phone',
  offline: 'adb reports the phone offline: reconnect its cable or run "adb reconnect offline"',
} as const;

/** Tango's tracker drops `offline` entries, so "gone from the list" covers both unplugged and offline phones. */
const notListedReason = 'disconnected: the adb server no longer lists it (unplugged, or offline: reconnect its cable or run "adb reconnect offline")';


export class AdbServerSource {
  readonly #options: AdbServerSourceOptions;
  readonly #abort = new AbortController();
  readonly #backoff = new Backoff({ initialMs: 500, maxMs: 5_000, jitter: 0.2 });
  readonly #tracked = new Map<string, Tracked>();
  #loop: Promise<void> | null = null;
  /** The latest list from the live server connection, by serial. */
  #listed = new Map<string, AdbServerClient.Device>();

  constructor(options: AdbServerSourceOptions) {
    this.#options = options;
  }

  get unreachableReason(): string {
    return `adb server not reachable at ${this.#options.host}:${this.#options.port}: start it with "adb start-server"`;
  }

  start(): void {
    this.#loop ??= this.#run();
  }

  async stop(): Promise<void> {
    this.#abort.abort();
    await this.#loop;
    await Promise.all([...this.#tracked.values()].map((tracked) => tracked.adb?.close().catch(() => {})));
  }

  async #run(): Promise<void> {
    const { host, port, log } = this.#options;
    const signal = this.#abort.signal;
    let reported = false;
    while (!signal.aborted) {
      const client = new AdbServerClient(new AdbServerNodeTcpConnector({ host, port }));
      let observer: AdbServerClient.DeviceObserver;
      try {
        observer = await client.trackDevices({ includeStates: ['device', 'unauthorized', 'offline'] });
      } catch (error) {
        if (!reported) log(`${this.unreachableReason} (${message(error)})`);
        reported = true;
        this.#allDown(this.unreachableReason);
        await sleep(this.#backoff.next(), signal);
        continue;
      }
      reported = false;
      this.#backoff.reset();
      log(`tracking devices through the adb server at ${host}:${port}`);
      const lost = new Promise<void>((resolve) => {
        observer.onError(() => resolve());
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
      observer.onListChange((devices) => this.#reconcile(client, devices));
      await lost;
      await Promise.resolve(observer.stop()).catch(() => {});
      if (signal.aborted) break;
      log(`lost the adb server at ${host}:${port}; retrying`);
      this.#allDown(this.unreachableReason);
      await sleep(this.#backoff.next(), signal);
    }
  }

  #reconcile(client: AdbServerClient, devices: readonly AdbServerClient.Device[]): void {
    const seen = new Set<string>();
    this.#listed = new Map(devices.map((device) => [device.serial, device]));
    for (const device of devices) {
      seen.add(device.serial);
      const tracked = this.#track(device.serial);
      tracked.busy = tracked.busy.then(() => this.#apply(client, tracked, device));
    }
    for (const [serial, tracked] of this.#tracked) {
      if (seen.has(serial)) continue;
      tracked.busy = tracked.busy.then(() => this.#down(tracked, 'offline', notListedReason));
    }
  }

  #track(serial: string): Tracked {
    let tracked = this.#tracked.get(serial);
    if (!tracked) {
      tracked = {
        link: { key: `adb-server:${serial}`, source: 'adb-server', simulated: false, serial, jarPath: this.#options.jarPath },
        transportId: null,
        adb: null,
        busy: Promise.resolve(),
      };
      this.#tracked.set(serial, tracked);
    }
    return tracked;
  }

  async #apply(client: AdbServerClient, tracked: Tracked, device: AdbServerClient.Device): Promise<void> {
    if (this.#abort.signal.aborted) return;
    if (device.state !== 'device') {
      await this.#down(tracked, device.state, stateReasons[device.state]);
      return;
    }
    if (tracked.adb && tracked.transportId === device.transportId) return;
    if (tracked.adb) await this.#down(tracked, 'offline', 'reconnecting through the adb server');
    try {
      const adb = await client.createAdb({ transportId: device.transportId });
      tracked.adb = adb;
      tracked.transportId = device.transportId;
      await this.#options.registry.linkConnected(tracked.link, adb);
      // Rejects (rather than resolves) when the server itself dies; either way the phone is gone.
      const lost = () => {
        if (tracked.adb !== adb) return;
        tracked.busy = tracked.busy.then(() => this.#down(tracked, 'offline', 'lost the connection through the adb server'));
      };
      adb.disconnected.then(lost, lost);
    } catch (error) {
      await this.#down(tracked, 'offline', `could not open the phone through the adb server: ${message(error)}; retrying`);
      // A phone that just appeared may still be booting: look again later unless the list changes first.
      await sleep(2_000, this.#abort.signal);
      const still = this.#listed.get(tracked.link.serial);
      if (!this.#abort.signal.aborted && !tracked.adb && still?.transportId === device.transportId) tracked.busy = tracked.busy.then(() => this.#apply(client, tracked, device));
    }
  }

  async #down(tracked: Tracked, state: 'offline' | 'unauthorized', reason: string): Promise<void> {
    const adb = tracked.adb;
    tracked.adb = null;
    tracked.transportId = null;
    this.#options.registry.linkDown(tracked.link, state, reason);
    await adb?.close().catch(() => {});
  }

  #allDown(reason: string): void {
    this.#listed = new Map();
    for (const tracked of this.#tracked.values()) {
      tracked.busy = tracked.busy.then(() => this.#down(tracked, 'offline', reason));
    }
  }
}
