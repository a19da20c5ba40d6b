// Starts simulated phones in the box process and reaches each one as an ADB-over-TCP endpoint, like any phone.
import type { DeviceRegistry } from './deviceRegistry.ts';
import { TcpDeviceSource } from './tcpDeviceSource.ts';

/** The part of the simulated phone farm the box uses (its composition API lives in simphone/simFarm.ts). */
interface SimFarmHandle {
  phones: { port: number }[];
  stop(): Promise<void> | void;
}
type StartSimFarm = (options: { count: number; host?: string }) => Promise<SimFarmHandle>;

export interface SimulatedSourceOptions {
  count: number;
  jarPath: string | null;
  registry: DeviceRegistry;
  log: (line: string) => void;
}

export class SimulatedSource {
  readonly #options: SimulatedSourceOptions;
  #farm: SimFarmHandle | null = null;
  #sources: TcpDeviceSource[] = [];

  constructor(options: SimulatedSourceOptions) {
    this.#options = options;
  }

  async start(): Promise<void> {
    const host = '127.0.0.1';
    // Loaded on demand: a box without --simulate never loads the canvas and encoder code of the phones.
    const farmModule = '../simphone/simFarm.ts';
    const { startSimFarm } = (await import(farmModule)) as { startSimFarm: StartSimFarm };
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

  async stop(): Promise<void> {
    await Promise.all(this.#sources.map((source) => source.stop()));
    await this.#farm?.stop();
    this.#farm = null;
  }
}
