// Helpers for the device-side box tests: waiting for conditions, collecting packets, decoding H.264 with ffprobe.
import { spawn } from 'node:child_process';
import type { VideoPacket, VideoStream } from '../../native-bridge/base/deviceHub.ts';

export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Everything a viewer would receive: the snapshot, then live packets. */
export function collect(stream: VideoStream): { packets: VideoPacket[]; stop: () => void } {
  const packets: VideoPacket[] = [...stream.snapshot()];
  const stop = stream.onPacket((packet) => packets.push(packet));
  return { packets, stop };
}

export function configs(packets: VideoPacket[]) {
  return packets.filter((p): p is Extract<VideoPacket, { type: 'config' }> => p.type === 'config');
}

export function keyFrames(packets: VideoPacket[]) {
  return packets.filter((p) => p.type === 'frame' && p.keyframe);
}

/** The packets of the latest decoder run: last config and the frames after it, as one Annex-B byte stream. */
export function latestAnnexB(packets: VideoPacket[]): Uint8Array {
  let start = -1;
  packets.forEach((p, i) => {
    if (p.type === 'config') start = i;
  });
  const run = start < 0 ? [] : packets.slice(start);
  const out = new Uint8Array(run.reduce((n, p) => n + p.data.byteLength, 0));
  let offset = 0;
  for (const p of run) {
    out.set(p.data, offset);
    offset += p.data.byteLength;
  }
  return out;
}

/** Decodes a raw H.264 stream with ffprobe (a real decoder): decoded frame count and picture size. */
export function decodeH264(bytes: Uint8Array): Promise<{ width: number; height: number; frames: number }> {
  return new Promise((resolve, reject) => {
    const probe = spawn('ffprobe', ['-v', 'error', '-f', 'h264', '-i', 'pipe:0', '-count_frames', '-select_streams', 'v:0',
      '-show_entries', 'stream=width,height,nb_read_frames', '-of', 'json'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    probe.stdout.on('data', (d: Buffer) => (out += d.toString()));
    probe.stderr.on('data', (d: Buffer) => (err += d.toString()));
    probe.on('error', reject);
    probe.on('close', (code) => {
      try {
        const parsed = JSON.parse(out) as { streams?: { width: number; height: number; nb_read_frames: string }[] };
        const stream = parsed.streams?.[0];
        if (!stream) throw new Error(`ffprobe found no video (exit ${code}): ${err}`);
        resolve({ width: stream.width, height: stream.height, frames: Number(stream.nb_read_frames) });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    probe.stdin.on('error', () => {});
    probe.stdin.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}

/** Centre (physical pixels), id and text of the first UI-dump node whose resource-id matches, in physical pixels. */
export function nodeCentre(xml: string, resourceId: RegExp): { x: number; y: number; id: string; text: string } | null {
  for (const match of xml.matchAll(/<node [^>]*>/g)) {
    const node = match[0];
    const id = /resource-id="([^"]*)"/.exec(node)?.[1] ?? '';
    if (!resourceId.test(id)) continue;
    const bounds = /bounds="\[(\d+),(\d+)\]\[(\d+),(\d+)\]"/.exec(node);
    if (!bounds) continue;
    const [x1, y1, x2, y2] = bounds.slice(1).map(Number) as [number, number, number, number];
    const text = (/ text="([^"]*)"/.exec(node)?.[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    return { x: (x1 + x2) / 2, y: (y1 + y2) / 2, id, text };
  }
  return null;
}
