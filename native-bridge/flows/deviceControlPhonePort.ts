// A PhonePort over the device side's DeviceControl: how the box's flows reach real and simulated phones alike.
import { BoxError } from '../base/boxError.ts';
import type { DeviceControl, DeviceHub, DeviceInfo, Input } from '../base/deviceHub.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { AndroidKey, phoneLost, type PhonePort } from './phonePort.ts';

const lostCodes: readonly string[] = [ErrorCode.NotFound, ErrorCode.DeviceOffline, ErrorCode.Timeout];

/** Moves sent for a swipe: enough for apps to see a drag, not a fling. */
const swipeSteps = 8;

/**
 * scrcpy drops touches whose frame size differs from its session's video size, so touches are sent in the
 * coordinates of a live stream's frame; `frameSize` provides it (e.g. by holding the phone's grid stream).
 * Without it, physical pixels are sent with the physical size as the frame.
 */
export type FrameSizeSource = () => Promise<{ width: number; height: number; release(): void }>;

export function deviceControlPhonePort(device: () => DeviceInfo | null, control: DeviceControl, frameSize?: FrameSizeSource): PhonePort {
  const info = () => {
    const current = device();
    if (!current || current.state !== 'online') throw phoneLost(`phone ${current?.id ?? '?'} is ${current?.state ?? 'gone'}`);
    return current;
  };
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof BoxError && lostCodes.includes(error.code)) throw phoneLost(error.message);
      throw error;
    }
  };
  /** Sends one gesture (physical-pixel points) in frame coordinates. */
  const gesture = async (points: readonly { action: 'down' | 'move' | 'up'; x: number; y: number }[]) => {
    const { width, height } = info();
    const frame = frameSize ? await frameSize() : { width, height, release: () => undefined };
    try {
      const clamp = (value: number, max: number) => Math.min(max - 1, Math.max(0, Math.floor(value)));
      for (const p of points) {
        const input: Input = {
          kind: 'touch', action: p.action, pointerId: 0,
          x: clamp((p.x * frame.width) / width, frame.width), y: clamp((p.y * frame.height) / height, frame.height),
          frameWidth: frame.width, frameHeight: frame.height,
        };
        await control.input(input);
      }
    } finally {
      frame.release();
    }
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
      call(() => gesture([
        { action: 'down', x, y },
        { action: 'up', x, y },
      ])),
    swipe: (fromX, fromY, toX, toY) =>
      call(() => gesture([
        { action: 'down', x: fromX, y: fromY },
        ...Array.from({ length: swipeSteps }, (_, i) => ({ action: 'move' as const, x: fromX + ((toX - fromX) * (i + 1)) / swipeSteps, y: fromY + ((toY - fromY) * (i + 1)) / swipeSteps })),
        { action: 'up', x: toX, y: toY },
      ])),
    key: (keycode) =>
      call(async () => {
        if (keycode === AndroidKey.BACK) await control.input({ kind: 'back' });
        else if (keycode === AndroidKey.HOME) await control.input({ kind: 'home' });
        else await control.input({ kind: 'key', action: 'press', key: keycode });
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

/** Frame sizes from the phone's grid stream, held only for the gesture (the session outlives it by its grace time). */
export function gridFrameSize(hub: DeviceHub, deviceId: string, timeoutMs = 15_000): FrameSizeSource {
  return async () => {
    const hold = hub.holdStream(deviceId, 'grid');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const config = [...hold.stream.snapshot()].reverse().find((packet) => packet.type === 'config');
      if (config && config.type === 'config') return { width: config.width, height: config.height, release: () => hold.release() };
      if (Date.now() > deadline) {
        hold.release();
        throw phoneLost(`no video from ${deviceId} within ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
}
