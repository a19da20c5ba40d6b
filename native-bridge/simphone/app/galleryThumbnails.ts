// Decodes gallery images (PNG/JPEG bytes) once into small canvases that every screen draws as thumbnails.
import { createHash } from 'node:crypto';
import type { Canvas } from '@napi-rs/canvas';
import { createCanvas, Image } from '@napi-rs/canvas';

/** Longest side of a stored thumbnail; the largest tile drawn is ~160 dp, so this stays sharp at 2×. */
const THUMBNAIL_MAX = 360;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class GalleryThumbnails {
  private readonly byPath = new Map<string, Canvas | null>();

  /** Decodes synchronously; an undecodable file is kept as null and drawn as a grey tile. */
  add(path: string, bytes: Uint8Array): boolean {
    const thumbnail = decodeThumbnail(bytes);
    this.byPath.set(path, thumbnail);
    return thumbnail !== null;
  }

  get(path: string): Canvas | null {
    return this.byPath.get(path) ?? null;
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }
}

function decodeThumbnail(bytes: Uint8Array): Canvas | null {
  const image = new Image();
  try {
    image.src = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch {
    return null;
  }
  const { width, height } = image;
  if (width <= 0 || height <= 0) return null;
  const scale = Math.min(1, THUMBNAIL_MAX / Math.max(width, height));
  const canvas = createCanvas(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)));
  canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas;
}
