// Input messages a client may send to one phone: schemas with coordinate, key and duration checks.
import { z } from 'zod';
import { Limits } from './limits.ts';

/** Android keycodes clients may name instead of sending the number. */
export const KeyName = {
  home: 3,
  back: 4,
  call: 5,
  endcall: 6,
  up: 19,
  down: 20,
  left: 21,
  right: 22,
  center: 23,
  volume_up: 24,
  volume_down: 25,
  power: 26,
  camera: 27,
  tab: 61,
  space: 62,
  enter: 66,
  del: 67,
  menu: 82,
  search: 84,
  media_play_pause: 85,
  page_up: 92,
  page_down: 93,
  escape: 111,
  forward_del: 112,
  move_home: 122,
  move_end: 123,
  app_switch: 187,
  wakeup: 224,
  sleep: 223,
} as const;
export type KeyName = keyof typeof KeyName;

const KEY_NAMES = Object.keys(KeyName) as [KeyName, ...KeyName[]];
/** Highest Android keycode (KEYCODE_* ends below 320 as of Android 14); anything above is refused. */
export const MAX_KEYCODE = 319;

const frameSize = z.int().min(1).max(Limits.frameMaxSize);
const coordinate = z.int().min(0).max(Limits.frameMaxSize - 1);
const pointerId = z.int().min(0).max(31);

/** Coordinates must lie inside the frame the client saw. */
function insideFrame(value: { x: number; y: number; frameWidth: number; frameHeight: number }, ctx: z.RefinementCtx, prefix = '') {
  if (value.x >= value.frameWidth) ctx.addIssue({ code: 'custom', message: `${prefix}x must be < frameWidth`, path: ['x'] });
  if (value.y >= value.frameHeight) ctx.addIssue({ code: 'custom', message: `${prefix}y must be < frameHeight`, path: ['y'] });
}

const point = { x: coordinate, y: coordinate, frameWidth: frameSize, frameHeight: frameSize };

export const TouchInputSchema = z
  .strictObject({ kind: z.literal('touch'), action: z.enum(['down', 'move', 'up', 'cancel']), pointerId, ...point })
  .superRefine((v, ctx) => insideFrame(v, ctx));

/** A tap (down + up at one point); `holdMs` > 0 makes it a long press. */
export const TapInputSchema = z
  .strictObject({ kind: z.literal('tap'), ...point, holdMs: z.int().min(0).max(Limits.gestureMaxMs).optional() })
  .superRefine((v, ctx) => insideFrame(v, ctx));

/** A straight swipe from (x, y) to (toX, toY) over `durationMs`. */
export const SwipeInputSchema = z
  .strictObject({
    kind: z.literal('swipe'),
    ...point,
    toX: coordinate,
    toY: coordinate,
    durationMs: z.int().min(0).max(Limits.gestureMaxMs).optional(),
    steps: z.int().min(1).max(Limits.swipeMaxSteps).optional(),
  })
  .superRefine((v, ctx) => {
    insideFrame(v, ctx);
    insideFrame({ x: v.toX, y: v.toY, frameWidth: v.frameWidth, frameHeight: v.frameHeight }, ctx, 'to');
  });

/** Scroll amounts are in notches, -16..16 (scrcpy fixed point covers -1..1 per event; the box splits). */
export const ScrollInputSchema = z
  .strictObject({
    kind: z.literal('scroll'),
    ...point,
    dx: z.number().min(-16).max(16),
    dy: z.number().min(-16).max(16),
  })
  .superRefine((v, ctx) => insideFrame(v, ctx));

/** A key by Android keycode or by name; `press` sends down then up. */
export const KeyInputSchema = z.strictObject({
  kind: z.literal('key'),
  action: z.enum(['down', 'up', 'press']),
  key: z.union([z.int().min(0).max(MAX_KEYCODE), z.enum(KEY_NAMES)]),
  metaState: z.int().min(0).max(0x7fffffff).optional(),
});

export const BackInputSchema = z.strictObject({ kind: z.literal('back') });
export const HomeInputSchema = z.strictObject({ kind: z.literal('home') });
export const RecentsInputSchema = z.strictObject({ kind: z.literal('recents') });

/** UTF-8 length without TextEncoder (the protocol stays free of DOM and Node types). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Android package name or app label; START_APP carries it with a one-byte length. */
export const AppNameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\u0000-\u001f"'`$\\;&|<>]+$/u, 'app name contains characters that are not allowed')
  .refine((name) => utf8Bytes(name) <= 255, 'app name is longer than 255 bytes');

export const StartAppInputSchema = z.strictObject({ kind: z.literal('startApp'), name: AppNameSchema });

export const StreamProfileSchema = z.enum(['grid', 'focus']);
export type StreamProfile = z.infer<typeof StreamProfileSchema>;

export const ResetVideoInputSchema = z.strictObject({ kind: z.literal('resetVideo'), profile: StreamProfileSchema });

export const InputSchema = z.discriminatedUnion('kind', [
  TouchInputSchema,
  TapInputSchema,
  SwipeInputSchema,
  ScrollInputSchema,
  KeyInputSchema,
  BackInputSchema,
  HomeInputSchema,
  RecentsInputSchema,
  StartAppInputSchema,
  ResetVideoInputSchema,
]);
export type Input = z.infer<typeof InputSchema>;

/** Resolves a key given by name or number to its Android keycode. */
export function keycodeOf(key: number | KeyName): number {
  return typeof key === 'number' ? key : KeyName[key];
}
