// Maps pointer positions on a tile to video-frame pixels, honouring aspect ratio and letterboxing.

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where a frame of `frameWidth`×`frameHeight` is drawn inside `area` when scaled to fit (object-fit: contain). */
export function containRect(area: { width: number; height: number }, frameWidth: number, frameHeight: number): Box {
  if (frameWidth <= 0 || frameHeight <= 0 || area.width <= 0 || area.height <= 0) return { left: 0, top: 0, width: 0, height: 0 };
  const scale = Math.min(area.width / frameWidth, area.height / frameHeight);
  const width = frameWidth * scale;
  const height = frameHeight * scale;
  return { left: (area.width - width) / 2, top: (area.height - height) / 2, width, height };
}

export interface FramePoint {
  x: number;
  y: number;
  frameWidth: number;
  frameHeight: number;
}

/**
 * Client (viewport) coordinates → integer frame pixels. Returns null in the letterbox bars unless `clamp` is set
 * (a drag that leaves the picture keeps moving along its edge instead of being cut).
 */
export function clientToFrame(element: Box, frameWidth: number, frameHeight: number, clientX: number, clientY: number, clamp = false): FramePoint | null {
  const picture = containRect(element, frameWidth, frameHeight);
  if (picture.width === 0) return null;
  const rx = (clientX - element.left - picture.left) / picture.width;
  const ry = (clientY - element.top - picture.top) / picture.height;
  const inside = rx >= 0 && rx < 1 && ry >= 0 && ry < 1;
  if (!inside && !clamp) return null;
  const x = Math.min(frameWidth - 1, Math.max(0, Math.floor(rx * frameWidth)));
  const y = Math.min(frameHeight - 1, Math.max(0, Math.floor(ry * frameHeight)));
  return { x, y, frameWidth, frameHeight };
}
