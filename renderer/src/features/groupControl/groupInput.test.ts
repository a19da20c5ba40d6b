// GroupInput: the leader's input goes to the leader as is and at once to each synced follower, mapped to its
// screen; a follower whose send fails is marked with the error's code and gets nothing more until re-included.
import { describe, expect, it } from 'vitest';
import type { DeviceInfo } from '../../../../native-bridge/protocol/boxMessages.ts';
import type { Input } from '../../../../native-bridge/protocol/controlInput.ts';
import type { BoxLinks } from '../../shared/connection/boxLinks.ts';
import { BoxRequestError } from '../../shared/errors.ts';
import { createConsoleStore } from '../../shared/state/coreState.ts';
import { groupControlFeature } from './groupControlFeature.ts';
import { GroupInput, followerMoveIntervalMs, watchFollowers } from './groupInput.ts';
import type { GroupSlice } from './groupSlice.ts';

type Sent = { deviceId: string; input?: Input; text?: string };

function fakeLinks(sent: Sent[], failing: Set<string>): BoxLinks {
  const answer = (deviceId: string) =>
    failing.has(deviceId) ? Promise.reject(new BoxRequestError({ code: 'busy', message: 'posting job j1 runs' })) : Promise.resolve({});
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
  const store = createConsoleStore<GroupSlice>([groupControlFeature]);
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
    await group.settled();
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
    await group.settled();
    expect(sent).toEqual([{ deviceId: 'lead', input: { kind: 'back' } }, { deviceId: 'f1', input: { kind: 'home' } }]);
  });

  it('marks a busy or offline follower failed with its reason, the others go on, and it can be re-included', async () => {
    const { store, sent, failing, group, device } = setup([phone('lead', 720, 1600), phone('busy', 720, 1600), phone('off', 720, 1600, 'offline'), phone('ok', 720, 1600)]);
    store.getState().setSelection({ keys: ['b/lead', 'b/busy', 'b/off', 'b/ok'], anchor: 'b/lead', leader: 'b/lead' });
    store.getState().setSync(true);
    const stop = watchFollowers(store);
    expect(store.getState().followerFailures).toEqual({ 'b/off': 'offline' });
    failing.add('busy');
    void group.text(device('lead'), 'one');
    await group.settled();
    void group.text(device('lead'), 'two');
    await group.settled();
    expect(store.getState().followerFailures).toEqual({ 'b/off': 'offline', 'b/busy': 'busy' });
    expect(sent.filter((s) => s.deviceId === 'ok').map((s) => s.text)).toEqual(['one', 'two']);
    expect(sent.filter((s) => s.deviceId === 'busy').map((s) => s.text)).toEqual(['one']);
    expect(sent.some((s) => s.deviceId === 'off')).toBe(false);
    failing.delete('busy');
    store.getState().reincludeFollower('b/busy');
    void group.text(device('lead'), 'three');
    await group.settled();
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
    await group.settled();
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
    await group.settled();
    expect(sent.map((s) => s.deviceId)).toEqual(['lead']);
    expect(store.getState().followerFailures).toEqual({ 'b/post': 'busy' });
  });

  it('sends to every follower at once, without waiting for any answer (the box orders each phone)', async () => {
    const { store, device } = setup([phone('lead', 720, 1600), phone('slow', 720, 1600), phone('fast', 720, 1600)]);
    const sent: Sent[] = [];
    const answers: (() => void)[] = [];
    const connection = {
      input: (deviceId: string, input: Input) => (sent.push({ deviceId, input }), new Promise<void>((resolve) => answers.push(resolve))),
      text: (deviceId: string, text: string) => (sent.push({ deviceId, text }), new Promise<void>((resolve) => answers.push(resolve))),
    };
    const group = new GroupInput(store, { get: () => connection } as unknown as BoxLinks);
    store.getState().setSelection({ keys: ['b/lead', 'b/slow', 'b/fast'], anchor: 'b/lead', leader: 'b/lead' });
    store.getState().setSync(true);
    void group.text(device('lead'), 'a');
    void group.text(device('lead'), 'b');
    expect(sent.map((s) => `${s.deviceId}:${s.text}`)).toEqual(['lead:a', 'slow:a', 'fast:a', 'lead:b', 'slow:b', 'fast:b']);
    answers.forEach((answer) => answer());
    await group.settled();
    expect(store.getState().followerFailures).toEqual({});
  });

  it('ignores a late failure of a send from before the follower was re-included', async () => {
    const { store, device } = setup([phone('lead', 720, 1600), phone('f1', 720, 1600)]);
    const rejects: ((error: Error) => void)[] = [];
    const connection = { text: () => new Promise<void>((_resolve, reject) => rejects.push(reject)) };
    const group = new GroupInput(store, { get: () => connection } as unknown as BoxLinks);
    store.getState().setSelection({ keys: ['b/lead', 'b/f1'], anchor: 'b/lead', leader: 'b/lead' });
    store.getState().setSync(true);
    void group.text(device('lead'), 'one').catch(() => undefined);
    store.getState().markFollowerFailed('b/f1', 'timeout');
    store.getState().reincludeFollower('b/f1');
    rejects[1]!(new BoxRequestError({ code: 'device_offline', message: 'gone' }));
    await group.settled();
    expect(store.getState().followerFailures).toEqual({});
  });

  it('names a follower whose box link is down "box disconnected"', async () => {
    const { store, device } = setup([phone('lead', 720, 1600), phone('f1', 720, 1600)]);
    const connection = { input: (deviceId: string) => (deviceId === 'f1' ? Promise.reject(BoxRequestError.offline()) : Promise.resolve({})) };
    const group = new GroupInput(store, { get: () => connection } as unknown as BoxLinks);
    store.getState().setSelection({ keys: ['b/lead', 'b/f1'], anchor: 'b/lead', leader: 'b/lead' });
    store.getState().setSync(true);
    void group.input(device('lead'), { kind: 'home' });
    await group.settled();
    expect(store.getState().followerFailures).toEqual({ 'b/f1': 'box_offline' });
  });
});
