// Tests of the content-addressed media store: real images in, wrong type and oversize refused.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import type { BoxError } from '../base/boxError.ts';
import { MediaStore, maxImageBytes, sha256Hex } from './mediaStore.ts';
import { sniffImageType } from './imageType.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'pw-media-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'box.db'));
  return { db, dir, media: new MediaStore(db, dir) };
}

function pngBytes(color: string): Uint8Array {
  const canvas = createCanvas(8, 8);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 8, 8);
  return canvas.toBuffer('image/png');
}

describe('MediaStore', () => {
  it('stores a real PNG content-addressed and reads it back', () => {
    const { db, dir, media } = setup();
    const png = pngBytes('#f00');
    const record = media.putImage(png, 10);
    expect(record.sha256).toBe(sha256Hex(png));
    expect(record.mime).toBe('image/png');
    const path = join(dir, 'media', record.sha256.slice(0, 2), record.sha256);
    expect(existsSync(path)).toBe(true);
    expect(Buffer.from(media.read(record.sha256)).equals(Buffer.from(png))).toBe(true);
    expect(media.putImage(png, 20).createdAt).toBe(10);
    expect(readdirSync(join(dir, 'media', record.sha256.slice(0, 2)))).toEqual([record.sha256]);
    db.close();
  });

  it('sniffs JPEG, WebP and GIF from magic bytes', () => {
    const canvas = createCanvas(4, 4);
    expect(sniffImageType(canvas.toBuffer('image/jpeg'))).toBe('image/jpeg');
    expect(sniffImageType(canvas.toBuffer('image/webp'))).toBe('image/webp');
    expect(sniffImageType(Buffer.from('GIF89a\x01\x00\x01\x00'))).toBe('image/gif');
    expect(sniffImageType(Buffer.from('%PDF-1.7'))).toBeNull();
  });

  it('rejects non-images and oversize files with a clear error and writes nothing', () => {
    const { db, dir, media } = setup();
    expect(() => media.putImage(Buffer.from('hello, not a picture'), 1)).toThrow(/not a PNG, JPEG, WebP or GIF/);
    const big = new Uint8Array(maxImageBytes + 1);
    big.set(pngBytes('#0f0'));
    try {
      media.putImage(big, 1);
      expect.unreachable();
    } catch (error) {
      expect((error as BoxError).code).toBe('too_large');
      expect((error as BoxError).message).toMatch(/limit is 20 MiB/);
    }
    expect(db.prepare('SELECT COUNT(*) FROM media').pluck().get()).toBe(0);
    expect(existsSync(join(dir, 'media'))).toBe(false);
    db.close();
  });
});
