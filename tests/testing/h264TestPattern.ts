// Real H.264 for console tests: the box benchmark's libx264 test pattern, shaped as the console tests use it.
import { encodeFixture } from '../../native-bridge/testing/h264Fixture.ts';

export interface H264Fixture {
  width: number;
  height: number;
  config: Uint8Array;
  /** One access unit per frame; the first is the key frame. */
  frames: { data: Uint8Array; keyframe: boolean }[];
}

/** A key frame every second, so a viewer joining late decodes within a second. */
export async function encodeTestPattern(width: number, height: number, seconds = 3, fps = 15): Promise<H264Fixture> {
  const fixture = await encodeFixture({ width, height, fps, seconds, gop: fps });
  return { width, height, config: fixture.config, frames: fixture.units };
}
