// Validates a ControlInput and maps it onto the control session's video size as scrcpy commands.
import { z } from 'zod';
import { AndroidKeyCode } from '@yume-chan/scrcpy';
import type { ControlInput } from '../devices/deviceHub.ts';
import { MAX_KEYCODE } from '../protocol/controlInput.ts';

/** Android's KEYCODE_* range (0 is KEYCODE_UNKNOWN); the protocol refuses anything above it too. */
const isKnownKeyCode = (code: number) => Number.isInteger(code) && code >= 1 && code <= MAX_KEYCODE;
const keyHome = AndroidKeyCode.AndroidHome;
const keyBack = AndroidKeyCode.AndroidBack;
const keyAppSwitch = AndroidKeyCode.AndroidAppSwitch;

/** START_APP carries the name with a u8 length. */
const startAppMaxBytes = 255;

const frameSize = {
  frameWidth: z.number().int().min(1).max(16_384),
  frameHeight: z.number().int().min(1).max(16_384),
};
const coordinate = z.number().finite();

export const controlInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('touch'),
    action: z.enum(['down', 'move', 'up', 'cancel']),
    pointerId: z.number().int().min(0).max(0xffff_ffff),
    x: coordinate,
    y: coordinate,
    ...frameSize,
  }),
  z.object({
    kind: z.literal('scroll'),
    x: coordinate,
    y: coordinate,
    ...frameSize,
    dx: z.number().finite().min(-16).max(16),
    dy: z.number().finite().min(-16).max(16),
  }),
  z.object({
    kind: z.literal('key'),
    action: z.enum(['down', 'up', 'press']),
    keycode: z.number().int().refine((code) => isKnownKeyCode(code), 'unknown Android keycode'),
    metaState: z.number().int().min(0).max(0x7fff_ffff).optional(),
  }),
  z.object({ kind: z.literal('back') }),
  z.object({ kind: z.literal('home') }),
  z.object({ kind: z.literal('recents') }),
  z.object({
    kind: z.literal('startApp'),
    name: z
      .string()
      .min(1)
      .refine((name) => new TextEncoder().encode(name).byteLength <= startAppMaxBytes, 'app name too long')
      .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'app name has control characters'),
  }),
  z.object({ kind: z.literal('resetVideo'), profile: z.enum(['grid', 'focus']) }),
]);

/** A scrcpy control command in the control session's video coordinates, ready for Tango's writer. */
export type ScrcpyCommand =
  | { op: 'touch'; action: 0 | 1 | 2 | 3; pointerId: bigint; x: number; y: number; videoWidth: number; videoHeight: number; pressure: number }
  | { op: 'scroll'; x: number; y: number; videoWidth: number; videoHeight: number; scrollX: number; scrollY: number }
  | { op: 'key'; action: 0 | 1; keycode: number; metaState: number }
  | { op: 'startApp'; name: string }
  | { op: 'resetVideo'; profile: 'grid' | 'focus' };

export type MapResult = { ok: true; commands: ScrcpyCommand[] } | { ok: false; message: string };

const touchActions = { down: 0, up: 1, move: 2, cancel: 3 } as const;

/** Parses unknown input into a ControlInput, or explains why not. */
export function parseControlInput(input: unknown): { ok: true; input: ControlInput } | { ok: false; message: string } {
  const parsed = controlInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ') };
  return { ok: true, input: parsed.data as ControlInput };
}

/**
 * Maps a position in the frame the client saw onto the control session's video. The orientation must agree:
 * a frame from before a rotation would land the tap somewhere else, so it is refused instead.
 */
export function mapPoint(
  point: { x: number; y: number; frameWidth: number; frameHeight: number },
  video: { width: number; height: number },
): { ok: true; x: number; y: number } | { ok: false; message: string } {
  const { x, y, frameWidth, frameHeight } = point;
  if (x < 0 || y < 0 || x >= frameWidth || y >= frameHeight) {
    return { ok: false, message: `position ${x},${y} is outside the ${frameWidth}x${frameHeight} frame` };
  }
  if (video.width <= 0 || video.height <= 0) return { ok: false, message: 'the video size is not known yet' };
  if (frameWidth > frameHeight !== video.width > video.height && frameWidth !== frameHeight) {
    return { ok: false, message: `the ${frameWidth}x${frameHeight} frame no longer matches the screen orientation (${video.width}x${video.height})` };
  }
  return {
    ok: true,
    x: Math.min(video.width - 1, Math.round((x * video.width) / frameWidth)),
    y: Math.min(video.height - 1, Math.round((y * video.height) / frameHeight)),
  };
}

function keyCommands(action: 'down' | 'up' | 'press', keycode: number, metaState = 0): ScrcpyCommand[] {
  const down: ScrcpyCommand = { op: 'key', action: 0, keycode, metaState };
  const up: ScrcpyCommand = { op: 'key', action: 1, keycode, metaState };
  if (action === 'down') return [down];
  if (action === 'up') return [up];
  return [down, up];
}

/** Turns a validated input into commands for a control session whose video is `video`. */
export function mapControlInput(input: ControlInput, video: { width: number; height: number }): MapResult {
  switch (input.kind) {
    case 'touch': {
      const point = mapPoint(input, video);
      if (!point.ok) return point;
      const action = touchActions[input.action];
      return {
        ok: true,
        commands: [{
          op: 'touch',
          action,
          pointerId: BigInt(input.pointerId),
          x: point.x,
          y: point.y,
          videoWidth: video.width,
          videoHeight: video.height,
          pressure: input.action === 'up' || input.action === 'cancel' ? 0 : 1,
        }],
      };
    }
    case 'scroll': {
      const point = mapPoint(input, video);
      if (!point.ok) return point;
      return {
        ok: true,
        commands: [{ op: 'scroll', x: point.x, y: point.y, videoWidth: video.width, videoHeight: video.height, scrollX: input.dx, scrollY: input.dy }],
      };
    }
    case 'key':
      if (!isKnownKeyCode(input.keycode)) return { ok: false, message: `unknown Android keycode ${input.keycode}` };
      return { ok: true, commands: keyCommands(input.action, input.keycode, input.metaState) };
    case 'back':
      return { ok: true, commands: keyCommands('press', keyBack) };
    case 'home':
      return { ok: true, commands: keyCommands('press', keyHome) };
    case 'recents':
      return { ok: true, commands: keyCommands('press', keyAppSwitch) };
    case 'startApp':
      return { ok: true, commands: [{ op: 'startApp', name: input.name }] };
    case 'resetVideo':
      return { ok: true, commands: [{ op: 'resetVideo', profile: input.profile }] };
  }
}
