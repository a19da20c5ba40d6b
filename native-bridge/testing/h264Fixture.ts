// Pre-encoded H.264 for replay: encodes a test pattern with ffmpeg/libx264 and splits it into access units.
import { spawn } from 'node:child_process';

export interface AccessUnit {
  data: Uint8Array;
  keyframe: boolean;
}

export interface H264Fixture {
  /** SPS + PPS (Annex B). */
  config: Uint8Array;
  units: AccessUnit[];
  width: number;
  height: number;
  fps: number;
}

export interface FixtureOptions {
  width: number;
  height: number;
  fps: number;
  seconds: number;
  gop?: number;
  /** Adds per-frame noise so frames are large (backpressure tests need bytes). */
  noisy?: boolean;
}

/** Start offsets of NAL units (after their start code) in an Annex B byte stream. */
function nalStarts(bytes: Uint8Array): { start: number; codeStart: number }[] {
  const starts: { start: number; codeStart: number }[] = [];
  for (let i = 0; i + 2 < bytes.length; i += 1) {
    if (bytes[i] === 0 && bytes[i + 1] === 0 && bytes[i + 2] === 1) {
      const codeStart = i > 0 && bytes[i - 1] === 0 ? i - 1 : i;
      starts.push({ start: i + 3, codeStart });
      i += 2;
    }
  }
  return starts;
}

/**
 * Groups NAL units into access units. A new unit starts at a slice whose first_mb_in_slice is 0 (its ue(v) code
 * is the single bit 1, so the byte after the NAL header has its top bit set); x264 with sliced threads writes
 * several slices per frame.
 */
export function splitAccessUnits(bytes: Uint8Array): { config: Uint8Array; units: AccessUnit[] } {
  const starts = nalStarts(bytes);
  const configParts: Uint8Array[] = [];
  const units: AccessUnit[] = [];
  let current: { begin: number; end: number; keyframe: boolean; hasSlice: boolean } | null = null;
  let pendingBegin: number | null = null;
  const flush = () => {
    if (current?.hasSlice) units.push({ data: bytes.slice(current.begin, current.end), keyframe: current.keyframe });
    current = null;
  };
  starts.forEach((nal, index) => {
    const end = starts[index + 1]?.codeStart ?? bytes.length;
    const type = (bytes[nal.start] ?? 0) & 0x1f;
    if (type === 7 || type === 8) {
      flush();
      if (units.length === 0) configParts.push(bytes.slice(nal.codeStart, end));
      return;
    }
    if (type === 1 || type === 5) {
      const firstMbZero = ((bytes[nal.start + 1] ?? 0) & 0x80) !== 0;
      if (firstMbZero || current === null) {
        flush();
        current = { begin: pendingBegin ?? nal.codeStart, end, keyframe: type === 5, hasSlice: true };
        pendingBegin = null;
      } else {
        current.end = end;
      }
      return;
    }
    // SEI, AUD and others belong to the next access unit.
    flush();
    if (pendingBegin === null) pendingBegin = nal.codeStart;
  });
  flush();
  const configLength = configParts.reduce((sum, part) => sum + part.length, 0);
  const config = new Uint8Array(configLength);
  let offset = 0;
  for (const part of configParts) {
    config.set(part, offset);
    offset += part.length;
  }
  return { config, units };
}

export async function encodeFixture(options: FixtureOptions): Promise<H264Fixture> {
  const source = `testsrc2=size=${options.width}x${options.height}:rate=${options.fps}${options.noisy ? ',noise=alls=60:allf=t' : ''}`;
  const args = [
    '-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', source, '-t', String(options.seconds),
    '-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-profile:v', 'baseline',
    '-bf', '0', '-g', String(options.gop ?? options.fps * 2), '-f', 'h264', 'pipe:1',
  ];
  const bytes = await new Promise<Uint8Array>((resolve, reject) => {
    const child = spawn('ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(new Uint8Array(Buffer.concat(chunks))) : reject(new Error(`ffmpeg exited ${code}: ${stderr.trim()}`))));
  });
  const { config, units } = splitAccessUnits(bytes);
  if (config.length === 0 || units.length === 0 || !units[0]?.keyframe) throw new Error('ffmpeg produced no usable H.264');
  return { config, units, width: options.width, height: options.height, fps: options.fps };
}
