// AttentionMonitor bookkeeping with a fake hub: holds grid streams of online phones only, releases them, reports events.
import { describe, expect, it } from 'vitest';
import type { DeviceHub, DeviceInfo, StreamHold, VideoPacket, VideoStream } from '../base/deviceHub.ts';
import { AttentionMonitor, type AttentionEvent } from './attentionMonitor.ts';

function fakeHub() {
  const devices = new Map<string, DeviceInfo>();
  const deviceListeners = new Set<(d: DeviceInfo, removed: boolean) => void>();
  const packetListeners = new Map<string, Set<(p: VideoPacket) => void>>();
  const holds = new Map<string, number>();
  const hub: DeviceHub = {
    list: () => [...devices.values()],
    onDeviceChange: (listener) => {
      deviceListeners.add(listener);
      return () => deviceListeners.delete(listener);
    },
    holdStream: (deviceId, profile): StreamHold => {
      if (devices.get(deviceId)?.state !== 'online') throw new Error('device_offline');
      expect(profile).toBe('grid');
      holds.set(deviceId, (holds.get(deviceId) ?? 0) + 1);
      const listeners = packetListeners.get(deviceId) ?? new Set();
      packetListeners.set(deviceId, listeners);
      const stream: VideoStream = {
        deviceId,
        profile,
        snapshot: () => [],
        onPacket: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        requestKeyFrame: () => undefined,
      };
      return { stream, release: () => holds.set(deviceId, (holds.get(deviceId) ?? 0) - 1) };
    },
    control: () => {
      throw new Error('not used');
    },
    start: async () => undefined,
    stop: async () => undefined,
  };
  const set = (id: string, state: DeviceInfo['state'], removed = false) => {
    const info: DeviceInfo = { id, serial: id, model: 'm', width: 720, height: 1600, source: 'simulated', simulated: true, state, reason: null };
    if (removed) devices.delete(id);
    else devices.set(id, info);
    for (const listener of deviceListeners) listener(info, removed);
  };
  const send = (id: string, bytes: number) => {
    for (const listener of packetListeners.get(id) ?? []) listener({ type: 'frame', keyframe: false, pts: 0n, data: new Uint8Array(bytes), receivedAtNs: 0n });
  };
  return { hub, set, send, holds };
}

describe('AttentionMonitor', () => {
  it('watches online phones only, reports raise and clear, and releases every hold', () => {
    const fake = fakeHub();
    fake.set('a', 'online');
    fake.set('b', 'connecting');
    let now = 100_000;
    const monitor = new AttentionMonitor({ hub: fake.hub, now: () => now });
    const events: AttentionEvent[] = [];
    monitor.onAttention((e) => events.push(e));
    monitor.start();
    expect(Object.fromEntries(fake.holds)).toEqual({ a: 1 });
    fake.set('b', 'online');
    fake.set('b', 'online');
    expect(Object.fromEntries(fake.holds)).toEqual({ a: 1, b: 1 });

    fake.send('a', 500);
    expect(events).toEqual([]);
    fake.send('b', 4000);
    expect(events).toEqual([{ type: 'raised', attention: { deviceId: 'b', since: 100_000 } }]);
    now += 1000;
    monitor.operatorInput('a');
    fake.send('a', 9000);
    expect(monitor.state()).toEqual([{ deviceId: 'b', since: 100_000 }]);

    fake.set('b', 'offline');
    expect(fake.holds.get('b')).toBe(0);
    expect(monitor.state()).toHaveLength(1);
    fake.set('b', 'online');
    expect(fake.holds.get('b')).toBe(1);
    monitor.setOperatorHolding('b', true);
    expect(events.at(-1)).toEqual({ type: 'cleared', deviceId: 'b' });

    now += 60_000;
    fake.send('a', 4000);
    expect(events.at(-1)).toEqual({ type: 'raised', attention: { deviceId: 'a', since: now } });
    fake.set('a', 'offline', true);
    expect(events.at(-1)).toEqual({ type: 'cleared', deviceId: 'a' });
    expect(monitor.state()).toEqual([]);
    monitor.stop();
    expect(Object.fromEntries(fake.holds)).toEqual({ a: 0, b: 0 });
  });
});
