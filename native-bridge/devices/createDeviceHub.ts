// Composition root of the box's device side: sources, registry, scrcpy sessions and control behind one DeviceHub.
import type { DeviceHub, DeviceInfo, StreamProfileName } from './deviceHub.ts';
import { DeviceError, DeviceErrorCode } from './deviceError.ts';
import type { StreamProfile } from '../sessions/streamProfile.ts';

export type { StreamProfile } from '../sessions/streamProfile.ts';

export interface DeviceHubConfig {
  /** The standard adb server to track devices through, or null to not use one. */
  adbServer: { host: string; port: number } | null;
  /** Direct ADB-over-TCP endpoints (adbd without an adb server). */
  connect: { host: string; port: number }[];
  /** Number of simulated phones to start in-process (0 for none). */
  simulate: number;
  /** Path of the scrcpy-server jar on this PC; null uses a generated stand-in in simulation only. */
  scrcpyServerPath: string | null;
  dataDir: string;
  profiles?: Partial<Record<StreamProfileName, StreamProfile>>;
  log: (line: string) => void;
}

export function createDeviceHub(_config: DeviceHubConfig): DeviceHub {
  const devices = new Map<string, DeviceInfo>();
  return {
    list: () => [...devices.values()],
    onDeviceChange: () => () => {},
    holdStream: (deviceId) => {
      throw new DeviceError(DeviceErrorCode.UnknownDevice, `no device ${deviceId}`);
    },
    control: (deviceId) => {
      throw new DeviceError(DeviceErrorCode.UnknownDevice, `no device ${deviceId}`);
    },
    start: async () => {},
    stop: async () => {},
  };
}
