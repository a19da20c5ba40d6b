// Small JPEG previews of stored images for the material box and job board, cached next to the media.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { writeDurably, type MediaStore } from './mediaStore.ts';

/** Scales an image so its longer edge is at most `maxEdge` (never up), as JPEG. */
export async function makeThumbnail(bytes: Uint8Array, maxEdge: number): Promise<Uint8Array> {
  const image = await loadImage(Buffer.from(bytes));
  const scale = Math.min(1, maxEdge / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  // JPEG has no alpha: transparent pixels become white, as on a phone's gallery.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(image, 0, 0, width, height);
  return canvas.toBuffer('image/jpeg', 82);
}

/** The thumbnail of a stored image, made once and then read from `media/thumbs/`. */
export async function thumbnailOf(media: MediaStore, sha256: string, maxEdge = 256): Promise<Uint8Array> {
  const edge = Math.max(16, Math.min(1024, Math.round(maxEdge)));
  const path = join(media.root, 'thumbs', `${sha256}_${edge}.jpg`);
  if (existsSync(path)) return readFileSync(path);
  const thumbnail = await makeThumbnail(media.read(sha256), edge);
  writeDurably(path, thumbnail);
  return thumbnail;
}
