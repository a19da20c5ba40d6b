// `input tap/swipe/text/keyevent` (and `input draganddrop`): the shell's way of touching the phone's screen.
import { AndroidKey, KeyAction, TouchAction, type ShellCommand, type ShellIo } from '../types.ts';
import { abortableSleep, type ShellContext } from './shellContext.ts';

/** KEYCODE_* names accepted by `input keyevent`, beyond the ones the phone itself knows. */
export const KEYCODE_NAMES: Record<string, number> = {
  HOME: AndroidKey.Home,
  BACK: AndroidKey.Back,
  DPAD_UP: AndroidKey.DpadUp,
  DPAD_DOWN: AndroidKey.DpadDown,
  DPAD_LEFT: AndroidKey.DpadLeft,
  DPAD_RIGHT: AndroidKey.DpadRight,
  TAB: AndroidKey.Tab,
  SPACE: AndroidKey.Space,
  ENTER: AndroidKey.Enter,
  DEL: AndroidKey.Del,
  ESCAPE: AndroidKey.Escape,
  FORWARD_DEL: AndroidKey.ForwardDel,
  APP_SWITCH: AndroidKey.AppSwitch,
  VOLUME_UP: 24,
  VOLUME_DOWN: 25,
  POWER: 26,
  MENU: 82,
  WAKEUP: 224,
};

export function parseKeycode(text: string): number | null {
  if (/^\d+$/.test(text)) {
    const code = Number(text);
    return code <= 0xffff ? code : null;
  }
  const name = text.toUpperCase().replace(/^KEYCODE_/, '');
  return KEYCODE_NAMES[name] ?? null;
}

const POINTER = 0n;

function parseCoordinates(values: string[]): number[] | null {
  const numbers = values.map(Number);
  return numbers.every((value) => Number.isFinite(value)) ? numbers.map((value) => Math.round(value)) : null;
}

function usage(io: ShellIo, message: string): number {
  io.stderr(`${message}\n`);
  return 1;
}

export function inputCommands(context: ShellContext): ShellCommand {
  const { screen } = context;

  const swipe = async (x1: number, y1: number, x2: number, y2: number, durationMs: number, io: ShellIo) => {
    // Android interpolates moves over the duration; a few steps with real waits keep long presses long.
    const steps = Math.max(1, Math.min(20, Math.round(durationMs / 16)));
    screen.touch(TouchAction.Down, x1, y1, POINTER);
    for (let step = 1; step <= steps; step += 1) {
      await abortableSleep(durationMs / steps, io.aborted);
      const t = step / steps;
      screen.touch(TouchAction.Move, Math.round(x1 + (x2 - x1) * t), Math.round(y1 + (y2 - y1) * t), POINTER);
    }
    screen.touch(TouchAction.Up, x2, y2, POINTER);
  };

  return async (rawArgs, io) => {
    // `input [touchscreen|keyboard|…] <command>`: the source only matters on real devices.
    const args = ['touchscreen', 'touchpad', 'keyboard', 'mouse', 'stylus', 'dpad'].includes(rawArgs[0] ?? '') ? rawArgs.slice(1) : rawArgs;
    const [command, ...rest] = args;
    switch (command) {
      case 'tap': {
        const point = parseCoordinates(rest);
        if (!point || point.length !== 2) return usage(io, 'Error: usage: input tap <x> <y>');
        screen.touch(TouchAction.Down, point[0]!, point[1]!, POINTER);
        screen.touch(TouchAction.Up, point[0]!, point[1]!, POINTER);
        return 0;
      }
      case 'swipe':
      case 'draganddrop': {
        const values = parseCoordinates(rest);
        if (!values || values.length < 4 || values.length > 5) {
          return usage(io, `Error: usage: input ${command} <x1> <y1> <x2> <y2> [duration(ms)]`);
        }
        const [x1, y1, x2, y2, duration] = values as [number, number, number, number, number?];
        await swipe(x1, y1, x2, y2, Math.min(Math.max(duration ?? 300, 0), 60_000), io);
        return 0;
      }
      case 'text': {
        if (rest.length === 0) return usage(io, 'Error: usage: input text <string>');
        // `input text` encodes spaces as %s because the shell splits words.
        screen.injectText(rest.join(' ').replace(/%s/g, ' '));
        return 0;
      }
      case 'keyevent': {
        const longPress = rest[0] === '--longpress';
        const codes = (longPress ? rest.slice(1) : rest).map(parseKeycode);
        if (codes.length === 0 || codes.some((code) => code === null)) {
          return usage(io, `Error: unknown keycode in: ${rest.join(' ')}`);
        }
        for (const code of codes as number[]) {
          screen.key(KeyAction.Down, code, 0, 0);
          if (longPress) screen.key(KeyAction.Down, code, 1, 0);
          screen.key(KeyAction.Up, code, 0, 0);
        }
        return 0;
      }
      default:
        io.stderr(`Error: Unknown command: ${command ?? ''}\nUsage: input [<source>] <command> [<arg>...]\n`);
        return 1;
    }
  };
}
