// Gallery thumbnails: small stored copies that decode back to the image's look, bounded decoded cache, broken files.
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { GalleryThumbnails } from './galleryThumbnails.ts';

function png(color: string, width: number, height: number): Uint8Array {
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = color;
  g.fillRect(0, 0, width, height);
  return canvas.encodeSync('png');
}

describe('GalleryThumbnails', () => {
  it('keeps a shrunk copy with the aspect ratio and the colours of the original', () => {
    const thumbs = new GalleryThumbnails();
    expect(thumbs.add('/a.png', png('#ff0000', 1200, 600))).toBe(true);
    const image = thumbs.get('/a.png');
    expect([image?.width, image?.height]).toEqual([360, 180]);
    const canvas = createCanvas(10, 10);
    const g = canvas.getContext('2d');
    if (image === null) throw new Error('no thumbnail');
    g.drawImage(image, 0, 0, 10, 10);
    const [r, gr, b] = g.getImageData(5, 5, 1, 1).data;
    expect(r).toBeGreaterThan(230);
    expect(gr).toBeLessThan(30);
    expect(b).toBeLessThan(30);
  });

  it('serves more images than it keeps decoded, and replaces an image pushed again under the same path', () => {
    const thumbs = new GalleryThumbnails();
    for (let i = 0; i < 100; i++) thumbs.add(`/p${i}.png`, png(`hsl(${i * 3},80%,50%)`, 40 + i, 40));
    for (let i = 0; i < 100; i++) expect(thumbs.get(`/p${i}.png`)?.width).toBe(40 + i);
    thumbs.add('/p0.png', png('#000000', 20, 30));
    expect(thumbs.get('/p0.png')?.height).toBe(30);
  });

  it('reports undecodable files and has no picture for them', () => {
    const thumbs = new GalleryThumbnails();
    expect(thumbs.add('/bad.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0x00]))).toBe(false);
    expect(thumbs.has('/bad.jpg')).toBe(true);
    expect(thumbs.get('/bad.jpg')).toBeNull();
    expect(thumbs.get('/never-added.png')).toBeNull();
  });
});
