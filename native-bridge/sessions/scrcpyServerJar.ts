// Locates the scrcpy-server jar the box pushes to phones, and writes the stand-in that simulated phones accept.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The server version the installed Tango packages speak (AdbScrcpyOptionsLatest). */
export const scrcpyServerVersion = '3.3.3';

/** Where the jar goes on the phone (scrcpy's own default). */
export const phoneServerPath = '/data/local/tmp/scrcpy-server.jar';

export function missingJarReason(path: string | null): string {
  const where = path ?? '(no path configured)';
  return `scrcpy-server jar not found at ${where}: set --scrcpy-server PATH or run npm run fetch:scrcpy-server`;
}

/** Null when the jar is a readable, non-empty file; otherwise the reason to show on the device. */
export async function checkServerJar(path: string | null): Promise<string | null> {
  if (!path) return missingJarReason(path);
  try {
    const info = await stat(path);
    return info.isFile() && info.size > 0 ? null : missingJarReason(path);
  } catch {
    return missingJarReason(path);
  }
}

export async function readServerJar(path: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path));
}

/**
 * Simulated phones run their own scrcpy emulation and accept any pushed file as the server, so simulation
 * needs no real jar; the box still pushes this file through the same path a real phone gets.
 */
export async function writeStandInJar(dataDir: string): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, `scrcpy-server-${scrcpyServerVersion}-simulated.jar`);
  await writeFile(path, `PhoneWall stand-in for scrcpy-server ${scrcpyServerVersion}, accepted only by simulated phones.\n`);
  return path;
}
