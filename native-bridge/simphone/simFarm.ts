// Starts many simulated phones in one process, plus one loopback inspection server for all of them.
import { EMULATOR_PORT_RANGE } from './adbd/adbdServer.ts';
import { InspectServer } from './inspect/inspectServer.ts';
import { DEFAULT_SIZE, SimPhone } from './simPhone.ts';

export interface SimFarmOptions {
  count: number;
  /** Phone i (0-based) listens on basePort + i; absent = ephemeral ports. */
  basePort?: number;
  host?: string;
  /** Physical sizes, cycled over the phones. */
  resolutions?: [number, number][];
  seed?: number;
  customerMessageIntervalMs?: number | null;
  /** 0 or absent = ephemeral. */
  inspectPort?: number;
  scrcpyVersion?: string;
  log?: (line: string) => void;
}

export interface SimFarm {
  phones: SimPhone[];
  inspectPort: number;
  inspectUrl(phone: SimPhone): string;
  stop(): Promise<void>;
}

export const MAX_FARM_SIZE = 512;

/** Ports a farm would use that the adb server probes for emulators; empty when the range is clear. */
export function conflictingPorts(basePort: number, count: number): number[] {
  const ports: number[] = [];
  for (let port = basePort; port < basePort + count; port += 1) {
    if (port >= EMULATOR_PORT_RANGE.first && port <= EMULATOR_PORT_RANGE.last) ports.push(port);
  }
  return ports;
}

export async function startSimFarm(options: SimFarmOptions): Promise<SimFarm> {
  const { count, basePort } = options;
  if (!Number.isInteger(count) || count < 1 || count > MAX_FARM_SIZE) throw new Error(`count must be 1…${MAX_FARM_SIZE}, got ${count}`);
  if (basePort !== undefined) {
    if (!Number.isInteger(basePort) || basePort < 1 || basePort + count - 1 > 65535) {
      throw new Error(`ports ${basePort}…${basePort + count - 1} are not valid TCP ports`);
    }
    const conflicts = conflictingPorts(basePort, count);
    if (conflicts.length > 0) {
      throw new Error(`ports ${conflicts[0]}…${conflicts.at(-1)} are in ${EMULATOR_PORT_RANGE.first}–${EMULATOR_PORT_RANGE.last}, which the adb server probes for emulators`);
    }
  }
  const resolutions = options.resolutions && options.resolutions.length > 0 ? options.resolutions : [[DEFAULT_SIZE.width, DEFAULT_SIZE.height] as [number, number]];
  const phones: SimPhone[] = [];
  let inspect: InspectServer | null = null;
  try {
    for (let i = 0; i < count; i += 1) {
      const [width, height] = resolutions[i % resolutions.length]!;
      phones.push(
        await SimPhone.start({
          index: i + 1,
          width,
          height,
          seed: (options.seed ?? 1) * 1000 + i,
          customerMessageIntervalMs: options.customerMessageIntervalMs ?? null,
          ...(options.host ? { host: options.host } : {}),
          ...(basePort !== undefined ? { port: basePort + i } : {}),
          ...(options.scrcpyVersion ? { scrcpyVersion: options.scrcpyVersion } : {}),
          ...(options.log ? { log: options.log } : {}),
        }),
      );
    }
    inspect = await InspectServer.start(() => phones, options.inspectPort ?? 0);
  } catch (error) {
    await Promise.all(phones.map((phone) => phone.stop()));
    throw error;
  }
  const server = inspect;
  return {
    phones,
    inspectPort: server.port,
    inspectUrl: (phone) => server.url(phone.identity.serial),
    stop: async () => {
      await server.stop();
      await Promise.all(phones.map((phone) => phone.stop()));
    },
  };
}
