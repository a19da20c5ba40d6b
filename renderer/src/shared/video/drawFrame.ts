// Draws a decoded frame into a canvas at the canvas's displayed size, letterboxed like the pointer mapping.
import { containRect } from '../input/coordinateMapping.ts';

/** Resizes the backing store to the element's on-screen pixels; returns false when the canvas is not laid out. */
export function fitCanvas(canvas: HTMLCanvasElement, pixelRatio: number): boolean {
  const width = Math.round(canvas.clientWidth * pixelRatio);
  const height = Math.round(canvas.clientHeight * pixelRatio);
  if (width <= 0 || height <= 0) return false;
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  return true;
}

export function drawFrameContained(context: CanvasRenderingContext2D, frame: VideoFrame, width: number, height: number): void {
  const rect = containRect({ width, height }, frame.displayWidth, frame.displayHeight);
  context.clearRect(0, 0, width, height);
  context.drawImage(frame, rect.left, rect.top, rect.width, rect.height);
}
