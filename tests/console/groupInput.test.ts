// GroupInput: the leader's input goes to the leader as is and to each synced follower mapped and in order.
import { describe, expect, it } from 'vitest';
import type { Input } from '../../native-bridge/protocol/controlInput.ts';
import type { DeviceInfo } from '../../native-bridge/protocol/boxMessages.ts';
import type { BoxLinks } from '../../renderer/src/shared/connection/boxLinks.ts';
import { RequestFailed } from '../../renderer/src/shared/connection/rpcSocket.ts';
import { GroupInput, followerMoveIntervalMs } from '../../renderer/src/features/groupControl/groupInput.ts';
import { createAppStore } from '../../renderer/src/app/appStore.ts';

type Sent = { deviceId: string; input?: Input; text?: string };

function fakeLinks(sent: Sent[], failing: Set<string>): BoxLinks {
  const answer = (deviceId: string) =>
    failing.has(deviceId) ? Promise.reject(new RequestFailed({ code: 'busy', message: 'posting job j1 runs' })) : Promise.resolve({});
  const connection = {
    input: (deviceId: string, input: Input) => (sent.push({ deviceId, input }), answer(deviceId)),
    text: (deviceId: string, text: string) => (sent.push({ deviceId, text }), answer(deviceId)),
  };
  return { get: () => connection } as unknown as BoxLinks;
}

const phone = (id: string, width: number, height: number, state: DeviceInfo['state'] = 'online'): DeviceInfo => ({
  id, serial: id, model: id, width, height, source: 'simulated', simulated: true, state, reason: null,
});

function setup(devices: DeviceInfo[], clock = { now: 0 }) {
  const store = createAppStore();
  store.getState().addBox({ id: 'b', name: '', url: 'http://127.0.0.1:1', embedded: false });
  store.getState().setBoxState('b', { state: 'online' });
  store.getState().setBoxDevices('b', devices);
  const sent: Sent[] = [];
  const failing = new Set<string>();
  const group = new GroupInput(store, fakeLinks(sent, failing), () => clock.now);
  const device = (id: string) => store.getState().devices[`b/${id}`]!;
  return { store, sent, failing, group, device };
}

