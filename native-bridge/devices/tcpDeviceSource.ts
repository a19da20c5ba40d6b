// A device source for one ADB-over-TCP endpoint (an adbd reached without an adb server): connect, watch, reconnect.
import { Adb } from '@yume-chan/adb';
import { openTcpDaemonTransport } from '../adb/nodeTcpDaemonConnection.ts';
import { Backoff, sleep } from '../base/backoff.ts';
import { withDeadline } from '../base/deadline.ts';
import { messageOf as message } from '../base/boxError.ts';
import type { DeviceLink, DeviceRegistry } from './deviceRegistry.ts';
import type { DeviceSource } from '../base/deviceHub.ts';

export interface TcpDeviceSourceOptions {
  host: string;
  port: number;
  source: Extract<DeviceSource, 'tcp' | 'simulated'>;
  jarPath: string | null;
  registry: DeviceRegistry;
  log: (line: string) => void;
  /** Reconnect backoff; lost phones come back by themselves within a few seconds of being reachable. */
  backoff?: Backoff;
}

const handshakeTimeoutMs = 10_000;


export class TcpDeviceSource {
  readonly #options: TcpDeviceSourceOptions;
  readonly #link: DeviceLink;
  readonly #abort = new AbortController();
  readonly #backoff: Backoff;
  #loop: Promise<void> | null = null;

  constructor(options: TcpDeviceSourceOptions) {
    this.#options = options;
    const address = `${options.host}:${options.port}`;
    this.#link = {
      key: `${options.source}:${address}`,
      source: options.source,
      simulated: options.source === 'simulated',
      serial: address,
      jarPath: options.jarPath,
    };
    this.#backoff = options.backoff ?? new Backoff({ initialMs: 250, maxMs: 3_000, jitter: 0.2 });
  }

  start(): void {
    this.#loop ??= this.#run();
  }

  async stop(): Promise<void> {
    this.#abort.abort();
    await this.#loop;
  }

  async #run(): Promise<void> {
    const signal = this.#abort.signal;
    const aborted = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    while (!signal.aborted) {
      const down = await this.#connectOnce(aborted);
      if (signal.aborted) break;
      this.#options.registry.linkDown(this.#link, down.state, down.reason);
      await sleep(this.#backoff.next(), signal);
    }
  }

  /** One connection's life, from handshake to loss; says why it ended and always closes what it opened. */
  async #connectOnce(aborted: Promise<void>): Promise<{ state: 'offline' | 'unauthorized'; reason: string }> {
    const { host, port, registry } = this.#options;
    let adb: Adb | null = null;
    try {
      const transport = await withDeadline(
        openTcpDaemonTransport({ host, port }, this.#link.serial),
        handshakeTimeoutMs,
        `no ADB handshake within ${handshakeTimeoutMs} ms`,
        (late) => void late.close(),
      );
      adb = new Adb(transport);
      try {
        await registry.linkConnected(this.#link, adb);
      } catch (error) {
        return { state: 'offline', reason: `connected to ${host}:${port} but could not read the phone (${message(error)}); retrying` };
      }
      this.#backoff.reset();
      await Promise.race([adb.disconnected, aborted]);
      return { state: 'offline', reason: `lost the ADB connection to ${host}:${port}; reconnecting` };
    } catch (error) {
      if (/authenticat/i.test(message(error))) {
        // Direct TCP endpoints carry no ADB keys; a phone that wants one must go through the adb server.
        return {
          state: 'unauthorized',
          reason: `unauthorized: ${host}:${port} asks for ADB authentication; run "adb connect ${host}:${port}" and use the adb server instead`,
        };
      }
      return { state: 'offline', reason: `adbd at ${host}:${port} not reachable (${message(error)}); retrying` };
    } finally {
      await adb?.close().catch(() => {});
    }
  }
}
