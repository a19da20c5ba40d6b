// A PhonePort over the device side's DeviceControl: how the box's flows reach real and simulated phones alike.
import type { ControlInput, DeviceControl, DeviceInfo } from '../devices/deviceHub.ts';
import { DeviceError, DeviceErrorCode } from '../devices/deviceError.ts';
import { AndroidKey, PhoneLostError, type PhonePort } from './phonePort.ts';

const lostCodes: readonly string[] = [DeviceErrorCode.UnknownDevice, DeviceErrorCode.DeviceUnavailable, DeviceErrorCode.Timeout];

/** Moves sent for a swipe: enough for apps to see a drag, not a fling. */
const swipeSteps = 8;

export function deviceControlPhonePort(device: () => DeviceInfo | null, control: DeviceControl): PhonePort {
  const info = () => {
    const current = device();
    if (!current || current.state !== 'online') throw new PhoneLostError(`phone ${current?.id ?? '?'} is ${current?.state ?? 'gone'}`);
    return current;
  };
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof DeviceError && lostCodes.includes(error.code)) throw new PhoneLostError(error.message);
      throw error;
    }
  };
  const touch = (action: 'down' | 'move' | 'up', x: number, y: number): ControlInput => {
    const { width, height } = info();
    const clamp = (value: number, max: number) => Math.min(max - 1, Math.max(0, Math.round(value)));
    return { kind: 'touch', action, pointerId: 0, x: clamp(x, width), y: clamp(y, height), frameWidth: width, frameHeight: height };
  };
  // Pushed files wait here until the flow's mediaScan step: the device side pushes and scans in one call.
  let pending: { name: string; bytes: Uint8Array }[] = [];
  return {
    get deviceId() {
      return device()?.id ?? '';
    },
    screenSize: async () => {
      const { width, height } = info();
      return { width, height };
    },
    screenshot: () => call(() => control.screenshot()),
    uiDump: () => call(() => control.uiDump()),
    tap: (x, y) =>
      call(async () => {
        await control.input(touch('down', x, y));
        await control.input(touch('up', x, y));
      }),
    swipe: (fromX, fromY, toX, toY) =>
      call(async () => {
        await control.input(touch('down', fromX, fromY));
        for (let i = 1; i <= swipeSteps; i++) {
          await control.input(touch('move', fromX + ((toX - fromX) * i) / swipeSteps, fromY + ((toY - fromY) * i) / swipeSteps));
        }
        await control.input(touch('up', toX, toY));
      }),
    key: (keycode) =>
      call(async () => {
        if (keycode === AndroidKey.BACK) await control.input({ kind: 'back' });
        else if (keycode === AndroidKey.HOME) await control.input({ kind: 'home' });
        else await control.input({ kind: 'key', action: 'press', keycode });
      }),
    pasteText: (text) => call(() => control.text(text)),
    pushFile: async (devicePath, bytes) => {
      info();
      pending.push({ name: devicePath.split('/').pop() ?? devicePath, bytes });
    },
    mediaScan: async () => {
      const files = pending;
      pending = [];
      if (files.length > 0) await call(() => control.pushImages(files));
    },
    // scrcpy's START_APP with a leading `+` force-stops the app first: a cold start on its main screen.
    launchApp: (name) => call(() => control.input({ kind: 'startApp', name: `+${name}` })),
  };
}
