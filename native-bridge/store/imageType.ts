// Recognises the image formats a post may carry from their first bytes (never from a file name).
export const ImageMime = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
} as const;
export type ImageMime = (typeof ImageMime)[keyof typeof ImageMime];

const extensions: Record<ImageMime, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + prefix.length) return false;
  return prefix.every((value, index) => bytes[offset + index] === value);
}

export function sniffImageType(bytes: Uint8Array): ImageMime | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ImageMime.png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ImageMime.jpeg;
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return ImageMime.webp;
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return ImageMime.gif;
  return null;
}

export function imageExtension(mime: ImageMime): string {
  return extensions[mime];
}
