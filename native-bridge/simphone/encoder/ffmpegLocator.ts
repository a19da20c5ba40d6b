// Finds the ffmpeg executable on PATH, with an error that names the fix.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export class FfmpegMissingError extends Error {
  readonly code = 'FFMPEG_MISSING';
}

/** Returns the absolute path of `ffmpeg` on the given PATH, or throws FfmpegMissingError. */
export function locateFfmpeg(pathVariable: string | undefined = process.env['PATH']): string {
  const names = process.platform === 'win32' ? ['ffmpeg.exe'] : ['ffmpeg'];
  for (const dir of (pathVariable ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here, keep looking
      }
    }
  }
  throw new FfmpegMissingError(
    'ffmpeg was not found on PATH; the simulated phone needs it to encode H.264 (Debian/Ubuntu: apt-get install ffmpeg)',
  );
}
