// Test of cached thumbnails: size, format, cache file, and path safety.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { MediaStore } from './mediaStore.ts';
import { sniffImageType } from './imageType.ts';
import { thumbnailOf } from './thumbnails.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('thumbnailOf', () => {
  it('makes a JPEG with the longer edge at the limit, cached on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-thumb-'));
    dirs.push(dir);
    const db = openDatabase(join(dir, 'box.db'));
    const media = new MediaStore(db, dir);
    const canvas = createCanvas(800, 400);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#c00';
    ctx.fillRect(0, 0, 400, 400);
    const { sha256 } = media.putImage(canvas.toBuffer('image/webp'), 1);
    const thumb = await thumbnailOf(media, sha256, 256);
    expect(sniffImageType(thumb)).toBe('image/jpeg');
    const decoded = await loadImage(Buffer.from(thumb));
    expect([decoded.width, decoded.height]).toEqual([256, 128]);
    expect(existsSync(join(dir, 'media', 'thumbs', `${sha256}_256.jpg`))).toBe(true);
    expect(Buffer.from(await thumbnailOf(media, sha256, 256)).equals(Buffer.from(thumb))).toBe(true);
    expect(() => media.pathOf('../../etc/passwd')).toThrow(/not a sha256/);
    db.close();
  });
});
