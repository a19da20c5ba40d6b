// The simulated phone's adbd listener: accepts host TCP connections on loopback and hands them to AdbdConnection.
import { createServer, type Server, type Socket } from 'node:net';
import { AdbdConnection, type AdbServiceOpener } from './adbdConnection.ts';
import type { PhoneIdentity } from '../types.ts';

export interface AdbdServerOptions {
  identity: PhoneIdentity;
  openService: AdbServiceOpener;
  host?: string;
  /** 0 picks an ephemeral port. */
  port?: number;
  log?: (line: string) => void;
}

/** The adb server probes this range for emulators; a simulated phone there would be found twice. */
export const EMULATOR_PORT_RANGE = { first: 5555, last: 5585 } as const;

export const DEVICE_FEATURES = ['shell_v2', 'cmd', 'stat_v2', 'ls_v2', 'fixed_push_mkdir', 'apex', 'abb', 'abb_exec'] as const;

export function deviceBanner(identity: PhoneIdentity): string {
  return (
    `device::ro.product.name=${identity.product};ro.product.model=${identity.model};` +
    `ro.product.device=${identity.device};features=${DEVICE_FEATURES.join(',')}`
  );
}

export class AdbdServer {
  readonly #options: AdbdServerOptions;
  readonly #server: Server;
  readonly #connections = new Set<AdbdConnection>();
  #reachable = true;
  #port = 0;

  private constructor(options: AdbdServerOptions) {
    this.#options = options;
    this.#server = createServer((socket) => this.#accept(socket));
  }

  static async start(options: AdbdServerOptions): Promise<AdbdServer> {
    const port = options.port ?? 0;
    if (port >= EMULATOR_PORT_RANGE.first && port <= EMULATOR_PORT_RANGE.last) {
      throw new Error(`port ${port} is in ${EMULATOR_PORT_RANGE.first}–${EMULATOR_PORT_RANGE.last}, which the adb server probes for emulators`);
    }
    const adbd = new AdbdServer(options);
    await new Promise<void>((resolve, reject) => {
      adbd.#server.once('error', reject);
      adbd.#server.listen(port, options.host ?? '127.0.0.1', () => {
        adbd.#server.off('error', reject);
        resolve();
      });
    });
    const address = adbd.#server.address();
    adbd.#port = typeof address === 'object' && address ? address.port : port;
    return adbd;
  }

  get port(): number {
    return this.#port;
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  get reachable(): boolean {
    return this.#reachable;
  }

  /** Test perturbation: every current host connection drops, as if the cable was pulled for a moment. */
  dropConnections(): void {
    for (const connection of [...this.#connections]) connection.close();
  }

  /** Unreachable: current connections drop and new ones are cut at once, until reachable again. */
  setReachable(reachable: boolean): void {
    this.#reachable = reachable;
    if (!reachable) this.dropConnections();
  }

  async stop(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(socket: Socket): void {
    if (!this.#reachable) {
      socket.destroy();
      return;
    }
    const { openService, log, identity } = this.#options;
    const connection = new AdbdConnection(socket, { banner: deviceBanner(identity), openService, log });
    this.#connections.add(connection);
    connection.onClose(() => this.#connections.delete(connection));
  }
}
