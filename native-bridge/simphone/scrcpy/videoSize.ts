// Computes the encoded video size from the screen size and max_size, like the real server (limit, then round to 8).

export interface Size {
  width: number;
  height: number;
}

/** Scales the longer side down to maxSize (0 = no limit) keeping the aspect ratio, then rounds to multiples of 8. */
export function computeVideoSize(screen: Size, maxSize: number): Size {
  let { width, height } = screen;
  const portrait = height > width;
  let major = portrait ? height : width;
  let minor = portrait ? width : height;
  if (maxSize > 0 && major > maxSize) {
    minor = Math.floor((minor * maxSize) / major);
    major = maxSize;
  }
  // The major side is rounded down (never above the limit), the minor one to the nearest multiple of 8.
  major &= ~7;
  minor = (minor + 4) & ~7;
  width = portrait ? minor : major;
  height = portrait ? major : minor;
  return { width: Math.max(8, width), height: Math.max(8, height) };
}
