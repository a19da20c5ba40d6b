// Maps one protocol input onto the phone's control session, once: straight to Tango's control messages, with the
// pauses a tap or a swipe needs. The protocol's schemas validated the input; only what depends on the live video
// (its size and orientation) is checked here.
import { AndroidKeyCode, AndroidKeyEventAction, AndroidMotionEventAction } from '@yume-chan/scrcpy';
import type { AndroidKeyEventMeta } from '@yume-chan/scrcpy';
import type { ScrcpyInjectKeyCodeControlMessage, ScrcpyInjectScrollControlMessage, ScrcpyInjectTouchControlMessage } from '@yume-chan/scrcpy';
import { BoxError } from '../base/boxError.ts';
import type { Input } from '../base/deviceHub.ts';
import { keycodeOf } from '../protocol/controlInput.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';

type Message<T> = Omit<T, 'type'>;

/** One thing to do on the control socket, or a pause between two of them. */
export type ControlStep =
  | { op: 'touch'; message: Message<ScrcpyInjectTouchControlMessage> }
  | { op: 'scroll'; message: Message<ScrcpyInjectScrollControlMessage> }
  | { op: 'key'; message: Message<ScrcpyInjectKeyCodeControlMessage> }
  | { op: 'startApp'; name: string }
  | { op: 'wait'; ms: number };

export interface VideoSize {
  width: number;
  height: number;
}

type FramePoint = { x: number; y: number; frameWidth: number; frameHeight: number };

/** Pointer id of the gestures the box synthesises (taps, swipes), apart from the client's own touches. */
const GESTURE_POINTER = 0;
const touchActions = {
  down: AndroidMotionEventAction.Down,
  up: AndroidMotionEventAction.Up,
  move: AndroidMotionEventAction.Move,
  cancel: AndroidMotionEventAction.Cancel,
} as const;

/**
 * Maps a position in the frame the client saw onto the control session's video. The orientation must agree:
 * a frame from before a rotation would land the tap somewhere else, so it is refused instead.
 */
export function mapPoint(point: FramePoint, video: VideoSize): { ok: true; x: number; y: number } | { ok: false; message: string } {
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

function mapped(point: FramePoint, video: VideoSize): { x: number; y: number } {
  const result = mapPoint(point, video);
  if (!result.ok) throw new BoxError(ErrorCode.BadRequest, result.message);
  return result;
}

function touch(action: keyof typeof touchActions, pointerId: number, point: FramePoint, video: VideoSize): ControlStep {
  const { x, y } = mapped(point, video);
  return {
    op: 'touch',
    message: {
      action: touchActions[action],
      pointerId: BigInt(pointerId),
      pointerX: x,
      pointerY: y,
      videoWidth: video.width,
      videoHeight: video.height,
      pressure: action === 'up' || action === 'cancel' ? 0 : 1,
      actionButton: 0,
      buttons: 0,
    },
  };
}

function keys(action: 'down' | 'up' | 'press', keyCode: number, metaState = 0): ControlStep[] {
  const key = (keyAction: AndroidKeyEventAction): ControlStep => ({
    op: 'key',
    message: { action: keyAction, keyCode: keyCode as AndroidKeyCode, repeat: 0, metaState: metaState as AndroidKeyEventMeta },
  });
  if (action === 'down') return [key(AndroidKeyEventAction.Down)];
  if (action === 'up') return [key(AndroidKeyEventAction.Up)];
  return [key(AndroidKeyEventAction.Down), key(AndroidKeyEventAction.Up)];
}

/** The steps of one input for a control session whose video is `video`; throws `bad_request` for a stale frame. */
export function mapInput(input: Exclude<Input, { kind: 'resetVideo' }>, video: VideoSize): ControlStep[] {
  switch (input.kind) {
    case 'touch':
      return [touch(input.action, input.pointerId, input, video)];
    case 'tap': {
      const steps = [touch('down', GESTURE_POINTER, input, video)];
      if (input.holdMs) steps.push({ op: 'wait', ms: input.holdMs });
      steps.push(touch('up', GESTURE_POINTER, input, video));
      return steps;
    }
    case 'swipe': {
      const count = input.steps ?? 10;
      const pause = (input.durationMs ?? 300) / count;
      const at = (x: number, y: number): FramePoint => ({ x, y, frameWidth: input.frameWidth, frameHeight: input.frameHeight });
      const steps = [touch('down', GESTURE_POINTER, input, video)];
      for (let i = 1; i <= count; i += 1) {
        const x = Math.round(input.x + ((input.toX - input.x) * i) / count);
        const y = Math.round(input.y + ((input.toY - input.y) * i) / count);
        steps.push({ op: 'wait', ms: pause }, touch('move', GESTURE_POINTER, at(x, y), video));
      }
      steps.push(touch('up', GESTURE_POINTER, at(input.toX, input.toY), video));
      return steps;
    }
    case 'scroll': {
      const { x, y } = mapped(input, video);
      return [{ op: 'scroll', message: { pointerX: x, pointerY: y, videoWidth: video.width, videoHeight: video.height, scrollX: input.dx, scrollY: input.dy, buttons: 0 } }];
    }
    case 'key':
      return keys(input.action, keycodeOf(input.key), input.metaState);
    case 'back':
      return keys('press', AndroidKeyCode.AndroidBack);
    case 'home':
      return keys('press', AndroidKeyCode.AndroidHome);
    case 'recents':
      return keys('press', AndroidKeyCode.AndroidAppSwitch);
    case 'startApp':
      return [{ op: 'startApp', name: input.name }];
  }
}
