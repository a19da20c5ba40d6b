// Reads what identifies a freshly connected phone: its serial number, model and physical screen size.
import type { Adb } from '@yume-chan/adb';

export interface DeviceProbe {
  /** `ro.serialno`, or the transport serial when the phone does not report one. */
  serial: string;
  model: string;
  width: number;
  height: number;
}

/**
 * Parses `wm size`. An "Override size" (set by `wm size WxH`) is what apps and screencap see, so it wins
 * over the physical size.
 */
export function parseWmSize(output: string): { width: number; height: number } | null {
  const override = /Override size:\s*(\d+)x(\d+)/.exec(output);
  const physical = /Physical size:\s*(\d+)x(\d+)/.exec(output);
  const match = override ?? physical;
  if (!match) return null;
  const width = Number(match[1]);
  const height = Number(match[2]);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** Turns a serial into an id safe for URLs, logs and file names, keeping it recognisable. */
export function deviceIdFromSerial(serial: string): string {
  const cleaned = serial.trim().replace(/[^A-Za-z0-9._:-]/g, '_').slice(0, 96);
  return cleaned.length > 0 ? cleaned : 'unknown';
}

export async function probeDevice(adb: Adb): Promise<DeviceProbe> {
  const serialNo = (await adb.getProp('ro.serialno')).trim();
  const model = (await adb.getProp('ro.product.model')).trim();
  const size = parseWmSize(await adb.subprocess.noneProtocol.spawnWaitText('wm size'));
  return {
    serial: serialNo || adb.serial,
    model: model || 'unknown model',
    width: size?.width ?? 0,
    height: size?.height ?? 0,
  };
}
