// Draws a laid-out screen into canvases at any target size (drawn at that scale, not a scaled bitmap) and caches frames.
import type { Canvas } from '@napi-rs/canvas';
import { createCanvas } from '@napi-rs/canvas';
import type { ThumbnailLookup } from './sceneDrawer.ts';
import { drawScene } from './sceneDrawer.ts';
import type { ViewNode } from './viewNode.ts';

/** Distinct output sizes kept (grid stream, focus stream, screencap, one spare). */
const SIZES_KEPT = 4;

export class ScreenRenderer {
  private readonly canvases = new Map<string, Canvas>();
  private readonly frames = new Map<string, { version: number; rgba: Uint8Array }>();

  constructor(private readonly thumbnails: ThumbnailLookup) {}

  /**
   * RGBA of `root` (laid out at sourceW×sourceH) drawn at width×height. Cached per size and scene version, so
   * several streams of one phone draw once each; the array is shared with the cache: read it, never write to it.
   */
  rgba(root: ViewNode, version: number, sourceW: number, sourceH: number, width: number, height: number): Uint8Array {
    const key = `${width}x${height}`;
    const cached = this.frames.get(key);
    if (cached !== undefined && cached.version === version) return cached.rgba;
    const rgba = this.draw(root, sourceW, sourceH, width, height).data();
    if (!this.frames.has(key) && this.frames.size >= SIZES_KEPT) this.frames.clear();
    this.frames.set(key, { version, rgba });
    return rgba;
  }

  png(root: ViewNode, width: number, height: number): Uint8Array {
    return this.draw(root, width, height, width, height).encodeSync('png');
  }

  private draw(root: ViewNode, sourceW: number, sourceH: number, width: number, height: number): Canvas {
    if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
      throw new Error(`invalid render size ${width}x${height}`);
    }
    const key = `${width}x${height}`;
    let canvas = this.canvases.get(key);
    if (canvas === undefined) {
      if (this.canvases.size >= SIZES_KEPT) this.canvases.clear();
      canvas = createCanvas(width, height);
      this.canvases.set(key, canvas);
    }
    const g = canvas.getContext('2d');
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.fillStyle = '#000000';
    g.fillRect(0, 0, width, height);
    g.setTransform(width / sourceW, 0, 0, height / sourceH, 0, 0);
    drawScene(g, root, this.thumbnails);
    return canvas;
  }
}
