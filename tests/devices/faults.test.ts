// Device faults (RELIABILITY A1, A5): a phone dropping ADB, a killed scrcpy server, a missing jar, a wrong server version.
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDeviceHub, type DeviceHubConfig, type DeviceHubWithDiagnostics } from '../../native-bridge/devices/createDeviceHub.ts';
import type { DeviceInfo, StreamHold } from '../../native-bridge/base/deviceHub.ts';
import { writeStandInJar } from '../../native-bridge/sessions/scrcpyServerJar.ts';
import { startSimFarm } from '../../native-bridge/simphone/simFarm.ts';
import { collect, configs, keyFrames, sleep, waitFor } from '../testing/devicesKit.ts';

let dataDir: string;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'phonewall-faults-'));
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function startHub(overrides: Partial<DeviceHubConfig>, log: string[] = []): Promise<DeviceHubWithDiagnostics> {
  const hub = createDeviceHub({ adbServer: null, connect: [], simulate: 1, scrcpyServerPath: null, dataDir, log: (line) => log.push(line), ...overrides });
  cleanups.push(() => hub.stop());
  await hub.start();
  return hub;
}

function hold(hub: DeviceHubWithDiagnostics, id: string): StreamHold {
  const held = hub.holdStream(id, 'grid');
  cleanups.push(() => held.release());
  return held;
}

