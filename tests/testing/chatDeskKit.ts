// Helpers for chat-tools tests against a real box: start with simulated phones, wait for them, count store rows.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startBox } from '../../native-bridge/box.ts';
import type { BoxConfig, RunningBox } from '../../native-bridge/box.ts';
import type { DeviceHubWithDiagnostics } from '../../native-bridge/devices/createDeviceHub.ts';
import { BOX_DATABASE_FILE } from '../../native-bridge/store/database.ts';
import type { BoxTestClient } from './wsTestClient.ts';

export interface WireDevice {
  id: string;
  state: string;
  width: number;
  height: number;
}

export async function startTestBox(dataDir: string, phones: number, extra: Partial<BoxConfig> = {}): Promise<RunningBox> {
  return startBox({ dataDir, listen: { host: '127.0.0.1', port: 0 }, simulate: phones, adbServer: null, log: () => {}, ...extra });
}

/** Polls `listDevices` until `count` phones are online. */
export async function onlineDevices(client: BoxTestClient, count: number, timeoutMs = 90_000): Promise<WireDevice[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const devices = ((await client.request({ type: 'listDevices' })).result as { devices: WireDevice[] }).devices;
    const online = devices.filter((d) => d.state === 'online').sort((a, b) => a.id.localeCompare(b.id));
    if (online.length >= count) return online;
    if (Date.now() > deadline) throw new Error('phones did not come online');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function simPhone(box: RunningBox, deviceId: string) {
  const sim = (box.hub as DeviceHubWithDiagnostics).simulatedPhones().find((p) => p.inspect().serial === deviceId);
  if (!sim) throw new Error(`no simulated phone ${deviceId}`);
  return sim;
}

/** Rows of a chat-tools table, read from the box's SQLite file through a second, read-only connection. */
export function countRows(dataDir: string, table: 'device_book' | 'device_groups' | 'group_members' | 'quick_replies'): number {
  const db = new Database(join(dataDir, BOX_DATABASE_FILE), { readonly: true });
  try {
    return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

export async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
