// The adb-server device source (RELIABILITY A2) with Debian's own adb server on a free port and `adb connect`ed phones.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeviceHub, type DeviceHubWithDiagnostics } from '../../native-bridge/devices/createDeviceHub.ts';
import type { StreamHold } from '../../native-bridge/base/deviceHub.ts';
import { writeStandInJar } from '../../native-bridge/sessions/scrcpyServerJar.ts';
import { startSimFarm, type SimFarm } from '../../native-bridge/simphone/simFarm.ts';
import { collect, configs, keyFrames, sleep, waitFor } from '../testing/devicesKit.ts';

const run = promisify(execFile);
let dataDir: string;
let adbPort: number;
let farm: SimFarm | null = null;
let hub: DeviceHubWithDiagnostics | null = null;
let serverStarted = false;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

/** Runs Debian's adb against our own server only (never the default port 5037). */
function adb(...args: string[]) {
  return run('adb', ['-P', String(adbPort), ...args], { timeout: 30_000, env: { ...process.env, HOME: dataDir } });
}

async function startAdbServerAndConnect(): Promise<void> {
  await adb('start-server');
  serverStarted = true;
  for (const phone of farm!.phones) {
    const { stdout } = await adb('connect', phone.address);
    expect(stdout).toMatch(/connected to/);
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'phonewall-adbserver-'));
  adbPort = await freePort();
  farm = await startSimFarm({ count: 2, host: '127.0.0.1' });
  await startAdbServerAndConnect();
});

afterAll(async () => {
  await hub?.stop();
  if (serverStarted) await adb('kill-server').catch(() => {});
  await farm?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('adb server source', () => {
  it('tracks adb-connected phones, streams them, and recovers from kill-server with one server per profile', async () => {
    const log: string[] = [];
    const jar = await writeStandInJar(dataDir);
    hub = createDeviceHub({ adbServer: { host: '127.0.0.1', port: adbPort }, connect: [], simulate: 0, scrcpyServerPath: jar, dataDir, log: (line) => log.push(line) });
    await hub.start();
    const serials = farm!.phones.map((p) => p.identity.serial).sort();
    await waitFor(() => hub!.list().filter((d) => d.state === 'online').length === 2, '2 online through the adb server');
    const devices = hub.list().filter((d) => d.state === 'online').sort((a, b) => a.serial.localeCompare(b.serial));
    expect(devices.map((d) => d.id)).toEqual(serials);
    for (const d of devices) expect(d).toMatchObject({ source: 'adb-server', simulated: false, width: 720, height: 1600 });

    const holds: StreamHold[] = devices.map((d) => hub!.holdStream(d.id, 'grid'));
    const seen = holds.map((h) => collect(h.stream));
    await waitFor(() => seen.every((s) => keyFrames(s.packets).length > 0), 'video through the adb server');
    const configsBefore = seen.map((s) => configs(s.packets).length);

    await adb('kill-server');
    const unreachable = `adb server not reachable at 127.0.0.1:${adbPort}: start it with "adb start-server"`;
    await waitFor(() => devices.every((d) => hub!.list().find((x) => x.id === d.id)?.state === 'offline'), 'offline after kill-server', 20_000);
    expect(hub.list().find((d) => d.id === devices[0]!.id)?.reason).toBe(unreachable);
    await sleep(1_500);

    await startAdbServerAndConnect();
    await waitFor(() => devices.every((d) => hub!.list().find((x) => x.id === d.id)?.state === 'online'), 'online again', 30_000);
    await waitFor(() => seen.every((s, i) => configs(s.packets).length > configsBefore[i]! && keyFrames(s.packets).length > 1), 'streams back on the same holds', 30_000);
    // Same ids as before the outage, and never two servers for one phone and profile.
    expect(hub.list().map((d) => d.id).sort()).toEqual(serials);
    await sleep(1_000);
    for (const phone of farm!.phones) expect(phone.inspect().scrcpySessions).toHaveLength(1);
    for (const s of seen) s.stop();
    for (const h of holds) h.release();
  });
});
