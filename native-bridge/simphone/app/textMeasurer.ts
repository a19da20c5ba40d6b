// Measures text in the app's font on a tiny canvas, with a bounded cache (layouts re-measure the same strings often).
import type { SKRSContext2D } from '@napi-rs/canvas';
import { createCanvas } from '@napi-rs/canvas';
import { appFont } from './appFont.ts';
import type { MeasureText } from './layoutKit.ts';

const CACHE_LIMIT = 20_000;

export function createTextMeasurer(): MeasureText {
  const context: SKRSContext2D = createCanvas(1, 1).getContext('2d');
  const cache = new Map<string, number>();
  return (text, sizePx, bold = false) => {
    const key = `${sizePx}|${bold ? 1 : 0}|${text}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    context.font = appFont(sizePx, bold);
    const width = context.measureText(text).width;
    cache.set(key, width);
    return width;
  };
}
