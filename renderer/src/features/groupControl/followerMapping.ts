// Maps what the leader's operator did onto a follower phone: positions by their place relative to the screen.
import type { Input } from '../../../../native-bridge/protocol/controlInput.ts';

export interface FollowerScreen {
  width: number;
  height: number;
}

export type MappedInput = { ok: true; input: Input } | { ok: false; reason: 'sizeUnknown' };

/** A pixel of a `fromW`×`fromH` frame → the pixel at the same relative place of a `toW`×`toH` screen. */
export function mapCoordinate(value: number, from: number, to: number): number {
  const relative = (value + 0.5) / from;
  return Math.min(to - 1, Math.max(0, Math.floor(relative * to)));
}

/**
 * The box scales positions from whatever frame size a client names onto its control session's video, refusing
 * only a frame of the other orientation (inputMapper.mapPoint). So a follower needs no video subscription:
 * positions are sent in its device size (DeviceInfo width/height, current orientation) with that size as frame.
 */
export function mapInputForFollower(input: Input, screen: FollowerScreen): MappedInput {
  if (!('frameWidth' in input)) return { ok: true, input };
  if (screen.width <= 0 || screen.height <= 0) return { ok: false, reason: 'sizeUnknown' };
  const frame = { frameWidth: screen.width, frameHeight: screen.height };
  const x = mapCoordinate(input.x, input.frameWidth, screen.width);
  const y = mapCoordinate(input.y, input.frameHeight, screen.height);
  if (input.kind === 'swipe') {
    const toX = mapCoordinate(input.toX, input.frameWidth, screen.width);
    const toY = mapCoordinate(input.toY, input.frameHeight, screen.height);
    return { ok: true, input: { ...input, ...frame, x, y, toX, toY } };
  }
  return { ok: true, input: { ...input, ...frame, x, y } };
}
