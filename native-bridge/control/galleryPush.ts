// Copies images into the phone's gallery folder over ADB sync, with progress, then media-scans each one.
import type { Adb } from '@yume-chan/adb';
import { ReadableStream } from '@yume-chan/stream-extra';
import type { PushProgress } from '../base/deviceHub.ts';
import { BoxError } from '../base/boxError.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';

export const galleryFolder = '/sdcard/DCIM/PhoneWall';
/** ADB sync DATA chunks are at most 64 KiB. */
const chunkBytes = 64 * 1024;
export const maxImageBytes = 50 * 1024 * 1024;
/** A plain file name with an image extension: it goes into a shell command line, so nothing else is allowed. */
const imageName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.(?:jpe?g|png|webp|gif|heic)$/i;

export function validateImageName(name: string): string | null {
  if (!imageName.test(name) || name.includes('..')) return `"${name}" is not a plain image file name (letters, digits, . _ -, image extension)`;
  return null;
}

function progressStream(bytes: Uint8Array, onChunk: (sent: number) => void): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) {
        controller.close();
        return;
      }
      const end = Math.min(bytes.byteLength, offset + chunkBytes);
      controller.enqueue(bytes.subarray(offset, end));
      offset = end;
      onChunk(offset);
    },
  });
}

export async function pushGalleryImages(
  adb: Adb,
  files: { name: string; bytes: Uint8Array }[],
  onProgress?: (progress: PushProgress) => void,
): Promise<string[]> {
  for (const file of files) {
    const problem = validateImageName(file.name);
    if (problem) throw new BoxError(ErrorCode.BadRequest, problem);
    if (file.bytes.byteLength === 0 || file.bytes.byteLength > maxImageBytes) {
      throw new BoxError(ErrorCode.BadRequest, `"${file.name}" must be between 1 byte and ${maxImageBytes} bytes`);
    }
  }
  const paths: string[] = [];
  const sync = await adb.sync();
  try {
    for (const file of files) {
      const path = `${galleryFolder}/${file.name}`;
      const totalBytes = file.bytes.byteLength;
      onProgress?.({ file: file.name, sentBytes: 0, totalBytes });
      await sync.write({
        filename: path,
        file: progressStream(file.bytes, (sentBytes) => onProgress?.({ file: file.name, sentBytes, totalBytes })),
        permission: 0o644,
        mtime: Math.floor(Date.now() / 1000),
      });
      paths.push(path);
    }
  } finally {
    await sync.dispose();
  }
  for (const path of paths) {
    await adb.subprocess.noneProtocol.spawnWaitText(
      `am broadcast -a android.intent.action.MEDIA_SCANNER_SCAN_FILE -d file://${path}`,
    );
  }
  return paths;
}
