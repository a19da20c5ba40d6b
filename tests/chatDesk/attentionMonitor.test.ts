// Needs-attention end to end: real simulated phones, real scrcpy grid streams through the device hub, real frames.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeviceHub, type DeviceHubWithDiagnostics } from '../../native-bridge/devices/createDeviceHub.ts';
import type { DeviceInfo } from '../../native-bridge/base/deviceHub.ts';
import type { SimPhone } from '../../native-bridge/simphone/simPhone.ts';
import { AttentionMonitor, type AttentionEvent } from '../../native-bridge/chatDesk/attentionMonitor.ts';

let dir = '';
let hub: DeviceHubWithDiagnostics;
let monitor: AttentionMonitor;
const events: AttentionEvent[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await sleep(50);
  return condition();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-attention-'));
  hub = createDeviceHub({ simulate: 2, adbServer: null, connect: [], scrcpyServerPath: null, dataDir: dir, log: () => {} });
  await hub.start();
  await waitFor(() => hub.list().filter((d) => d.state === 'online').length === 2, 60_000);
  monitor = new AttentionMonitor({ hub, now: Date.now });
  monitor.onAttention((event) => events.push(event));
  monitor.start();
});

afterAll(async () => {
  monitor?.stop();
  await hub?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function deviceOf(phone: SimPhone): DeviceInfo {
  const device = hub.list().find((d) => d.serial === phone.address || d.serial === phone.identity.serial);
  if (!device) throw new Error(`no device for ${phone.identity.serial}: ${hub.list().map((d) => d.serial).join(', ')}`);
  return device;
}

describe('AttentionMonitor on simulated phones', () => {
  it('stays quiet on idle phones for a minute, raises for a customer message within seconds, re-arms after clear', async () => {
    const phones = hub.simulatedPhones();
    expect(phones).toHaveLength(2);
    const phone2 = phones[1] as SimPhone;
    const device2 = deviceOf(phone2);
    // An operator opens the chat app on both phones (a launcher shows no messages); those frames are theirs.
    for (const phone of phones) {
      const device = deviceOf(phone);
      monitor.operatorInput(device.id);
      await hub.control(device.id).input({ kind: 'startApp', name: 'com.phonewall.chat' });
    }
    expect(await waitFor(() => phones.every((p) => p.inspect().screen === 'chatList'), 15_000)).toBe(true);

    await sleep(55_000);
    expect(events).toEqual([]);
    expect(monitor.state()).toEqual([]);

    const deliveredAt = Date.now();
    phone2.deliverCustomerMessage();
    expect(await waitFor(() => events.length > 0, 10_000)).toBe(true);
    expect(events).toHaveLength(1);
    const raised = events[0];
    expect(raised?.type === 'raised' && raised.attention.deviceId).toBe(device2.id);
    const since = raised?.type === 'raised' ? raised.attention.since : 0;
    expect(since).toBeGreaterThanOrEqual(deliveredAt);
    expect(monitor.state()).toEqual([{ deviceId: device2.id, since }]);

    // Taking the phone clears it; a later message (after the quiet period) raises it again.
    monitor.setOperatorHolding(device2.id, true);
    monitor.setOperatorHolding(device2.id, false);
    expect(events.at(-1)).toEqual({ type: 'cleared', deviceId: device2.id });
    expect(monitor.state()).toEqual([]);
    await sleep(Math.max(0, since + 11_000 - Date.now()));
    phone2.deliverCustomerMessage();
    expect(await waitFor(() => events.length === 3, 10_000)).toBe(true);
    expect(events[2]).toMatchObject({ type: 'raised', attention: { deviceId: device2.id } });
    expect(events.every((e) => (e.type === 'raised' ? e.attention.deviceId : e.deviceId) === device2.id)).toBe(true);
  }, 100_000);
});
