// Takes screenshots of one or several phones through the box and hands the operator one PNG or one zip.
import type { BoxLinks } from '../../shared/connection/boxLinks.ts';
import { errorCodeOf } from '../../shared/errors.ts';
import type { WallDevice } from '../../shared/state/boxesSlice.ts';
import { decodePng, screenshotFileName, zipFileName, zipFiles } from './screenshotFiles.ts';
import type { NamedFile } from './screenshotFiles.ts';

export interface ScreenshotBatch {
  files: NamedFile[];
  failed: { device: WallDevice; reason: string }[];
}

/** Phones asked at once: enough to be quick, few enough that fifty phones do not flood the box. */
const parallel = 4;

export async function takeScreenshots(devices: readonly WallDevice[], links: BoxLinks, now: () => Date): Promise<ScreenshotBatch> {
  const results: ({ file: NamedFile } | { failed: { device: WallDevice; reason: string } })[] = new Array(devices.length);
  let next = 0;
  const worker = async () => {
    while (next < devices.length) {
      const index = next++;
      const device = devices[index]!;
      try {
        const result = await links.require(device.boxId).request({ type: 'screenshot', deviceId: device.id });
        const bytes = decodePng(result.base64);
        results[index] = bytes ? { file: { name: screenshotFileName(device.model || device.serial, now()), bytes } } : { failed: { device, reason: 'internal' } };
      } catch (error) {
        results[index] = { failed: { device, reason: errorCodeOf(error) } };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, devices.length) }, worker));
  return {
    files: results.flatMap((result) => ('file' in result ? [result.file] : [])),
    failed: results.flatMap((result) => ('failed' in result ? [result.failed] : [])),
  };
}

/** What to hand over: a lone PNG as itself, several as one zip. */
export function packScreenshots(files: readonly NamedFile[], at: Date): { name: string; bytes: Uint8Array; mime: string } | null {
  if (files.length === 0) return null;
  if (files.length === 1) return { name: files[0]!.name, bytes: files[0]!.bytes, mime: 'image/png' };
  return { name: zipFileName(files.length, at), bytes: zipFiles(files, at), mime: 'application/zip' };
}

/** A browser download (the desktop API has no save-to-folder method, so the app downloads the same way). */
export function downloadFile(file: { name: string; bytes: Uint8Array; mime: string }, document: Document): void {
  const url = URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the next task; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
