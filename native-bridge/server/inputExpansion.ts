// Turns one protocol input (tap, swipe, key press, …) into the device side's ControlInput steps with pauses.
import type { ControlInput } from '../devices/deviceHub.ts';
import { keycodeOf } from '../protocol/controlInput.ts';
import type { Input } from '../protocol/controlInput.ts';

export type InputStep = { input: ControlInput } | { waitMs: number };

/** Pointer id used for gestures the box synthesises (taps, swipes), apart from the client's own touches. */
const GESTURE_POINTER = 0;

export function expandInput(input: Input): InputStep[] {
  switch (input.kind) {
    case 'touch':
    case 'scroll':
    case 'back':
    case 'home':
    case 'recents':
    case 'startApp':
    case 'resetVideo':
      return [{ input }];
    case 'tap': {
      const at = { pointerId: GESTURE_POINTER, x: input.x, y: input.y, frameWidth: input.frameWidth, frameHeight: input.frameHeight };
      const steps: InputStep[] = [{ input: { kind: 'touch', action: 'down', ...at } }];
      if (input.holdMs) steps.push({ waitMs: input.holdMs });
      steps.push({ input: { kind: 'touch', action: 'up', ...at } });
      return steps;
    }
    case 'swipe': {
      const count = input.steps ?? 10;
      const duration = input.durationMs ?? 300;
      const frame = { pointerId: GESTURE_POINTER, frameWidth: input.frameWidth, frameHeight: input.frameHeight };
      const steps: InputStep[] = [{ input: { kind: 'touch', action: 'down', x: input.x, y: input.y, ...frame } }];
      for (let i = 1; i <= count; i += 1) {
        steps.push({ waitMs: duration / count });
        const x = Math.round(input.x + ((input.toX - input.x) * i) / count);
        const y = Math.round(input.y + ((input.toY - input.y) * i) / count);
        steps.push({ input: { kind: 'touch', action: 'move', x, y, ...frame } });
      }
      steps.push({ input: { kind: 'touch', action: 'up', x: input.toX, y: input.toY, ...frame } });
      return steps;
    }
    case 'key': {
      const meta = input.metaState === undefined ? {} : { metaState: input.metaState };
      return [{ input: { kind: 'key', action: input.action, keycode: keycodeOf(input.key), ...meta } }];
    }
  }
}
