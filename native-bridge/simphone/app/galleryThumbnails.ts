// Gallery thumbnails: each image is decoded once, shrunk and kept as a small JPEG; a few are kept decoded for drawing.
import { createHash } from 'node:crypto';
import { createCanvas, Image } from '@napi-rs/canvas';

/** Longest side of a stored thumbnail; the largest tile drawn is ~160 dp, so this stays sharp at 2×. */
const THUMBNAIL_MAX = 360;
/** Decoded thumbnails kept ready (a picker screen shows ~30); the rest are re-decoded from their small JPEG. */
const DECODED_KEPT = 64;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A phone left running for weeks keeps receiving pushed images, so full-size decoded pixels are never kept:
 * ~20–40 KB per image stays in memory, plus a bounded set of decoded thumbnails.
 */
export class GalleryThumbnails {
  private readonly encoded = new Map<string, Buffer | null>();
  private readonly decoded = new Map<string, Image>();

  /** Decodes synchronously; an undecodable file is kept as null and drawn as a grey tile. Returns false then. */
  add(path: string, bytes: Uint8Array): boolean {
    const thumbnail = shrink(bytes);
    this.encoded.set(path, thumbnail);
    this.decoded.delete(path);
    return thumbnail !== null;
  }

  get(path: string): Image | null {
    const ready = this.decoded.get(path);
    if (ready !== undefined) {
      // Map order doubles as recency: move the hit to the end.
      this.decoded.delete(path);
      this.decoded.set(path, ready);
      return ready;
    }
    const bytes = this.encoded.get(path);
    if (bytes === undefined || bytes === null) return null;
    const image = new Image();
    image.src = bytes;
    if (image.width <= 0) return null;
    this.decoded.set(path, image);
    if (this.decoded.size > DECODED_KEPT) {
      const oldest = this.decoded.keys().next().value;
      if (oldest !== undefined) this.decoded.delete(oldest);
    }
    return image;
  }

  has(path: string): boolean {
    return this.encoded.has(path);
  }
}

function shrink(bytes: Uint8Array): Buffer | null {
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
  const g = canvas.getContext('2d');
  // Transparent PNGs show on white, as a gallery does.
  g.fillStyle = '#FFFFFF';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.encodeSync('jpeg', 88);
}
