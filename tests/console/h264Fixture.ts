// Real H.264 for console tests: encodes ffmpeg's test pattern with libx264 and splits it into access units.
import { spawn } from 'node:child_process';

export interface H264Fixture {
  width: number;
  height: number;
  config: Uint8Array;
  /** One access unit per frame; the first is the key frame. */
  frames: { data: Uint8Array; keyframe: boolean }[];
}

export async function encodeTestPattern(width: number, height: number, seconds = 3, fps = 15): Promise<H264Fixture> {
  const args = ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `testsrc=size=${width}x${height}:rate=${fps}`, '-t', String(seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-profile:v', 'baseline', '-bf', '0', '-threads', '1', '-g', String(fps), '-f', 'h264', '-'];
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    const child = spawn('ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`ffmpeg exited ${code}: ${stderr}`))));
  });
  return splitAccessUnits(new Uint8Array(bytes), width, height);
}

function nalUnits(data: Uint8Array): { start: number; end: number; type: number }[] {
  const starts: number[] = [];
  for (let i = 0; i + 3 < data.length; i++) {
    if (data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 1) {
      starts.push(i > 0 && data[i - 1] === 0 ? i - 1 : i);
      i += 2;
    }
  }
  return starts.map((start, index) => {
    const end = starts[index + 1] ?? data.length;
    const header = data[start + (data[start + 2] === 1 ? 3 : 4)] ?? 0;
    return { start, end, type: header & 0x1f };
  });
}

/** SPS/PPS become the config; a new access unit starts at a slice whose first_mb_in_slice is 0. */
export function splitAccessUnits(data: Uint8Array, width: number, height: number): H264Fixture {
  const config: Uint8Array[] = [];
  const frames: { data: Uint8Array; keyframe: boolean }[] = [];
  let pending: Uint8Array[] = [];
  let keyframe = false;
  let hasSlice = false;
  const flush = () => {
    if (hasSlice) frames.push({ data: concat(pending), keyframe });
    pending = [];
    keyframe = false;
    hasSlice = false;
  };
  for (const unit of nalUnits(data)) {
    const bytes = data.subarray(unit.start, unit.end);
    const payloadStart = bytes[2] === 1 ? 3 : 4;
    if (unit.type === 7 || unit.type === 8) {
      if (config.length < 2) config.push(bytes);
      continue;
    }
    if (unit.type === 1 || unit.type === 5) {
      const firstMbIsZero = ((bytes[payloadStart + 1] ?? 0) & 0x80) !== 0;
      if (firstMbIsZero) flush();
      hasSlice = true;
      if (unit.type === 5) keyframe = true;
    } else if (hasSlice) {
      flush();
    }
    pending.push(bytes);
  }
  flush();
  return { width, height, config: concat(config), frames };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