describe('device faults', () => {
  it('A1: a phone that drops its ADB connection goes offline, the others keep flowing, it comes back by itself', async () => {
    const hub = await startHub({ simulate: 3 });
    await waitFor(() => hub.list().filter((d) => d.state === 'online').length === 3, '3 online');
    const devices = hub.list().sort((a, b) => a.serial.localeCompare(b.serial));
    const holds = devices.map((d) => hold(hub, d.id));
    const seen = holds.map((h) => collect(h.stream));
    await waitFor(() => seen.every((s) => keyFrames(s.packets).length > 0), 'video on 3 streams');
    const victim = devices[0]!;
    const events: DeviceInfo[] = [];
    cleanups.push(hub.onDeviceChange((d) => d.id === victim.id && events.push(d)));
    const otherConfigsBefore = seen.slice(1).map((s) => configs(s.packets).length);
    const victimConfigsBefore = configs(seen[0]!.packets).length;

    hub.simulatedPhones().find((p) => p.identity.serial === victim.serial)!.dropAdbConnections();
    await waitFor(() => events.some((e) => e.state === 'offline'), 'the offline event', 10_000);
    expect(events.find((e) => e.state === 'offline')?.id).toBe(victim.id);
    expect(events.find((e) => e.state === 'offline')?.reason).toMatch(/lost the ADB connection/);

    // The other phones still answer: a key-frame request goes out on their control sockets and video comes back.
    for (const h of holds.slice(1)) h.stream.requestKeyFrame();
    await waitFor(() => seen.slice(1).every((s, i) => configs(s.packets).length > otherConfigsBefore[i]!), 'new key frames on the others');

    await waitFor(() => hub.list().find((d) => d.id === victim.id)?.state === 'online', 'the phone back online', 20_000);
    await waitFor(() => configs(seen[0]!.packets).length > victimConfigsBefore && keyFrames(seen[0]!.packets).length > 1, 'its hold resumed', 20_000);
    expect(hub.list().map((d) => d.id).sort()).toEqual(devices.map((d) => d.id).sort());
    for (const s of seen) s.stop();
  });

  it('A5: a killed scrcpy server is restarted and the hold resumes, one server per profile', async () => {
    const hub = await startHub({ simulate: 1 });
    const [device] = hub.list();
    const held = hold(hub, device!.id);
    const seen = collect(held.stream);
    await waitFor(() => keyFrames(seen.packets).length > 0, 'video');
    const phone = hub.simulatedPhones()[0]!;
    phone.killScrcpy();
    await waitFor(() => hub.sessionStarts(device!.id, 'grid') === 2, 'a restart');
    await waitFor(() => configs(seen.packets).length >= 2 && keyFrames(seen.packets).length >= 2, 'new config + key frame on the same hold');
    expect(phone.inspect().scrcpySessions).toHaveLength(1);
    expect(hub.list()[0]?.state).toBe('online');
    seen.stop();
  });

  it('A5: a missing jar is an error state with the fix, no start attempts, and recovers when the jar appears', async () => {
    const jarPath = join(dataDir, 'not-yet', 'scrcpy-server.jar');
    const hub = await startHub({ simulate: 1, scrcpyServerPath: jarPath, jarRecheckMs: 200 });
    await waitFor(() => hub.list()[0]?.state === 'error', 'the error state');
    const device = hub.list()[0]!;
    expect(device.reason).toBe(`scrcpy-server jar not found at ${jarPath}: set --scrcpy-server PATH or run npm run fetch:scrcpy-server`);
    expect(() => hub.holdStream(device.id, 'grid')).toThrow(expect.objectContaining({ code: 'device_offline' }));
    await sleep(1_000);
    expect(hub.sessionStarts(device.id, 'grid')).toBe(0);
    const standIn = await writeStandInJar(join(dataDir, 'not-yet'));
    await rename(standIn, jarPath);
    await waitFor(() => hub.list()[0]?.state === 'online', 'online once the jar exists');
    const seen = collect(hold(hub, device.id).stream);
    await waitFor(() => keyFrames(seen.packets).length > 0, 'video');
    seen.stop();
  });

  it('A5: a wrong server version is an error state with the server message and no crash loop', async () => {
    const log: string[] = [];
    const hub = await startHub({ simulate: 1, scrcpyServerVersion: '3.1' }, log);
    const device = hub.list()[0]!;
    expect(device.state).toBe('online');
    hold(hub, device.id);
    await waitFor(() => hub.list()[0]?.state === 'error', 'the error state');
    expect(hub.list()[0]?.reason).toMatch(/scrcpy server exited: .*server version \(3\.3\.3\) does not match the client \(3\.1\)/);
    await sleep(3_000);
    expect(hub.sessionStarts(device.id, 'grid')).toBeLessThanOrEqual(2);
    expect(log.filter((line) => line.includes('session did not start')).length).toBeLessThanOrEqual(2);
  });

  it('A1: an unplugged phone stays offline with a reason while unreachable and returns when plugged back', async () => {
    const hub = await startHub({ simulate: 1 });
    const device = hub.list()[0]!;
    const phone = hub.simulatedPhones()[0]!;
    const seen = collect(hold(hub, device.id).stream);
    await waitFor(() => keyFrames(seen.packets).length > 0, 'video');
    phone.setReachable(false);
    await waitFor(() => hub.list()[0]?.reason?.includes('not reachable') === true, 'offline with the unreachable reason', 15_000);
    expect(hub.list()[0]).toMatchObject({ id: device.id, state: 'offline' });
    const configsWhileAway = configs(seen.packets).length;
    phone.setReachable(true);
    await waitFor(() => hub.list()[0]?.state === 'online', 'back online', 20_000);
    await waitFor(() => configs(seen.packets).length > configsWhileAway, 'the hold resumed', 20_000);
    seen.stop();
  });

  it('a --connect endpoint with nothing listening is listed offline and comes online when a phone appears there', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const hub = await startHub({ simulate: 0, connect: [{ host: '127.0.0.1', port }], scrcpyServerPath: await writeStandInJar(dataDir) });
    await waitFor(() => hub.list().length === 1, 'the endpoint listed');
    expect(hub.list()[0]).toMatchObject({ id: `127.0.0.1:${port}`, state: 'offline', source: 'tcp', simulated: false });
    expect(hub.list()[0]?.reason).toMatch(new RegExp(`adbd at 127\\.0\\.0\\.1:${port} not reachable`));
    const farm = await startSimFarm({ count: 1, basePort: port });
    cleanups.push(() => farm.stop());
    const serial = farm.phones[0]!.identity.serial;
    await waitFor(() => hub.list().some((d) => d.id === serial && d.state === 'online'), 'online by itself', 20_000);
    // The placeholder gave way to the phone's own id.
    expect(hub.list().map((d) => d.id)).toEqual([serial]);
  });

  it('stops the phone-side server a grace period after the last hold is released', async () => {
    const hub = await startHub({ simulate: 1, sessionGraceMs: 300 });
    const device = hub.list()[0]!;
    const phone = hub.simulatedPhones()[0]!;
    const held = hub.holdStream(device.id, 'grid');
    await waitFor(() => keyFrames(held.stream.snapshot()).length > 0, 'video');
    expect(phone.inspect().scrcpySessions).toHaveLength(1);
    held.release();
    await waitFor(() => phone.inspect().scrcpySessions.length === 0, 'the server stopped after the grace period');
    expect(hub.sessionStarts(device.id, 'grid')).toBe(1);
    const again = hold(hub, device.id);
    await waitFor(() => keyFrames(again.stream.snapshot()).length > 0, 'video again');
    expect(hub.sessionStarts(device.id, 'grid')).toBe(2);
  });
});
