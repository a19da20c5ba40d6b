// Helpers for posting tests against a real box: PNG pictures, HTTP media calls, row counts.
import { createCanvas } from '@napi-rs/canvas';
import type { RunningBox } from '../../native-bridge/box.ts';

/** A distinct small PNG per index (different colour and label, so different hashes). */
export function testPicture(index: number): Buffer {
  const canvas = createCanvas(160, 120);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = ['#d33', '#3a3', '#33d', '#aa3'][index % 4] ?? '#777';
  ctx.fillRect(0, 0, 160, 120);
  ctx.fillStyle = '#fff';
  ctx.font = '40px sans-serif';
  ctx.fillText(String(index + 1), 60, 75);
  return canvas.toBuffer('image/png');
}

export async function uploadMedia(box: RunningBox, token: string | null, body: Uint8Array): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${box.url}/api/media`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: new Uint8Array(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

export async function getMedia(box: RunningBox, path: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const response = await fetch(`${box.url}${path}`);
  return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Rows in a posting table, read from the box's own store. */
export function countRows(box: RunningBox, table: 'posts' | 'post_images' | 'schedules' | 'jobs' | 'media'): number {
  if (!box.posting) throw new Error('posting is off on this box');
  return box.posting.engine.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
