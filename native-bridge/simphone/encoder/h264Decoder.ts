// Decodes an Annex-B H.264 stream to RGBA frames with ffmpeg (verifies what the simulated phone sends).
import { spawn } from 'node:child_process';
import { locateFfmpeg } from './ffmpegLocator.ts';

export interface DecodedFrames {
  width: number;
  height: number;
  frames: Uint8Array[];
}

/** Decodes every frame of `annexB` (expected size width×height); rejects if ffmpeg reports an error. */
export async function decodeH264(annexB: Uint8Array, width: number, height: number, ffmpegPath = locateFfmpeg()): Promise<DecodedFrames> {
  const child = spawn(ffmpegPath, [
    '-hide_banner', '-loglevel', 'error', '-nostdin', '-f', 'h264', '-i', 'pipe:0',
    '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1',
  ], { stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => chunks.push(data));
  child.stderr.on('data', (data: Buffer) => {
    stderr += data.toString('utf8');
  });
  child.stdin.on('error', () => undefined);
  child.stdin.end(annexB);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0 || stderr.trim() !== '') throw new Error(`ffmpeg could not decode the stream (${code}): ${stderr.trim()}`);
  const all = Buffer.concat(chunks);
  const frameSize = width * height * 4;
  if (all.length % frameSize !== 0) throw new Error(`decoded ${all.length} bytes, not a whole number of ${width}x${height} frames`);
  const frames: Uint8Array[] = [];
  for (let offset = 0; offset < all.length; offset += frameSize) frames.push(new Uint8Array(all.subarray(offset, offset + frameSize)));
  return { width, height, frames };
}
