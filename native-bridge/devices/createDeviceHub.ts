// Composition root of the box's device side: sources, registry, scrcpy sessions and control behind one DeviceHub.
import type { DeviceHub, DeviceInfo, StreamProfileName } from '../base/deviceHub.ts';
import { DeviceRegistry } from './deviceRegistry.ts';
import { AdbServerSource } from './adbServerSource.ts';
import { TcpDeviceSource } from './tcpDeviceSource.ts';
import { SimulatedSource } from './simulatedSource.ts';
import { resolveStreamProfiles, type StreamProfile } from '../sessions/streamProfile.ts';
import { writeStandInJar } from '../sessions/scrcpyServerJar.ts';
import type { SimPhone } from '../simphone/simPhone.ts';

export type { StreamProfile } from '../sessions/streamProfile.ts';

export interface DeviceHubConfig {
  /** The standard adb server to track devices through, or null to not use one. */
  adbServer: { host: string; port: number } | null;
  /** Direct ADB-over-TCP endpoints (adbd without an adb server). */
  connect: { host: string; port: number }[];
  /** Number of simulated phones to start in-process (0 for none). */
  simulate: number;
  /** The scrcpy-server jar on this PC. Null: simulated phones get a generated stand-in, real phones an error. */
  scrcpyServerPath: string | null;
  dataDir: string;
  profiles?: Partial<Record<StreamProfileName, StreamProfile>>;
  log: (line: string) => void;
  /** How long a stream with no viewers keeps its phone-side server running (default 10 s). */
  sessionGraceMs?: number;
  /** The version the box announces to the server (default: the pinned one); only diagnostics change it. */
  scrcpyServerVersion?: string;
  /** How often a device waiting for a missing jar looks again (default 10 s). */
  jarRecheckMs?: number;
}

/** A DeviceHub plus what diagnostics and tests may read. */
export interface DeviceHubWithDiagnostics extends DeviceHub {
  sessionStarts(deviceId: string, profile: StreamProfileName): number;
  /** The phones started by `simulate` (their test-only inspection hooks). */
  simulatedPhones(): readonly SimPhone[];
}

export function createDeviceHub(config: DeviceHubConfig): DeviceHubWithDiagnostics {
  const log = config.log;
  const registry = new DeviceRegistry({
    profiles: resolveStreamProfiles(config.profiles),
    graceMs: config.sessionGraceMs ?? 10_000,
    jarRecheckMs: config.jarRecheckMs ?? 10_000,
    ...(config.scrcpyServerVersion ? { serverVersion: config.scrcpyServerVersion } : {}),
    log,
  });
  const stoppers: (() => Promise<void>)[] = [];
  let started: Promise<void> | null = null;
  let simulated: SimulatedSource | null = null;

  async function start(): Promise<void> {
    for (const endpoint of config.connect) {
      const source = new TcpDeviceSource({ ...endpoint, source: 'tcp', jarPath: config.scrcpyServerPath, registry, log });
      source.start();
      stoppers.push(() => source.stop());
    }
    if (config.adbServer) {
      const source = new AdbServerSource({ ...config.adbServer, jarPath: config.scrcpyServerPath, registry, log });
      source.start();
      stoppers.push(() => source.stop());
    }
    if (config.simulate > 0) {
      const jarPath = config.scrcpyServerPath ?? (await writeStandInJar(config.dataDir));
      const source = new SimulatedSource({ count: config.simulate, jarPath, registry, log });
      simulated = source;
      stoppers.push(() => source.stop());
      await source.start();
      await waitForDevices(registry, config.simulate, 15_000);
    }
  }

  return {
    list: (): DeviceInfo[] => registry.list(),
    onDeviceChange: (listener) => registry.onDeviceChange(listener),
    holdStream: (deviceId, profile) => registry.holdStream(deviceId, profile),
    control: (deviceId) => registry.control(deviceId),
    sessionStarts: (deviceId, profile) => registry.sessionStarts(deviceId, profile),
    simulatedPhones: () => simulated?.phones ?? [],
    start: () => (started ??= start()),
    stop: async () => {
      await started?.catch(() => {});
      // Phone-side servers first, while the connections that stop them are still open.
      await registry.stop();
      for (const stop of stoppers.reverse()) await stop().catch((error: unknown) => log(`stopping a device source failed: ${String(error)}`));
    },
  };
}

/** Lets `start()` return with the simulated phones listed (online or with their reason), not a moment before. */
function waitForDevices(registry: DeviceRegistry, count: number, timeoutMs: number): Promise<void> {
  const settled = () => registry.list().filter((device) => device.state !== 'connecting').length >= count;
  if (settled()) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(finish, timeoutMs);
    const off = registry.onDeviceChange(() => {
      if (settled()) finish();
    });
    function finish() {
      clearTimeout(timer);
      off();
      resolve();
    }
  });
}
