// Starts simulated phones in the box process and reaches each one as an ADB-over-TCP endpoint, like any phone.
import type { SimFarm } from '../simphone/simFarm.ts';
import type { SimPhone } from '../simphone/simPhone.ts';
import type { DeviceRegistry } from './deviceRegistry.ts';
import { TcpDeviceSource } from './tcpDeviceSource.ts';

export interface SimulatedSourceOptions {
  count: number;
  jarPath: string | null;
  registry: DeviceRegistry;
  log: (line: string) => void;
}

export class SimulatedSource {
  readonly #options: SimulatedSourceOptions;
  #farm: SimFarm | null = null;
  #sources: TcpDeviceSource[] = [];

  constructor(options: SimulatedSourceOptions) {
    this.#options = options;
  }

  async start(): Promise<void> {
    const host = '127.0.0.1';
    // Loaded on demand: a box without --simulate never loads the canvas and encoder code of the phones.
    const { startSimFarm } = await import('../simphone/simFarm.ts');
    const farm = await startSimFarm({ count: this.#options.count, host });
    this.#farm = farm;
    this.#options.log(`started ${farm.phones.length} simulated phones on ${host} (ports ${farm.phones.map((p) => p.port).join(', ')})`);
    this.#sources = farm.phones.map(
      (phone) =>
        new TcpDeviceSource({
          host,
          port: phone.port,
          source: 'simulated',
          jarPath: this.#options.jarPath,
          registry: this.#options.registry,
          log: this.#options.log,
        }),
    );
    for (const source of this.#sources) source.start();
  }

  /** The running phones (for their inspection hooks); empty before start. */
  get phones(): readonly SimPhone[] {
    return this.#farm?.phones ?? [];
  }

  async stop(): Promise<void> {
    await Promise.all(this.#sources.map((source) => source.stop()));
    await this.#farm?.stop();
    this.#farm = null;
  }
}
