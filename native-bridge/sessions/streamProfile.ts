// Stream profiles (grid tiles vs the focused phone) and the scrcpy options each one turns into.
import type { StreamProfileName } from '../base/deviceHub.ts';

export interface StreamProfile {
  /** Longest side of the video in pixels (scrcpy `max_size`). */
  maxSize: number;
  maxFps: number;
  /** Bits per second. */
  bitRate: number;
}

export const defaultStreamProfiles: Record<StreamProfileName, StreamProfile> = {
  grid: { maxSize: 480, maxFps: 15, bitRate: 800_000 },
  focus: { maxSize: 1280, maxFps: 30, bitRate: 6_000_000 },
};

/** Overrides merged over the defaults, field by field. */
export function resolveStreamProfiles(
  overrides: Partial<Record<StreamProfileName, Partial<StreamProfile>>> | undefined,
): Record<StreamProfileName, StreamProfile> {
  return {
    grid: { ...defaultStreamProfiles.grid, ...overrides?.grid },
    focus: { ...defaultStreamProfiles.focus, ...overrides?.focus },
  };
}
