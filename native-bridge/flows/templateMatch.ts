// Finds a small template image in a screenshot by normalized cross-correlation on downscaled grayscale.
import { createCanvas, loadImage } from '@napi-rs/canvas';

export interface GrayImage {
  width: number;
  height: number;
  pixels: Float32Array;
}

export interface TemplateMatch {
  /** Centre of the best match, in the screenshot's own pixels. */
  x: number;
  y: number;
  /** Normalized cross-correlation in [-1, 1]; 1 is a perfect match. */
  score: number;
}

/** Decodes a PNG/JPEG and converts it to grayscale, scaled by `scale` (≤ 1). */
export async function decodeGray(bytes: Uint8Array, scale: number): Promise<GrayImage> {
  const image = await loadImage(Buffer.from(bytes));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0, width, height);
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const pixels = new Float32Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = 0.299 * (rgba[i * 4] ?? 0) + 0.587 * (rgba[i * 4 + 1] ?? 0) + 0.114 * (rgba[i * 4 + 2] ?? 0);
  return { width, height, pixels };
}

/**
 * Exhaustive NCC: score = Σ(s−s̄)(t−t̄) / √(Σ(s−s̄)² Σ(t−t̄)²) at every offset. Robust to uniform brightness and
 * contrast changes; NOT to scale or rotation (cut templates from a screenshot of the same phone model and size),
 * and a flat template (no variance) matches nothing. Downscaling keeps it at a few ms per screenshot.
 */
export function matchTemplate(screen: GrayImage, template: GrayImage): TemplateMatch | null {
  const { width: tw, height: th } = template;
  if (tw > screen.width || th > screen.height) return null;
  const n = tw * th;
  let tMean = 0;
  for (const value of template.pixels) tMean += value;
  tMean /= n;
  const tDev = new Float32Array(n);
  let tNorm = 0;
  for (let i = 0; i < n; i++) {
    const d = (template.pixels[i] ?? 0) - tMean;
    tDev[i] = d;
    tNorm += d * d;
  }
  if (tNorm === 0) return null;
  let best: TemplateMatch | null = null;
  const s = screen.pixels;
  for (let oy = 0; oy + th <= screen.height; oy++) {
    for (let ox = 0; ox + tw <= screen.width; ox++) {
      let sum = 0;
      let sumSq = 0;
      let cross = 0;
      for (let y = 0; y < th; y++) {
        const row = (oy + y) * screen.width + ox;
        const trow = y * tw;
        for (let x = 0; x < tw; x++) {
          const v = s[row + x] ?? 0;
          sum += v;
          sumSq += v * v;
          cross += v * (tDev[trow + x] ?? 0);
        }
      }
      const sVar = sumSq - (sum * sum) / n;
      if (sVar <= 1e-6) continue;
      const score = cross / Math.sqrt(sVar * tNorm);
      if (best === null || score > best.score) best = { x: ox + tw / 2, y: oy + th / 2, score };
    }
  }
  return best;
}

/** Scale so the screenshot is about 180 px wide: enough detail for icons, cheap enough to scan exhaustively. */
export function matchScale(screenWidth: number): number {
  return Math.min(1, 180 / Math.max(1, screenWidth));
}

export async function locateTemplate(screenshotPng: Uint8Array, templatePng: Uint8Array): Promise<TemplateMatch | null> {
  const probe = await loadImage(Buffer.from(screenshotPng));
  const scale = matchScale(probe.width);
  const [screen, template] = await Promise.all([decodeGray(screenshotPng, scale), decodeGray(templatePng, scale)]);
  const found = matchTemplate(screen, template);
  return found ? { x: found.x / scale, y: found.y / scale, score: found.score } : null;
}