describe('GroupInput', () => {
  it('sends the leader input unchanged and each follower the same place in its own pixels, in order', async () => {
    const { store, sent, group, device } = setup([phone('lead', 720, 1600), phone('f1', 1080, 2340), phone('f2', 540, 1200)]);
    store.getState().setSelection({ keys: ['b/lead', 'b/f1', 'b/f2'], anchor: 'b/lead', leader: 'b/lead' });
    store.getState().setSync(true);
    const down: Input = { kind: 'touch', action: 'down', pointerId: 0, x: 120, y: 267, frameWidth: 240, frameHeight: 534 };
    void group.input(device('lead'), down);
    void group.text(device('lead'), '晚上好');
    void group.input(device('lead'), { kind: 'key', action: 'press', key: 'enter' });
    await group.idle();
    expect(sent.filter((s) => s.deviceId === 'lead')).toEqual([{ deviceId: 'lead', input: down }, { deviceId: 'lead', text: '晚上好' }, { deviceId: 'lead', input: { kind: 'key', action: 'press', key: 'enter' } }]);
    const f1 = sent.filter((s) => s.deviceId === 'f1');
    expect(f1.map((s) => s.input?.kind ?? 'text')).toEqual(['touch', 'text', 'key']);
    expect(f1[0]!.input).toMatchObject({ x: 542, y: 1172, frameWidth: 1080, frameHeight: 2340 });
    expect(sent.find((s) => s.deviceId === 'f2')!.input).toMatchObject({ x: 271, y: 601, frameWidth: 540, frameHeight: 1200 });
  });

  it('input on a phone that is not the leader, or with sync off, reaches only that phone', async () => {
    const { store, sent, group, device } = setup([phone('lead', 720, 1600), phone('f1', 720, 1600)]);
    store.getState().setSelection({ keys: ['b/lead', 'b/f1'], anchor: 'b/lead', leader: 'b/lead' });
    void group.input(device('lead'), { kind: 'back' });
    store.getState().setSync(true);
    void group.input(device('f1'), { kind: 'home' });
    await group.idle();
    expect(sent).toEqual([{ deviceId: 'lead', input: { kind: 'back' } }, { deviceId: 'f1', input: { kind: 'home' } }]);
  });

  it('marks a busy or offline follower failed with its reason, the others go on, and it can be re-included', async () => {
    const { store, sent, failing, group, device } = setup([phone('lead', 720, 1600), phone('busy', 720, 1600), phone('off', 720, 1600, 'offline'), phone('ok', 720, 1600)]);
    store.getState().setSelection({ keys: ['b/lead', 'b/busy', 'b/off', 'b/ok'], anchor: 'b/lead', leader: 'b/lead' });
    store.getState().setSync(true);
    const stop = group.watch();
    expect(store.getState().followerFailures).toEqual({ 'b/off': 'offline' });
    failing.add('busy');
    void group.text(device('lead'), 'one');
    void group.text(device('lead'), 'two');
    await group.idle();
    expect(store.getState().followerFailures).toEqual({ 'b/off': 'offline', 'b/busy': 'busy' });
    expect(sent.filter((s) => s.deviceId === 'ok').map((s) => s.text)).toEqual(['one', 'two']);
    expect(sent.filter((s) => s.deviceId === 'busy').map((s) => s.text)).toEqual(['one']);
    expect(sent.some((s) => s.deviceId === 'off')).toBe(false);
    failing.delete('busy');
    group.reinclude('b/busy');
    void group.text(device('lead'), 'three');
    await group.idle();
    expect(sent.filter((s) => s.deviceId === 'busy').map((s) => s.text)).toEqual(['one', 'three']);
    expect(store.getState().followerFailures).toEqual({ 'b/off': 'offline' });
    stop();
  });

  it('repeats a drag on followers with fewer moves as the group grows, but always its down and up', async () => {
    expect(followerMoveIntervalMs(4)).toBe(16);
    expect(followerMoveIntervalMs(60)).toBe(200);
    const clock = { now: 1000 };
    const { store, sent, group, device } = setup([phone('lead', 720, 1600), phone('f1', 720, 1600)], clock);
    store.getState().setSelection({ keys: ['b/lead', 'b/f1'], anchor: 'b/lead', leader: 'b/lead' });
    store.getState().setSync(true);
    const at = (action: 'down' | 'move' | 'up', y: number): Input => ({ kind: 'touch', action, pointerId: 0, x: 100, y, frameWidth: 720, frameHeight: 1600 });
    void group.input(device('lead'), at('down', 1000));
    for (let i = 1; i <= 10; i++) {
      clock.now += 4;
      void group.input(device('lead'), at('move', 1000 - i * 50));
    }
    void group.input(device('lead'), at('up', 500));
    await group.idle();
    expect(sent.filter((s) => s.deviceId === 'lead')).toHaveLength(12);
    const follower = sent.filter((s) => s.deviceId === 'f1').map((s) => s.input as Extract<Input, { kind: 'touch' }>);
    expect(follower.map((input) => input.action)).toEqual(['down', 'move', 'move', 'move', 'up']);
    expect(follower.map((input) => input.y)).toEqual([1000, 950, 750, 550, 500]);
  });

  it('does not send to a follower that runs a posting flow, and says it is busy', async () => {
    const { store, sent, group, device } = setup([phone('lead', 720, 1600), { ...phone('post', 720, 1600), busy: { jobId: 'j7', since: 0 } }]);
    store.getState().setSelection({ keys: ['b/lead', 'b/post'], anchor: 'b/lead', leader: 'b/lead' });
    store.getState().setSync(true);
    void group.text(device('lead'), 'hi');
    await group.idle();
    expect(sent.map((s) => s.deviceId)).toEqual(['lead']);
    expect(store.getState().followerFailures).toEqual({ 'b/post': 'busy' });
  });
});
