// Tests of the PhonePort over DeviceControl: frame coordinates, gestures, pushes, and lost-phone errors.
import { describe, expect, it } from 'vitest';
import type { Input, DeviceControl, DeviceInfo } from '../base/deviceHub.ts';
import { BoxError } from '../base/boxError.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { deviceControlPhonePort } from './deviceControlPhonePort.ts';
import { AndroidKey, isPhoneLost } from './phonePort.ts';

function fakeControl() {
  const inputs: Input[] = [];
  const pushes: string[][] = [];
  const texts: string[] = [];
  let failWith: Error | null = null;
  const control: DeviceControl = {
    input: async (input) => {
      if (failWith) throw failWith;
      inputs.push(input);
    },
    text: async (text) => void texts.push(text),
    screenshot: async () => new Uint8Array([1]),
    uiDump: async () => '<hierarchy/>',
    pushImages: async (files) => {
      pushes.push(files.map((f) => f.name));
      return files.map((f) => `/sdcard/DCIM/${f.name}`);
    },
    onClipboard: () => () => undefined,
  };
  return { control, inputs, pushes, texts, fail: (error: Error | null) => (failWith = error) };
}

const online: DeviceInfo = { id: 'd1', serial: 's', model: 'm', width: 1080, height: 2400, source: 'simulated', simulated: true, state: 'online', reason: null };

describe('deviceControlPhonePort', () => {
  it('turns taps, swipes, keys, text, pushes and launches into device-side calls', async () => {
    const fake = fakeControl();
    const phone = deviceControlPhonePort(() => online, fake.control);
    await phone.tap(540.4, 5000);
    expect(fake.inputs).toEqual([
      { kind: 'touch', action: 'down', pointerId: 0, x: 540, y: 2399, frameWidth: 1080, frameHeight: 2400 },
      { kind: 'touch', action: 'up', pointerId: 0, x: 540, y: 2399, frameWidth: 1080, frameHeight: 2400 },
    ]);
    fake.inputs.length = 0;
    await phone.swipe(100, 2000, 100, 400, 300);
    expect(fake.inputs.map((i) => (i.kind === 'touch' ? i.action : i.kind))).toEqual(['down', ...Array(8).fill('move'), 'up']);
    fake.inputs.length = 0;
    await phone.key(AndroidKey.BACK);
    await phone.key(AndroidKey.ENTER);
    await phone.launchApp('com.tencent.mm');
    expect(fake.inputs).toEqual([{ kind: 'back' }, { kind: 'key', action: 'press', key: 66 }, { kind: 'startApp', name: '+com.tencent.mm' }]);
    await phone.pasteText('新品上市');
    expect(fake.texts).toEqual(['新品上市']);
    await phone.pushFile('/sdcard/DCIM/PhoneWall/pw_j_1.png', new Uint8Array([1]));
    await phone.pushFile('/sdcard/DCIM/PhoneWall/pw_j_2.png', new Uint8Array([2]));
    await phone.mediaScan(['/sdcard/DCIM/PhoneWall/pw_j_1.png', '/sdcard/DCIM/PhoneWall/pw_j_2.png']);
    expect(fake.pushes).toEqual([['pw_j_1.png', 'pw_j_2.png']]);
    expect(await phone.screenSize()).toEqual({ width: 1080, height: 2400 });
  });

  it('sends touches in the frame coordinates of the live stream and releases it', async () => {
    const fake = fakeControl();
    let released = 0;
    const phone = deviceControlPhonePort(() => online, fake.control, async () => ({ width: 540, height: 1200, release: () => void released++ }));
    await phone.tap(1000, 2000);
    expect(fake.inputs[0]).toEqual({ kind: 'touch', action: 'down', pointerId: 0, x: 500, y: 1000, frameWidth: 540, frameHeight: 1200 });
    expect(released).toBe(1);
  });

  it('reports an offline or vanished phone as lost (device_offline), other failures as they are', async () => {
    const fake = fakeControl();
    let info: DeviceInfo | null = online;
    const phone = deviceControlPhonePort(() => info, fake.control);
    const lost = (promise: Promise<unknown>) => promise.then(() => false, (error: unknown) => isPhoneLost(error));
    fake.fail(new BoxError(ErrorCode.Timeout, 'no answer'));
    expect(await lost(phone.tap(1, 1))).toBe(true);
    fake.fail(new BoxError(ErrorCode.BadRequest, 'bad'));
    await expect(phone.tap(1, 1)).rejects.toMatchObject({ code: ErrorCode.BadRequest });
    expect(await lost(phone.tap(1, 1))).toBe(false);
    fake.fail(null);
    info = { ...online, state: 'offline' };
    expect(await lost(phone.screenSize())).toBe(true);
    info = null;
    expect(await lost(phone.tap(1, 1))).toBe(true);
  });
});
