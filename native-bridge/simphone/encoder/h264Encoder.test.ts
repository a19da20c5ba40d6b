// The encoder against real ffmpeg: FLV framing gives one access unit per frame, matching the Annex-B splitter.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AccessUnitSplitter, NalType } from './accessUnitSplitter.ts';
import { locateFfmpeg, FfmpegMissingError } from './ffmpegLocator.ts';
import { FlvVideoReader, type EncodedUnit } from './flvVideoReader.ts';
import { H264Encoder, h264EncoderArgs } from './h264Encoder.ts';
import { decodeH264 } from './h264Decoder.ts';
import { SpawnPacer } from './spawnPacer.ts';

const W = 216;
const H = 480;

function frame(shade: number): Uint8Array {
  const out = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y += 1) {
    for (let x = 0; x < W; x += 1) {
      const i = (y * W + x) * 4;
      out[i] = (shade + y) % 256;
      out[i + 1] = (shade * 3 + x) % 256;
      out[i + 2] = shade;
      out[i + 3] = 255;
    }
  }
  return out;
}

/** Runs ffmpeg once over `frames` with the encoder's arguments, output switched to `format`. */
async function encodeOffline(frames: Uint8Array[], format: 'flv' | 'h264', extra: string[] = []): Promise<Uint8Array> {
  const args = h264EncoderArgs({ width: W, height: H, fps: 15, bitRate: 800_000, gop: 150 });
  args.splice(args.length - 3, 3, ...extra, '-f', format, 'pipe:1');
  const child = spawn(locateFfmpeg(), args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (data: Buffer) => chunks.push(data));
  child.stdin.end(Buffer.concat(frames));
  await new Promise((resolve) => child.once('close', resolve));
  return Buffer.concat(chunks);
}

describe('AccessUnitSplitter with real x264 output', () => {
  it('finds one access unit per frame even with 4 slices per picture, split at any chunk size', async () => {
    const frames = [frame(10), frame(60), frame(110), frame(160)];
    const annexB = await encodeOffline(frames, 'h264', ['-x264-params', 'slices=4']);
    for (const chunkSize of [7, 1000, annexB.length]) {
      const splitter = new AccessUnitSplitter();
      const units = [];
      for (let i = 0; i < annexB.length; i += chunkSize) units.push(...splitter.push(annexB.subarray(i, i + chunkSize)));
      const last = splitter.flush();
      if (last) units.push(last);
      expect(units.length).toBe(4);
      expect(units.map((unit) => unit.keyframe)).toEqual([true, false, false, false]);
      expect(units[0]!.nalTypes.filter((type) => type === NalType.Idr).length).toBe(4);
      expect(units[0]!.nalTypes.slice(0, 2)).toEqual([NalType.Sps, NalType.Pps]);
      expect(Buffer.concat(units.map((unit) => unit.data)).equals(Buffer.from(annexB))).toBe(true);
    }
  });
});

describe('FlvVideoReader', () => {
  it('yields the config then exactly one frame per input frame, whatever the chunking', async () => {
    const flv = await encodeOffline([frame(0), frame(90), frame(180)], 'flv');
    for (const chunkSize of [1, 333, flv.length]) {
      const reader = new FlvVideoReader();
      const units: EncodedUnit[] = [];
      for (let i = 0; i < flv.length; i += chunkSize) units.push(...reader.push(flv.subarray(i, i + chunkSize)));
      expect(units.map((unit) => (unit.type === 'config' ? 'config' : unit.keyframe ? 'key' : 'delta'))).toEqual(['config', 'key', 'delta', 'delta']);
      expect(units[0]!.data[4]! & 0x1f).toBe(NalType.Sps);
    }
  });

  it('rejects a stream that is not FLV', () => {
    expect(() => new FlvVideoReader().push(new Uint8Array(20))).toThrow('not an FLV stream');
  });
});

describe('H264Encoder', () => {
  it('emits config + IDR for the first frame and decodable deltas for the next ones', async () => {
    const units: EncodedUnit[] = [];
    const failures: Error[] = [];
    const encoder = new H264Encoder({ ffmpegPath: locateFfmpeg(), width: W, height: H, fps: 15, bitRate: 800_000, gop: 150, onUnit: (unit) => units.push(unit), onFailure: (error) => failures.push(error) });
    encoder.start();
    try {
      for (const shade of [20, 120, 220]) {
        expect(encoder.encode(frame(shade))).toBe(true);
        // one frame at a time: a second one is refused until the first comes out
        expect(encoder.encode(frame(shade))).toBe(false);
        const before = units.filter((unit) => unit.type === 'frame').length;
        const deadline = Date.now() + 20_000;
        while (units.filter((unit) => unit.type === 'frame').length === before) {
          if (Date.now() > deadline) throw new Error('no frame from the encoder');
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
    } finally {
      await encoder.stop();
    }
    expect(failures).toEqual([]);
    expect(units.map((unit) => (unit.type === 'config' ? 'config' : unit.keyframe ? 'key' : 'delta'))).toEqual(['config', 'key', 'delta', 'delta']);
    const decoded = await decodeH264(Buffer.concat(units.map((unit) => unit.data)), W, H);
    expect(decoded.frames.length).toBe(3);
    const centre = ((H / 2) * W + W / 2) * 4;
    expect(Math.abs(decoded.frames[2]![centre + 2]! - 220)).toBeLessThan(10);
  });

  it('reports a missing ffmpeg with the fix', () => {
    expect(() => locateFfmpeg('/nonexistent-dir')).toThrow(FfmpegMissingError);
    expect(() => locateFfmpeg('')).toThrow(/apt-get install ffmpeg/);
  });
});

describe('SpawnPacer', () => {
  it('hands out slots one interval apart in request order', async () => {
    let now = 1000;
    const timers: { at: number; run: () => void }[] = [];
    const pacer = new SpawnPacer({ intervalMs: 100, now: () => now, setTimer: (run, ms) => timers.push({ at: now + ms, run }) });
    const order: number[] = [];
    await pacer.slot();
    order.push(0);
    const second = pacer.slot().then(() => order.push(1));
    const third = pacer.slot().then(() => order.push(2));
    expect(timers.map((timer) => timer.at)).toEqual([1100, 1200]);
    now = 1200;
    for (const timer of timers) timer.run();
    await Promise.all([second, third]);
    expect(order).toEqual([0, 1, 2]);
  });
});
