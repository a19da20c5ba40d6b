// The tray icon drawn in code (a 2×2 wall of phone screens), so no binary asset is needed: raw BGRA pixels.

export interface IconBitmap {
  width: number;
  height: number;
  /** BGRA, row-major, what `nativeImage.createFromBitmap` expects. */
  pixels: Buffer;
}

const brand = { b: 0xff, g: 0x64, r: 0x16 };

export function trayIconBitmap(size = 32): IconBitmap {
  const pixels = Buffer.alloc(size * size * 4);
  const gap = Math.max(1, Math.round(size / 16));
  const cell = Math.floor((size - 3 * gap) / 2);
  for (let row = 0; row < 2; row++) {
    for (let col = 0; col < 2; col++) {
      const left = gap + col * (cell + gap);
      const top = gap + row * (cell + gap);
      // Each phone is taller than wide: trim the sides.
      const inset = Math.round(cell / 5);
      for (let y = top; y < top + cell; y++) {
        for (let x = left + inset; x < left + cell - inset; x++) {
          const offset = (y * size + x) * 4;
          pixels[offset] = brand.b;
          pixels[offset + 1] = brand.g;
          pixels[offset + 2] = brand.r;
          pixels[offset + 3] = 0xff;
        }
      }
    }
  }
  return { width: size, height: size, pixels };
}
